import { constants, gzipSync } from "node:zlib";

/**
 * A node as local and S3 stores keep it (ADR 1106): the gzip of its JSON, at
 * the best level (a node is written once and read by every gate decision and
 * restore; decompression costs the same at any level). The node's id is the
 * sha256 of the JSON, not of these bytes, so it does not depend on zlib's version.
 */
export function compressNode(json: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(json, { level: constants.Z_BEST_COMPRESSION }));
}
