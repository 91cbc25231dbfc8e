import { distinctRecipients } from "../crypto/distinct-recipients.js";
import type { Manifest } from "../types.js";
import { recipientsOfFile } from "./recipients-of-file.js";

export interface RecipientGap {
  path: string;
  /** Recipients of the snapshot that cannot open this file's blob. */
  cannotOpen: string[];
}

/**
 * Files of a snapshot that some of its listed recipients cannot open (their
 * blob is sealed to another recipient set): what `verify` and the gate report.
 * A manifest that records no recipient sets (written by an older version)
 * has no gaps that can be seen without decrypting.
 */
export function recipientGaps(
  manifest: Pick<Manifest, "recipients" | "recipientSets" | "files">,
): RecipientGap[] {
  const listed = distinctRecipients(manifest.recipients);
  const gaps: RecipientGap[] = [];
  for (const file of manifest.files) {
    if (file.type !== "file") continue;
    const opens = new Set(recipientsOfFile(manifest, file));
    const cannotOpen = listed.filter((recipient) => !opens.has(recipient));
    if (cannotOpen.length > 0) gaps.push({ path: file.path, cannotOpen });
  }
  return gaps;
}
