import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  OpenSslX25519Identity,
  loadAge,
  readByteStream,
  toByteStream
} from "./chunk-VZZ5TX74.js";
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
var BlobOpener = class _BlobOpener {
  constructor(age, identities) {
    this.age = age;
    this.identities = identities;
    this.decrypter = new age.Decrypter();
    const keys = identities.map((key) => new OpenSslX25519Identity(key));
    this.recipients = keys.map((key) => encodeRecipient(key.publicKey));
    for (const key of keys) this.decrypter.addIdentity(key);
  }
  age;
  identities;
  decrypter;
  recipients;
  /** Loads the age library, then builds an opener for these identities (X25519 is Node's: no libsodium). */
  static async create(secretKeys) {
    return new _BlobOpener(await loadAge(), secretKeys);
  }
  /** Copies of the secret keys, for crypto workers of this process (never logged or sent elsewhere). */
  secretKeys() {
    return this.identities.map((key) => new Uint8Array(key));
  }
  async open(ciphertext, encoding, context) {
    let payload;
    try {
      payload = await readByteStream(
        await this.decrypter.decrypt(toByteStream(dearmor(this.age, ciphertext)))
      );
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
    if (encoding === "gzip") {
      try {
        return new Uint8Array(gunzipSync(payload));
      } catch {
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
};
var ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
function dearmor(age, bytes) {
  const head = Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1");
  return head === ARMOR_HEADER ? age.armor.decode(Buffer.from(bytes).toString("utf8")) : bytes;
}

export {
  BlobOpener
};
