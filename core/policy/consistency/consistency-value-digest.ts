import { createHmac } from "node:crypto";

/** 48 bits: enough to tell two values apart in a message. */
const DIGEST_HEX = 12;

/**
 * What a consistency outcome shows of a value instead of the value: the start
 * of HMAC-SHA256 under the writer key's MAC key. The manifest is readable
 * without a key, and a compared value may be a password; without the MAC key a
 * digest cannot be checked against guesses. Domain-separated from blob ids
 * (also HMACs under that key), so a text file's id does not give its digest.
 */
export function consistencyValueDigest(macKey: Uint8Array, value: string): string {
  return createHmac("sha256", macKey)
    .update("snapgate.consistency-value/v1\0")
    .update(value, "utf8")
    .digest("hex")
    .slice(0, DIGEST_HEX);
}
