import { gzipSync } from "node:zlib";
import { Encrypter } from "age-encryption";
import { SodiumX25519Recipient } from "./age-x25519.js";
import { parseRecipient } from "./age-keys.js";
import type { Sodium } from "./sodium.js";
import { SnapgateError } from "../errors.js";
import type { BlobEncoding } from "../types.js";
import { sha256Hex } from "./sha256-hex.js";

export interface SealedBlob {
  ciphertext: Uint8Array;
  sha256: string;
  encoding: BlobEncoding;
}

/**
 * Encrypts one file's content as an age v1 file to every recipient. Content is
 * gzipped first when asked and when it pays (never for secret-class files: the
 * caller decides, since compression before encryption leaks length patterns).
 * Break-glass: `age -d -i key blob [| gunzip]`.
 */
export class BlobSealer {
  private readonly encrypter = new Encrypter();

  constructor(sodium: Sodium, recipients: readonly string[]) {
    if (recipients.length === 0) {
      throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
        fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup.",
      });
    }
    for (const recipient of recipients) {
      this.encrypter.addRecipient(new SodiumX25519Recipient(sodium, parseRecipient(recipient)));
    }
  }

  async seal(plaintext: Uint8Array, compress: boolean): Promise<SealedBlob> {
    let payload = plaintext;
    let encoding: BlobEncoding = "none";
    if (compress && plaintext.length >= 64) {
      const gz = gzipSync(plaintext, { level: 6 });
      if (gz.length < plaintext.length * 0.9) {
        payload = gz;
        encoding = "gzip";
      }
    }
    const ciphertext = await this.encrypter.encrypt(payload);
    return { ciphertext, sha256: sha256Hex(ciphertext), encoding };
  }
}
