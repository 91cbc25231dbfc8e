import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
import { hkdfSha256 } from "./hkdf-sha256.js";
import type { Identity, Stanza } from "age-encryption";

const CHUNK = 64 * 1024;
const TAG = 16;
const EMPTY = Buffer.alloc(0);
const VERSION_LINE = "age-encryption.org/v1";
const LF = 0x0a;
/** Canonical unpadded base64 of at most 64 columns (the header's body lines and MAC). */
const BASE64 = /^[A-Za-z0-9+/]*$/;

/** Decodes unpadded base64 and refuses a non-canonical encoding, as the age spec requires. */
function unb64(text: string): Buffer {
  if (!BASE64.test(text) || text.length % 4 === 1) throw new Error("invalid base64 in header");
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64").replace(/=+$/, "") !== text) {
    throw new Error("non-canonical base64 in header");
  }
  return bytes;
}

/**
 * Decrypts one binary age v1 file (c2sp.org/age) with these identities, in one
 * synchronous call on Node's OpenSSL: parses the header as the spec's ABNF says
 * (unknown stanzas are passed to the identities, which skip them), unwraps the
 * file key, checks the header MAC, then every STREAM chunk, the final-chunk
 * flag and that nothing follows it. Any deviation throws; an identity that
 * matches no stanza throws "no identity matched any of the file's recipients".
 * Armored files are decoded by the caller first. Replaces the age-encryption
 * library's web-stream pipeline for blobs (ADR 1104); the library's own tests
 * of the format are mirrored in test/unit/crypto/age-v1-codec.test.ts.
 */
export function openAgeV1(
  file: Uint8Array,
  identities: readonly Identity[],
  /**
   * Which stanza to try first: the position of the identity's key among the recipients
   * the file was sealed to, when the caller knows it. Only the order of the tries
   * changes (a wrong hint costs nothing): a restore with the second recipient's key
   * otherwise does an X25519 operation on the first stanza of every file in vain.
   */
  firstStanza = 0,
): Uint8Array {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  let at = 0;
  const line = (): string => {
    const end = bytes.indexOf(LF, at);
    if (end < 0) throw new Error("invalid header: no end of line");
    const text = bytes.toString("latin1", at, end);
    at = end + 1;
    return text;
  };
  if (line() !== VERSION_LINE) throw new Error("invalid version line");
  const stanzas: Stanza[] = [];
  let macLine: string;
  for (;;) {
    const start = at;
    const first = line();
    if (first.startsWith("---")) {
      macLine = first;
      at = start + 3; // the MAC covers the header up to and including "---"
      break;
    }
    const args = first.split(" ");
    if (args.shift() !== "->" || args.length === 0 || args.some((arg) => arg === "")) {
      throw new Error("invalid stanza");
    }
    const body: Buffer[] = [];
    for (;;) {
      const text = line();
      if (text.length > 64) throw new Error("invalid stanza body");
      body.push(unb64(text));
      if (text.length < 64) break;
    }
    stanzas.push({ args, body: new Uint8Array(Buffer.concat(body)) });
  }
  if (stanzas.length === 0) throw new Error("invalid header: no stanzas");
  if (!/^--- [A-Za-z0-9+/]{43}$/.test(macLine)) throw new Error("invalid header MAC line");
  const headerNoMac = bytes.subarray(0, at);
  const mac = unb64(macLine.slice(4));
  at += macLine.length - 3 + 1;

  const hinted = stanzas[firstStanza];
  const ordered =
    firstStanza > 0 && hinted
      ? [hinted, ...stanzas.filter((_, index) => index !== firstStanza)]
      : stanzas;
  let fileKey: Uint8Array | null = null;
  for (const identity of identities) {
    const unwrapped = identity.unwrapFileKey(ordered);
    if (unwrapped instanceof Promise) throw new Error("openAgeV1 needs a synchronous identity");
    if (unwrapped) {
      fileKey = unwrapped;
      break;
    }
  }
  if (!fileKey) throw new Error("no identity matched any of the file's recipients");
  const macKey = hkdfSha256(fileKey, EMPTY, "header");
  const expected = createHmac("sha256", macKey).update(headerNoMac).digest();
  if (!timingSafeEqual(expected, mac)) throw new Error("bad header MAC");

  if (bytes.length - at < 16) throw new Error("payload too short: no nonce");
  const nonce = bytes.subarray(at, at + 16);
  at += 16;
  const payloadKey = hkdfSha256(fileKey, nonce, "payload");
  const parts: Buffer[] = [];
  const chunkNonce = Buffer.alloc(12);
  for (let index = 0; ; index++) {
    const remaining = bytes.length - at;
    // A chunk that fills up the rest of the file is the final one (also when full-sized).
    const last = remaining <= CHUNK + TAG;
    const size = last ? remaining : CHUNK + TAG;
    if (size < TAG) throw new Error("payload truncated");
    chunkNonce.writeUIntBE(index, 5, 6);
    chunkNonce[11] = last ? 1 : 0;
    const decipher = createDecipheriv("chacha20-poly1305", payloadKey, chunkNonce, {
      authTagLength: TAG,
    });
    decipher.setAuthTag(bytes.subarray(at + size - TAG, at + size));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(bytes.subarray(at, at + size - TAG)),
        decipher.final(),
      ]);
    } catch {
      throw new Error(`payload chunk ${index} failed to authenticate`);
    }
    at += size;
    if (last) {
      if (plain.length === 0 && index > 0) throw new Error("final chunk is empty");
      parts.push(plain);
      break;
    }
    parts.push(plain);
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}
