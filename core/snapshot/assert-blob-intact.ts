import { SnapgateError } from "../errors.js";
import type { RegularFileEntry } from "../types.js";
import { blobSha256 } from "./blob-sha256.js";
import { verifiedRewraps } from "../rekey/verified-rewraps.js";

/**
 * A file's blob as read from the store (null if missing) must hash to the
 * ciphertext sha256 the signed manifest records: checked before decrypting.
 */
export function assertBlobIntact(
  ciphertext: Uint8Array | null,
  file: RegularFileEntry,
  where: string,
  location: string,
): asserts ciphertext is Uint8Array {
  if (!ciphertext) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} is missing from ${location}.`,
      {
        fix: "The store lost data: restore this file from another snapshot, and run `snapgate verify --all`.",
        details: { kind: "missing-blob", path: file.path, blob: file.blob },
      },
    );
  }
  // A re-wrapped blob (snapgate rekey) was checked against its signed record when it was read.
  if (
    blobSha256(ciphertext) !== file.ciphertextSha256 &&
    verifiedRewraps.get(ciphertext)?.standsFor !== file.ciphertextSha256
  ) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} was tampered with: its sha256 does not match the signed manifest.`,
      {
        fix: "Do not trust this copy: restore the file from another snapshot, and check who can write the store.",
        details: { kind: "tampered-blob", path: file.path, blob: file.blob },
      },
    );
  }
}
