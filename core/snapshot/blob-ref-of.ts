import type { RegularFileEntry } from "../types.js";
import type { BlobRef } from "../store/store.js";

/** Where a manifest entry's blob is stored: content id, ciphertext hash, encoding and recipient set. */
export function blobRefOf(file: RegularFileEntry): BlobRef {
  return {
    id: file.blob,
    sha256: file.ciphertextSha256,
    encoding: file.encoding,
    ...(file.recipientSet ? { recipientSet: file.recipientSet } : {}),
  };
}
