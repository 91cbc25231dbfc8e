import { sha256Hex } from "../crypto/sha256-hex.js";
import type { Sodium } from "../crypto/sodium.js";
import type { BlobRef, Store } from "../store/store.js";
import { rewrapRecordPath } from "./rewrap-record.js";
import { trustedRewrapRecord } from "./trusted-rewrap-record.js";
import { verifiedRewraps } from "./verified-rewraps.js";

/** A blob re-wrapped again and again (one rekey per rotation) is followed this far. */
const MAX_HOPS = 16;

export type RewrapResolver = (missing: BlobRef) => Promise<Uint8Array | null>;

/**
 * Finds a blob that `snapgate rekey` re-wrapped: follows signed re-wrap records
 * from the ref a manifest names to the file that holds its payload now. The
 * bytes are returned only when every record on the way is signed by a trusted
 * writer key and the file hashes to what the last one says; they are then
 * registered as standing for the manifest's ciphertext hash.
 */
export function rewrapResolver(
  store: Store,
  sodium: Sodium,
  trustedKeys: readonly string[],
): RewrapResolver {
  return async (missing) => {
    let ref: BlobRef = missing;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const bytes = await store.readRecord(rewrapRecordPath(ref));
      if (!bytes) return null;
      const record = trustedRewrapRecord(sodium, bytes, trustedKeys);
      if (!record || record.old.id !== ref.id || record.old.sha256 !== ref.sha256) return null;
      ref = record.new;
      const ciphertext = await store.readBlob(ref);
      if (!ciphertext) continue;
      if (sha256Hex(ciphertext) !== ref.sha256) return null;
      verifiedRewraps.set(ciphertext, { standsFor: missing.sha256, record });
      return ciphertext;
    }
    return null;
  };
}
