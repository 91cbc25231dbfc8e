import { sha256Hex } from "../crypto/sha256-hex.js";

const known = new WeakMap<Uint8Array, string>();

/**
 * The sha256 of a blob's bytes as read, computed once per buffer: the members
 * of a pack (ADR 1114) share one read, and each is checked against the hash
 * the signed manifest records, so a 64-member pack is hashed once, not 64 times.
 */
export function blobSha256(bytes: Uint8Array): string {
  let hash = known.get(bytes);
  if (hash === undefined) {
    hash = sha256Hex(bytes);
    known.set(bytes, hash);
  }
  return hash;
}
