import { SnapgateError } from "../errors.js";
import type { Manifest, RegularFileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import { sha256Hex } from "../crypto/sha256-hex.js";

/**
 * Checks a file's blob (as read from the store, or null if it is missing)
 * against the signed ciphertext hash, decrypts it and checks its size.
 */
export async function openVerifiedBlob(
  store: Store,
  opener: BlobOpener,
  manifest: Manifest,
  file: RegularFileEntry,
  where: string,
  ciphertext: Uint8Array | null,
): Promise<Uint8Array> {
  if (!ciphertext) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} is missing from ${store.location}.`,
      {
        fix: "The store lost data: restore this file from another snapshot, and run `snapgate verify --all`.",
        details: { kind: "missing-blob", path: file.path, blob: file.blob },
      },
    );
  }
  if (sha256Hex(ciphertext) !== file.ciphertextSha256) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} was tampered with: its sha256 does not match the signed manifest.`,
      {
        fix: "Do not trust this copy: restore the file from another snapshot, and check who can write the store.",
        details: { kind: "tampered-blob", path: file.path, blob: file.blob },
      },
    );
  }
  const content = await opener.open(ciphertext, file.encoding, {
    describe: `${file.path} in ${where}`,
    recipients: manifest.recipients,
  });
  if (content.length !== file.size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${file.path} in ${where} decrypted to ${content.length} bytes; the manifest says ${file.size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt", path: file.path },
      },
    );
  }
  return content;
}
