import { OpenSslX25519Recipient } from "./age-x25519.js";
import { parseRecipient } from "./age-keys.js";
import { loadAge, type AgeLibrary } from "./age-library.js";
import { SnapgateError } from "../errors.js";
import type { BlobEncoding } from "../types.js";
import { sha256Hex } from "./sha256-hex.js";
import { sealAgeV1 } from "./seal-age-v1.js";
import { encodeContent } from "./encode-content.js";

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
  private readonly recipients: OpenSslX25519Recipient[] = [];

  /**
   * Builds a sealer (X25519 and the ciphers are Node's OpenSSL: no libsodium, and the
   * age library is loaded only to armor).
   */
  static async create(
    recipients: readonly string[],
    options: { armor?: boolean } = {},
  ): Promise<BlobSealer> {
    return new BlobSealer(options.armor ? await loadAge() : undefined, recipients);
  }

  constructor(
    /** With the library: write `age -a` (PEM-style base64) output instead of binary. */
    private readonly armorWith: AgeLibrary | undefined,
    recipients: readonly string[],
  ) {
    if (recipients.length === 0) {
      throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
        fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup.",
      });
    }
    // Stanzas in sorted order, the order a manifest's recipient set lists them in, so an
    // opener can try its own stanza first (openAgeV1's hint); age itself ignores the order.
    for (const recipient of [...recipients].sort()) {
      this.recipients.push(new OpenSslX25519Recipient(parseRecipient(recipient)));
    }
  }

  async seal(plaintext: Uint8Array, compress: boolean): Promise<SealedBlob> {
    const { payload, encoding } = encodeContent(plaintext, compress);
    const binary = sealAgeV1(payload, this.recipients);
    const ciphertext = this.armorWith
      ? new TextEncoder().encode(this.armorWith.armor.encode(binary))
      : new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength);
    return { ciphertext, sha256: sha256Hex(ciphertext), encoding };
  }
}
