import type { RewrapRecord } from "./rewrap-record.js";

/** What the resolver learnt about bytes it read through trusted re-wrap records. */
export interface VerifiedRewrap {
  /** The ciphertext sha256 of the blob they stand for (the one the signed manifest names). */
  standsFor: string;
  /** The last record followed: who the bytes are sealed to now, and when. */
  record: RewrapRecord;
}

/**
 * Ciphertexts this process read through a trusted re-wrap record. Keyed by the
 * array object itself: only bytes the resolver checked against a signed record
 * are in it, and they leave with the GC.
 */
export const verifiedRewraps = new WeakMap<Uint8Array, VerifiedRewrap>();
