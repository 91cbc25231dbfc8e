import { gunzipSync } from "node:zlib";
import { SnapgateError } from "../errors.js";

/**
 * The most a node's JSON may hold once decompressed. A writer puts at most 64
 * files in a node; even 64 entries with 4,096-byte paths and symlink targets
 * written as JSON escapes stay under 4 MB. A gzip file that would inflate past
 * this is refused before it takes the memory (a "zip bomb" planted in a store).
 */
export const MAX_NODE_JSON_BYTES = 8 * 1024 * 1024;

/**
 * A stored `.json.gz` node back to the JSON its id hashes (the caller checks
 * the hash). Bytes that are not gzip, or inflate past the bound, are an
 * INTEGRITY error naming the file: the store was altered or damaged.
 */
export function decompressNode(
  bytes: Uint8Array,
  path: string,
  limit: number = MAX_NODE_JSON_BYTES,
): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: limit }));
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new SnapgateError(
      "INTEGRITY",
      tooLarge
        ? `${path} inflates past ${limit} bytes, more than any manifest node holds.`
        : `${path} is not a gzip file (${(error as Error).message}).`,
      {
        fix: "A manifest node was altered or damaged in the store: do not restore from the snapshots that name it; run `snapgate verify --all` and restore the store from a replica.",
      },
    );
  }
}
