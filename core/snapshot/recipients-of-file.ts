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
  if (file.recipientSet === undefined) return [...distinctOnce(manifest.recipients)];
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set) return [];
  // Once per set object, not per file: a restore or verify asks for every file, and
  // hashing the set each time was ~5% of a verify's CPU (ADR 1104).
  let checked = memo.get(set);
  if (checked?.id !== file.recipientSet || checked.recipients !== set.recipients) {
    checked = {
      id: file.recipientSet,
      recipients: set.recipients,
      opens:
        recipientSetId(set.recipients) === file.recipientSet
          ? distinctRecipients(set.recipients)
          : [],
    };
    memo.set(set, checked);
  }
  return [...checked.opens];
}

const memo = new WeakMap<object, { id: string; recipients: readonly string[]; opens: string[] }>();
const distinct = new WeakMap<readonly string[], string[]>();

function distinctOnce(recipients: readonly string[]): string[] {
  let found = distinct.get(recipients);
  if (!found) distinct.set(recipients, (found = distinctRecipients(recipients)));
  return found;
}
