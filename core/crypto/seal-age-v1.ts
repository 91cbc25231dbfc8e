import { createCipheriv, createHmac } from "node:crypto";
import { hkdfSha256 } from "./hkdf-sha256.js";
import { pooledRandomBytes } from "./pooled-random-bytes.js";
import type { Recipient } from "age-encryption";

/** age v1 STREAM: 64 KiB chunks, each ChaCha20-Poly1305 with a 16-byte tag. */
const CHUNK = 64 * 1024;
const TAG = 16;
const NONCE = 16;
const EMPTY = Buffer.alloc(0);
/** The header MAC line's base64 (a 32-byte HMAC: 43 characters unpadded). */
const MAC_CHARS = 43;

/** Unpadded standard base64, as the age header writes it. */
function b64(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const pad = text.indexOf("=");
  return pad < 0 ? text : text.slice(0, pad);
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
 * The file is written into one buffer of its exact size (no list of parts to
 * concatenate), and the file key and nonce come from the thread's random pool
 * (ADR 1110): fresh bytes each call, never reused.
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
  const mac = createHmac("sha256", macKey).update(header, "latin1").digest("base64");

  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  // header, " ", MAC, "\n", nonce, then every chunk's ciphertext and tag.
  const size = header.length + 2 + MAC_CHARS + NONCE + plaintext.length + chunks * TAG;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(header, 0, "latin1");
  out[at++] = 0x20;
  at += out.write(mac, at, MAC_CHARS, "latin1");
  out[at++] = 0x0a;
  const nonce = pooledRandomBytes(NONCE);
  at += nonce.copy(out, at);
  const payloadKey = hkdfSha256(fileKey, nonce, "payload");
  const chunkNonce = Buffer.alloc(12);
  for (let index = 0; index < chunks; index++) {
    // 11-byte big-endian counter, then 0x01 on the final chunk only.
    chunkNonce.writeUIntBE(index, 5, 6);
    chunkNonce[11] = index === chunks - 1 ? 1 : 0;
    const cipher = createCipheriv("chacha20-poly1305", payloadKey, chunkNonce, {
      authTagLength: TAG,
    });
    at += cipher.update(plaintext.subarray(index * CHUNK, (index + 1) * CHUNK)).copy(out, at);
    at += cipher.final().copy(out, at);
    at += cipher.getAuthTag().copy(out, at);
  }
  // Buffer.allocUnsafe may hold old memory: every byte must have been written.
  if (at !== size) throw new Error(`sealAgeV1 wrote ${at} of ${size} bytes`);
  return out;
}
