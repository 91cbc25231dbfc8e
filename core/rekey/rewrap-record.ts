import type { BlobRef } from "../store/store.js";

/**
 * A signed statement by a writer key: the blob a signed manifest names as
 * `old` now lives as `new`, the same payload under a re-wrapped header
 * (docs/adr/1301-rekey-rewrap-records.md). Manifests stay as they were signed.
 */
export interface RewrapRecord {
  format: "snapgate.rewrap/v1";
  old: BlobRef;
  new: BlobRef;
  /** Who the new blob is sealed to (its set id is recipientSetId of these). */
  recipients: string[];
  /** Bytes of the age payload both files share. */
  payloadBytes: number;
  time: string;
  signature: { alg: "ed25519"; key: string; value: string };
}

export type RewrapRecordBody = Omit<RewrapRecord, "signature">;

/** rewraps/<old id>/<old ciphertext sha256>.json: found from a manifest entry alone. */
export function rewrapRecordPath(old: Pick<BlobRef, "id" | "sha256">): string {
  return `rewraps/${old.id}/${old.sha256}.json`;
}
