import { gunzipSync } from "node:zlib";
import { OpenSslX25519Identity } from "./age-x25519.js";
import { encodeRecipient } from "./age-keys.js";
import { distinctRecipients } from "./distinct-recipients.js";
import type { BlobEncoding } from "../types.js";
import { loadAge } from "./age-library.js";
import { openAgeV1 } from "./open-age-v1.js";
import { SnapgateError } from "../errors.js";
import { PackPlaintextCache } from "./pack-plaintext-cache.js";

export interface BlobContext {
  /** Which file and snapshot, for the error message. */
  describe: string;
  /** The recipients the snapshot says it encrypted to. */
  recipients?: readonly string[];
  /**
   * The file size the signed manifest records: gzip'd content may not inflate
   * past it (a writer could otherwise seal a small blob that inflates to gigabytes).
   */
  size?: number;
  /**
   * A packed file (ADR 1114): the bytes of the pack's plaintext that hold its
   * encoded content, and the pack's ciphertext sha256 (which the caller checked
   * against the signed manifest). A pack is decrypted once for all its members.
   */
  slice?: { offset: number; length: number; pack: string };
}

/** Decrypts age v1 blobs (binary or armored) with X25519 identities. */
export class BlobOpener {
  private readonly keys: OpenSslX25519Identity[];
  readonly recipients: string[];
  private readonly packs = new PackPlaintextCache();

  /** Builds an opener for these identities (X25519 and the ciphers are Node's: no libsodium, no age library). */
  static async create(secretKeys: readonly Uint8Array[]): Promise<BlobOpener> {
    return new BlobOpener(secretKeys);
  }

  constructor(private readonly identities: readonly Uint8Array[]) {
    this.keys = identities.map((key) => new OpenSslX25519Identity(key));
    this.recipients = this.keys.map((key) => encodeRecipient(key.publicKey));
  }

  /** Copies of the secret keys, for crypto workers of this process (never logged or sent elsewhere). */
  secretKeys(): Uint8Array[] {
    return this.identities.map((key) => new Uint8Array(key));
  }

  /** True while this pack's plaintext is at hand: its members need not read its file again. */
  holdsPack(sha256: string): boolean {
    return this.packs.has(sha256);
  }

  /** Decrypts (for a packed file, takes its slice of the pack's plaintext) and decodes. */
  async open(
    ciphertext: Uint8Array,
    encoding: BlobEncoding,
    context: BlobContext,
  ): Promise<Uint8Array> {
    const payload = context.slice
      ? await this.packMember(ciphertext, context, context.slice)
      : await this.decrypt(ciphertext, context);
    return decode(payload, encoding, context);
  }

  private async packMember(
    ciphertext: Uint8Array,
    context: BlobContext,
    slice: NonNullable<BlobContext["slice"]>,
  ): Promise<Uint8Array> {
    // Keyed by the signed hash, which the caller checked the bytes against before opening
    // (assertBlobIntact: the bytes' own hash, or a verified re-wrap record that stands for it).
    const plaintext = await this.packs.get(slice.pack, () => this.decrypt(ciphertext, context));
    const end = slice.offset + slice.length;
    if (end > plaintext.length) {
      throw new SnapgateError(
        "INTEGRITY",
        `${context.describe} lies at bytes ${slice.offset}-${end} of a pack of ${plaintext.length}.`,
        {
          fix: "The snapshot was written by a faulty or hostile writer; restore the file from another snapshot and check who holds the writer key.",
          details: { kind: "pack-slice" },
        },
      );
    }
    return plaintext.subarray(slice.offset, end);
  }

  private async decrypt(ciphertext: Uint8Array, context: BlobContext): Promise<Uint8Array> {
    try {
      // The sealer writes one stanza per recipient in the set's order: try ours first.
      const position = context.recipients?.findIndex((r) => this.recipients.includes(r)) ?? -1;
      return openAgeV1(await dearmor(ciphertext), this.keys, Math.max(0, position));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason.includes("no identity matched")) {
        const identity = distinctRecipients(this.recipients);
        const listed = distinctRecipients(context.recipients ?? []);
        // Each key is named once: an identity the manifest lists is not named again as "yours".
        if (identity.some((recipient) => listed.includes(recipient))) {
          throw new SnapgateError(
            "WRONG_KEY",
            `Cannot decrypt ${context.describe}: its manifest lists your identity ${identity.join(", ")} as a recipient, but the blob is sealed to other keys.`,
            {
              fix: "Restore this file with another recipient's key or from another snapshot; take a new snapshot, which seals every file to the current recipients (`snapgate verify` shows which files each recipient cannot open).",
            },
          );
        }
        const to = listed.length ? listed.join(", ") : "other recipients";
        throw new SnapgateError(
          "WRONG_KEY",
          `Cannot decrypt ${context.describe}: it is encrypted to ${to}; your identity is ${identity.join(", ")}.`,
          {
            fix: "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key).",
          },
        );
      }
      throw new SnapgateError("INTEGRITY", `${context.describe} is damaged: ${reason}.`, {
        fix: "The blob was altered or truncated in the store; restore from another snapshot or the break-glass copy, and check who can write the backup repository.",
      });
    }
  }
}

/** A file's content from its encoded bytes: gunzip'd, never past the size its manifest records. */
function decode(payload: Uint8Array, encoding: BlobEncoding, context: BlobContext): Uint8Array {
  if (encoding === "gzip") {
    // zlib stops at the limit (at least 1: it refuses 0; an empty file inflates to nothing).
    const limit = context.size === undefined ? undefined : Math.max(1, context.size);
    try {
      return new Uint8Array(
        gunzipSync(payload, limit === undefined ? {} : { maxOutputLength: limit }),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === "ERR_BUFFER_TOO_LARGE") {
        throw new SnapgateError(
          "INTEGRITY",
          `${context.describe} inflates past the ${context.size} bytes its manifest records; it was not decompressed further.`,
          {
            fix: "The snapshot was written by a faulty or hostile writer; restore the file from another snapshot and check who holds the writer key.",
          },
        );
      }
      throw new SnapgateError(
        "INTEGRITY",
        `${context.describe} decrypted but its gzip content is invalid.`,
        {
          fix: "The snapshot was written by a faulty writer; restore from another snapshot.",
        },
      );
    }
  }
  return payload;
}

const ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";

/** `age -a` output is accepted too, as `age -d` does (the age library decodes the armor). */
async function dearmor(bytes: Uint8Array): Promise<Uint8Array> {
  const head = Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1");
  if (head !== ARMOR_HEADER) return bytes;
  return (await loadAge()).armor.decode(Buffer.from(bytes).toString("utf8"));
}
