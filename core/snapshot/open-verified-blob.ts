import { SnapgateError } from "../errors.js";
import type { Manifest, RegularFileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import { assertBlobIntact } from "./assert-blob-intact.js";
import { blobContextOf } from "./blob-context-of.js";

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
  assertBlobIntact(ciphertext, file, where, store.location);
  const content = await opener.open(
    ciphertext,
    file.encoding,
    blobContextOf(manifest, file, where),
  );
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
