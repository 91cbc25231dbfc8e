import { createHmac } from "node:crypto";

const ZERO_SALT = Buffer.alloc(32);
const COUNTER_1 = Buffer.of(1);

/**
 * HKDF-SHA-256 (RFC 5869) for one 32-byte output block, as age derives every key:
 * Extract is HMAC(salt, ikm) (an empty salt is 32 zero bytes), Expand of one block is
 * HMAC(prk, info || 0x01). Two HMACs on Node's OpenSSL cost ~13 µs against ~29 µs for
 * `hkdfSync`, which builds key objects on every call; a blob takes 3-4 of them (ADR 1104).
 * test/unit/crypto/hkdf-sha256.test.ts checks it against `hkdfSync` and RFC 5869.
 */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: string): Buffer {
  const prk = createHmac("sha256", salt.length === 0 ? ZERO_SALT : salt)
    .update(ikm)
    .digest();
  return createHmac("sha256", prk).update(info, "latin1").update(COUNTER_1).digest();
}
