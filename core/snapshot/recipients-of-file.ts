import { distinctRecipients } from "../crypto/distinct-recipients.js";
import { recipientSetId } from "../crypto/recipient-set-id.js";
import type { Manifest, RegularFileEntry } from "../types.js";

/**
 * Who can open a file's blob, as its manifest records it: the blob's recipient
 * set; a set the manifest does not define (or whose id does not match its
 * recipients) opens for nobody listed. Older manifests name no set per blob:
 * then the writer's claim, the snapshot's recipients, is all there is.
 */
export function recipientsOfFile(
  manifest: Pick<Manifest, "recipients" | "recipientSets">,
  file: Pick<RegularFileEntry, "recipientSet">,
): string[] {
  if (file.recipientSet === undefined) return distinctRecipients(manifest.recipients);
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set || recipientSetId(set.recipients) !== file.recipientSet) return [];
  return distinctRecipients(set.recipients);
}
