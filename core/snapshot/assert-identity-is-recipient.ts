import type { BlobOpener } from "../crypto/blob-opener.js";
import { distinctRecipients } from "../crypto/distinct-recipients.js";
import { SnapgateError } from "../errors.js";
import type { Manifest } from "../types.js";
import { recipientsOfFile } from "./recipients-of-file.js";

/**
 * Refuses, before anything is done on its behalf, an identity that is none
 * of the snapshot's recipients, or that its manifest records some file is
 * not sealed to: a restore that claims an approved request and then cannot
 * decrypt would use the request up for nothing.
 */
export function assertIdentityIsRecipient(
  opener: Pick<BlobOpener, "recipients">,
  manifest: Pick<Manifest, "recipients" | "recipientSets" | "files" | "stream" | "seq">,
): void {
  const identity = distinctRecipients(opener.recipients);
  const opens = (recipients: readonly string[]) =>
    identity.some((recipient) => recipients.includes(recipient));
  const fix =
    "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key).";
  if (!opens(manifest.recipients)) {
    throw new SnapgateError(
      "WRONG_KEY",
      `Snapshot ${manifest.stream}@${manifest.seq} is encrypted to ${distinctRecipients(manifest.recipients).join(", ")}; your identity is ${identity.join(", ")}. Nothing was restored.`,
      { fix },
    );
  }
  const sealedToOthers = manifest.files.filter(
    (file) => file.type === "file" && !opens(recipientsOfFile(manifest, file)),
  );
  if (sealedToOthers.length > 0) {
    throw new SnapgateError(
      "WRONG_KEY",
      `${sealedToOthers.length} file(s) of snapshot ${manifest.stream}@${manifest.seq} are not sealed to your identity ${identity.join(", ")}, although the snapshot lists it: ${sealedToOthers
        .slice(0, 3)
        .map((file) => file.path)
        .join(", ")}${sealedToOthers.length > 3 ? ", ..." : ""}. Nothing was restored.`,
      {
        fix: `${fix} \`snapgate verify\` lists which recipients cannot open which files; a new snapshot seals every file to the current recipients.`,
      },
    );
  }
}
