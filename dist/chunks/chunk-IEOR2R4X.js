import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  OpenSslX25519Recipient,
  hkdfSha256,
  loadAge,
  pooledRandomBytes
} from "./chunk-FHIUXZPM.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/seal-age-v1.ts
import { createCipheriv, createHmac } from "node:crypto";
var CHUNK = 64 * 1024;
var EMPTY = Buffer.alloc(0);
function b64(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64").replace(/=+$/, "");
}
function sealAgeV1(plaintext, recipients) {
  const fileKey = pooledRandomBytes(16);
  let header = "age-encryption.org/v1\n";
  for (const recipient of recipients) {
    const stanzas = recipient.wrapFileKey(fileKey);
    if (stanzas instanceof Promise) throw new Error("sealAgeV1 needs a synchronous recipient");
    for (const stanza of stanzas) {
      header += `-> ${stanza.args.join(" ")}
`;
      const body = b64(stanza.body);
      for (let at = 0; at < body.length; at += 64) header += `${body.slice(at, at + 64)}
`;
      if (body.length % 64 === 0) header += "\n";
    }
  }
  header += "---";
  const macKey = hkdfSha256(fileKey, EMPTY, "header");
  header += ` ${b64(createHmac("sha256", macKey).update(header, "latin1").digest())}
`;
  const nonce = pooledRandomBytes(16);
  const payloadKey = hkdfSha256(fileKey, nonce, "payload");
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const parts = [Buffer.from(header, "latin1"), nonce];
  const chunkNonce = Buffer.alloc(12);
  for (let index = 0; index < chunks; index++) {
    chunkNonce.writeUIntBE(index, 5, 6);
    chunkNonce[11] = index === chunks - 1 ? 1 : 0;
    const cipher = createCipheriv("chacha20-poly1305", payloadKey, chunkNonce, {
      authTagLength: 16
    });
    parts.push(
      cipher.update(plaintext.subarray(index * CHUNK, (index + 1) * CHUNK)),
      cipher.final(),
      cipher.getAuthTag()
    );
  }
  return Buffer.concat(parts);
}

// core/crypto/encode-content.ts
import { gzipSync } from "node:zlib";
function encodeContent(content, compress) {
  if (compress && content.length >= 64) {
    const gzipped = gzipSync(content, { level: 1 });
    if (gzipped.length < content.length * 0.9) return { payload: gzipped, encoding: "gzip" };
  }
  return { payload: content, encoding: "none" };
}

// core/crypto/blob-sealer.ts
var BlobSealer = class _BlobSealer {
  constructor(armorWith, recipients) {
    this.armorWith = armorWith;
    if (recipients.length === 0) {
      throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
        fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup."
      });
    }
    for (const recipient of [...recipients].sort()) {
      this.recipients.push(new OpenSslX25519Recipient(parseRecipient(recipient)));
    }
  }
  armorWith;
  recipients = [];
  /**
   * Builds a sealer (X25519 and the ciphers are Node's OpenSSL: no libsodium, and the
   * age library is loaded only to armor).
   */
  static async create(recipients, options = {}) {
    return new _BlobSealer(options.armor ? await loadAge() : void 0, recipients);
  }
  async seal(plaintext, compress) {
    const { payload, encoding } = encodeContent(plaintext, compress);
    const binary = sealAgeV1(payload, this.recipients);
    const ciphertext = this.armorWith ? new TextEncoder().encode(this.armorWith.armor.encode(binary)) : new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength);
    return { ciphertext, sha256: sha256Hex(ciphertext), encoding };
  }
};

// core/crypto/write-sealed-temp-file.ts
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function writeSealedTempFile(dir, bytes) {
  const path = join(dir, `.snapgate-tmp-${pooledRandomBytes(8).toString("hex")}`);
  try {
    writeFileSync(path, bytes, { flag: "wx", mode: 292 });
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}

export {
  encodeContent,
  BlobSealer,
  writeSealedTempFile
};
