/**
 * Ciphertexts this process read through a trusted re-wrap record, mapped to
 * the ciphertext sha256 of the blob they stand for (the one the signed
 * manifest names). Keyed by the array object itself: only bytes the resolver
 * checked against a signed record are in it, and they leave with the GC.
 */
export const verifiedRewraps = new WeakMap<Uint8Array, string>();
