import { readFileSync } from "node:fs";
import type { RegularFileEntry } from "../types.js";
import { assertBlobIntact } from "./assert-blob-intact.js";

/** A blob that a crypto worker reads from a local store itself, and what it must match. */
export interface BlobFileRead {
  /** The blob's file (Store.blobFilePath). */
  path: string;
  file: Pick<RegularFileEntry, "path" | "blob" | "ciphertextSha256">;
  /** The snapshot and store, for the error message. */
  where: string;
  location: string;
}

/**
 * Reads a blob's file in one synchronous call and checks it against the signed
 * ciphertext hash exactly as a blob read on the main thread is (assertBlobIntact:
 * the same INTEGRITY error). Undefined when the file cannot be read (missing,
 * re-wrapped by `snapgate rekey`, unreadable): the caller then reads it through
 * the store, which finds a re-wrap or raises today's error.
 */
export function readBlobFile(read: BlobFileRead): Uint8Array | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(read.path);
  } catch {
    return undefined;
  }
  assertBlobIntact(bytes, read.file as RegularFileEntry, read.where, read.location);
  return bytes;
}
