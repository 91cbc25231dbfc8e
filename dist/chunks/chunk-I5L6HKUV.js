import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  OpenSslX25519Recipient,
  loadAge,
  readByteStream,
  toByteStream
} from "./chunk-VZZ5TX74.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/blob-sealer.ts
import { gzipSync } from "node:zlib";
var BlobSealer = class _BlobSealer {
  constructor(age, recipients, armor = false) {
    this.age = age;
    this.armor = armor;
    this.encrypter = new age.Encrypter();
    if (recipients.length === 0) {
      throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
        fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup."
      });
    }
    for (const recipient of recipients) {
      this.encrypter.addRecipient(new OpenSslX25519Recipient(age, parseRecipient(recipient)));
    }
  }
  age;
  armor;
  encrypter;
  /** Loads the age library, then builds a sealer (X25519 is Node's: no libsodium to load). */
  static async create(recipients, options = {}) {
    return new _BlobSealer(await loadAge(), recipients, options.armor ?? false);
  }
  async seal(plaintext, compress) {
    let payload = plaintext;
    let encoding = "none";
    if (compress && plaintext.length >= 64) {
      const gz = gzipSync(plaintext, { level: 1 });
      if (gz.length < plaintext.length * 0.9) {
        payload = gz;
        encoding = "gzip";
      }
    }
    const binary = await readByteStream(await this.encrypter.encrypt(toByteStream(payload)));
    const ciphertext = this.armor ? new TextEncoder().encode(this.age.armor.encode(binary)) : binary;
    return { ciphertext, sha256: sha256Hex(ciphertext), encoding };
  }
};

// core/crypto/write-sealed-temp-file.ts
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function writeSealedTempFile(dir, bytes) {
  const path = join(dir, `.snapgate-tmp-${randomBytes(8).toString("hex")}`);
  try {
    writeFileSync(path, bytes, { flag: "wx", mode: 292 });
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}

export {
  BlobSealer,
  writeSealedTempFile
};
