import type { RegularFileEntry } from "../types.js";
import type { BlobRef } from "../store/store.js";

/**
 * Where a manifest entry's content is stored: its own blob, or for a packed
 * entry the pack (ADR 1114), which is stored as a blob of encoding "none"
 * whose ciphertext hash and recipient set the entry carries. Every question
 * about presence, integrity, copying or keeping is about this object.
 */
export function blobRefOf(file: RegularFileEntry): BlobRef {
  return {
    id: file.pack ? file.pack.blob : file.blob,
    sha256: file.ciphertextSha256,
    encoding: file.pack ? "none" : file.encoding,
    ...(file.recipientSet ? { recipientSet: file.recipientSet } : {}),
  };
}
