import type { BlobOpener } from "../crypto/blob-opener.js";
import { SnapgateError } from "../errors.js";
import type { Manifest } from "../types.js";

/**
 * Refuses, before anything is done on its behalf, an identity that is none
 * of the snapshot's recipients: a restore that claims an approved request
 * and then cannot decrypt would use the request up for nothing.
 */
export function assertIdentityIsRecipient(
  opener: Pick<BlobOpener, "recipients">,
  manifest: Pick<Manifest, "recipients" | "stream" | "seq">,
): void {
  if (opener.recipients.some((recipient) => manifest.recipients.includes(recipient))) return;
  throw new SnapgateError(
    "WRONG_KEY",
    `Snapshot ${manifest.stream}@${manifest.seq} is encrypted to ${manifest.recipients.join(", ")}; your identity is ${opener.recipients.join(", ")}. Nothing was restored.`,
    {
      fix: "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key).",
    },
  );
}
