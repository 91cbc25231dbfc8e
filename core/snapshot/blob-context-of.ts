import type { BlobContext } from "../crypto/blob-opener.js";
import type { Manifest, RegularFileEntry } from "../types.js";
import { recipientsOfFile } from "./recipients-of-file.js";

/** How to open a file's blob and name it in errors: its recipients, size and, packed, its slice. */
export function blobContextOf(
  manifest: Manifest,
  file: RegularFileEntry,
  where: string,
): BlobContext {
  return {
    describe: `${file.path} in ${where}`,
    recipients: recipientsOfFile(manifest, file),
    size: file.size,
    ...(file.pack
      ? {
          slice: {
            offset: file.pack.offset,
            length: file.pack.length,
            pack: file.ciphertextSha256,
          },
        }
      : {}),
  };
}
