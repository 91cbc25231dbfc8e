import { gzipSync } from "node:zlib";
import type { BlobEncoding } from "../types.js";

/**
 * A file's content as it is sealed: gzip'd (level 1) when asked and when that
 * saves 10%, else as is. Never asked for secret-class files: the caller
 * decides, since compression before encryption leaks length patterns.
 */
export function encodeContent(
  content: Uint8Array,
  compress: boolean,
): { payload: Uint8Array; encoding: BlobEncoding } {
  if (compress && content.length >= 64) {
    // Synchronous on purpose: async gzip would queue on libuv's small thread pool behind
    // the blob file writes, and in the worker pool each worker is a thread of its own.
    const gzipped = gzipSync(content, { level: 1 });
    if (gzipped.length < content.length * 0.9) return { payload: gzipped, encoding: "gzip" };
  }
  return { payload: content, encoding: "none" };
}
