import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  OpenSslX25519Identity,
  hkdfSha256,
  loadAge
} from "./chunk-FHIUXZPM.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";
import {
  encodeRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/blob-opener.ts
import { gunzipSync } from "node:zlib";

// core/crypto/open-age-v1.ts
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
var CHUNK = 64 * 1024;
var TAG = 16;
var EMPTY = Buffer.alloc(0);
var VERSION_LINE = "age-encryption.org/v1";
var LF = 10;
var BASE64 = /^[A-Za-z0-9+/]*$/;
function unb64(text) {
  if (!BASE64.test(text) || text.length % 4 === 1) throw new Error("invalid base64 in header");
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64").replace(/=+$/, "") !== text) {
    throw new Error("non-canonical base64 in header");
  }
  return bytes;
}
function openAgeV1(file, identities, firstStanza = 0) {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  let at = 0;
  const line = () => {
    const end = bytes.indexOf(LF, at);
    if (end < 0) throw new Error("invalid header: no end of line");
    const text = bytes.toString("latin1", at, end);
    at = end + 1;
    return text;
  };
  if (line() !== VERSION_LINE) throw new Error("invalid version line");
  const stanzas = [];
  let macLine;
  for (; ; ) {
    const start = at;
    const first = line();
    if (first.startsWith("---")) {
      macLine = first;
      at = start + 3;
      break;
    }
    const args = first.split(" ");
    if (args.shift() !== "->" || args.length === 0 || args.some((arg) => arg === "")) {
      throw new Error("invalid stanza");
    }
    const body = [];
    for (; ; ) {
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
  const ordered = firstStanza > 0 && hinted ? [hinted, ...stanzas.filter((_, index) => index !== firstStanza)] : stanzas;
  let fileKey = null;
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
  const parts = [];
  const chunkNonce = Buffer.alloc(12);
  for (let index = 0; ; index++) {
    const remaining = bytes.length - at;
    const last = remaining <= CHUNK + TAG;
    const size = last ? remaining : CHUNK + TAG;
    if (size < TAG) throw new Error("payload truncated");
    chunkNonce.writeUIntBE(index, 5, 6);
    chunkNonce[11] = last ? 1 : 0;
    const decipher = createDecipheriv("chacha20-poly1305", payloadKey, chunkNonce, {
      authTagLength: TAG
    });
    decipher.setAuthTag(bytes.subarray(at + size - TAG, at + size));
    let plain;
    try {
      plain = Buffer.concat([
        decipher.update(bytes.subarray(at, at + size - TAG)),
        decipher.final()
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
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

// core/crypto/pack-plaintext-cache.ts
var PackPlaintextCache = class {
  constructor(maxPacks = 8, maxBytes = 64 * 1024 * 1024) {
    this.maxPacks = maxPacks;
    this.maxBytes = maxBytes;
  }
  maxPacks;
  maxBytes;
  packs = /* @__PURE__ */ new Map();
  bytes = 0;
  has(sha256) {
    return this.packs.has(sha256);
  }
  /** The cached plaintext of this pack, or `decrypt()`'s, kept unless it fails. */
  get(sha256, decrypt) {
    const cached = this.packs.get(sha256);
    if (cached) return cached.plaintext;
    const entry = { plaintext: decrypt(), bytes: 0 };
    this.packs.set(sha256, entry);
    entry.plaintext.then(
      (plaintext) => {
        if (this.packs.get(sha256) !== entry) return;
        entry.bytes = plaintext.byteLength;
        this.bytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.packs.get(sha256) === entry) this.packs.delete(sha256);
      }
    );
    return entry.plaintext;
  }
  evict() {
    for (const [sha256, entry] of this.packs) {
      if (this.packs.size <= this.maxPacks && this.bytes <= this.maxBytes) return;
      if (this.packs.size === 1) return;
      this.packs.delete(sha256);
      this.bytes -= entry.bytes;
    }
  }
};

// core/crypto/blob-opener.ts
var BlobOpener = class _BlobOpener {
  constructor(identities) {
    this.identities = identities;
    this.keys = identities.map((key) => new OpenSslX25519Identity(key));
    this.recipients = this.keys.map((key) => encodeRecipient(key.publicKey));
  }
  identities;
  keys;
  recipients;
  packs = new PackPlaintextCache();
  /** Builds an opener for these identities (X25519 and the ciphers are Node's: no libsodium, no age library). */
  static async create(secretKeys) {
    return new _BlobOpener(secretKeys);
  }
  /** Copies of the secret keys, for crypto workers of this process (never logged or sent elsewhere). */
  secretKeys() {
    return this.identities.map((key) => new Uint8Array(key));
  }
  /** True while this pack's plaintext is at hand: its members need not read its file again. */
  holdsPack(sha256) {
    return this.packs.has(sha256);
  }
  /** Decrypts (for a packed file, takes its slice of the pack's plaintext) and decodes. */
  async open(ciphertext, encoding, context) {
    const payload = context.slice ? await this.packMember(ciphertext, context, context.slice) : await this.decrypt(ciphertext, context);
    return decode(payload, encoding, context);
  }
  async packMember(ciphertext, context, slice) {
    const plaintext = await this.packs.get(slice.pack, () => this.decrypt(ciphertext, context));
    const end = slice.offset + slice.length;
    if (end > plaintext.length) {
      throw new SnapgateError(
        "INTEGRITY",
        `${context.describe} lies at bytes ${slice.offset}-${end} of a pack of ${plaintext.length}.`,
        {
          fix: "The snapshot was written by a faulty or hostile writer; restore the file from another snapshot and check who holds the writer key.",
          details: { kind: "pack-slice" }
        }
      );
    }
    return plaintext.subarray(slice.offset, end);
  }
  async decrypt(ciphertext, context) {
    try {
      const position = context.recipients?.findIndex((r) => this.recipients.includes(r)) ?? -1;
      return openAgeV1(await dearmor(ciphertext), this.keys, Math.max(0, position));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason.includes("no identity matched")) {
        const identity = distinctRecipients(this.recipients);
        const listed = distinctRecipients(context.recipients ?? []);
        if (identity.some((recipient) => listed.includes(recipient))) {
          throw new SnapgateError(
            "WRONG_KEY",
            `Cannot decrypt ${context.describe}: its manifest lists your identity ${identity.join(", ")} as a recipient, but the blob is sealed to other keys.`,
            {
              fix: "Restore this file with another recipient's key or from another snapshot; take a new snapshot, which seals every file to the current recipients (`snapgate verify` shows which files each recipient cannot open)."
            }
          );
        }
        const to = listed.length ? listed.join(", ") : "other recipients";
        throw new SnapgateError(
          "WRONG_KEY",
          `Cannot decrypt ${context.describe}: it is encrypted to ${to}; your identity is ${identity.join(", ")}.`,
          {
            fix: "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key)."
          }
        );
      }
      throw new SnapgateError("INTEGRITY", `${context.describe} is damaged: ${reason}.`, {
        fix: "The blob was altered or truncated in the store; restore from another snapshot or the break-glass copy, and check who can write the backup repository."
      });
    }
  }
};
function decode(payload, encoding, context) {
  if (encoding === "gzip") {
    const limit = context.size === void 0 ? void 0 : Math.max(1, context.size);
    try {
      return new Uint8Array(
        gunzipSync(payload, limit === void 0 ? {} : { maxOutputLength: limit })
      );
    } catch (error) {
      if (error?.code === "ERR_BUFFER_TOO_LARGE") {
        throw new SnapgateError(
          "INTEGRITY",
          `${context.describe} inflates past the ${context.size} bytes its manifest records; it was not decompressed further.`,
          {
            fix: "The snapshot was written by a faulty or hostile writer; restore the file from another snapshot and check who holds the writer key."
          }
        );
      }
      throw new SnapgateError(
        "INTEGRITY",
        `${context.describe} decrypted but its gzip content is invalid.`,
        {
          fix: "The snapshot was written by a faulty writer; restore from another snapshot."
        }
      );
    }
  }
  return payload;
}
var ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
async function dearmor(bytes) {
  const head = Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1");
  if (head !== ARMOR_HEADER) return bytes;
  return (await loadAge()).armor.decode(Buffer.from(bytes).toString("utf8"));
}

export {
  BlobOpener
};
