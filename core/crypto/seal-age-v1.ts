import { createCipheriv, createHmac } from "node:crypto";
import { hkdfSha256 } from "./hkdf-sha256.js";
import { pooledRandomBytes } from "./pooled-random-bytes.js";
import type { Recipient } from "age-encryption";

/** age v1 STREAM: 64 KiB chunks, each ChaCha20-Poly1305 with a 16-byte tag. */
const CHUNK = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** Unpadded standard base64, as the age header writes it. */
function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("base64")
    .replace(/=+$/, "");
}

/**
 * Encrypts `plaintext` as one binary age v1 file (c2sp.org/age) to these
 * recipients, in one synchronous call on Node's OpenSSL: a fresh 16-byte file
 * key and payload nonce per call, the header's stanzas from each recipient, its
 * HMAC, then the STREAM payload. The bytes are what `age -r` writes (stanza
 * bodies wrapped at 64 columns, the last chunk flagged, an empty file is one
 * empty final chunk); `age -d` and the age-encryption library read them (both
 * checked in test/unit/crypto/age-v1-codec.test.ts). It replaces the library's
 * web-stream pipeline and pure-JS ciphers for blobs, which cost ~3 times the CPU
 * per file (ADR 1104). Recipients must wrap synchronously (the X25519 one does).
 * The file key and nonce come from this thread's random pool (ADR 1110): fresh
 * bytes every call, never handed out twice.
 */
export function sealAgeV1(plaintext: Uint8Array, recipients: readonly Recipient[]): Buffer {
  const fileKey = pooledRandomBytes(16);
  let header = "age-encryption.org/v1\n";
  for (const recipient of recipients) {
    const stanzas = recipient.wrapFileKey(fileKey);
    if (stanzas instanceof Promise) throw new Error("sealAgeV1 needs a synchronous recipient");
    for (const stanza of stanzas) {
      header += `-> ${stanza.args.join(" ")}\n`;
      const body = b64(stanza.body);
      for (let at = 0; at < body.length; at += 64) header += `${body.slice(at, at + 64)}\n`;
      // The body ends with a line shorter than 64 columns, empty when the last one was full.
      if (body.length % 64 === 0) header += "\n";
    }
  }
  header += "---";
  const macKey = hkdfSha256(fileKey, EMPTY, "header");
  header += ` ${b64(createHmac("sha256", macKey).update(header, "latin1").digest())}\n`;

  const nonce = pooledRandomBytes(16);
  const payloadKey = hkdfSha256(fileKey, nonce, "payload");
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const parts: Buffer[] = [Buffer.from(header, "latin1"), nonce];
  const chunkNonce = Buffer.alloc(12);
  for (let index = 0; index < chunks; index++) {
    // 11-byte big-endian counter, then 0x01 on the final chunk only.
    chunkNonce.writeUIntBE(index, 5, 6);
    chunkNonce[11] = index === chunks - 1 ? 1 : 0;
    const cipher = createCipheriv("chacha20-poly1305", payloadKey, chunkNonce, {
      authTagLength: 16,
    });
    parts.push(
      cipher.update(plaintext.subarray(index * CHUNK, (index + 1) * CHUNK)),
      cipher.final(),
      cipher.getAuthTag(),
    );
  }
  return Buffer.concat(parts);
}
