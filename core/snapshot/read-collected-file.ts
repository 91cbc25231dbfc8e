import type { CollectedFile } from "./collect-files.js";
import { readRegularFile, type RegularFileContent } from "./read-regular-file.js";

/** A walked regular file's bytes, from the very file the walk saw (no link or file swapped in since). */
export function readCollectedFile(file: CollectedFile, maxBytes?: number): RegularFileContent {
  return readRegularFile(file.absolute, file.path, {
    ...(file.dev !== undefined && file.stamp
      ? { expect: { dev: file.dev, ino: file.stamp.ino } }
      : {}),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
}
