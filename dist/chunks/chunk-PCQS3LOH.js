import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/compress-node.ts
import { constants, gzipSync } from "node:zlib";
function compressNode(json) {
  return new Uint8Array(gzipSync(json, { level: constants.Z_BEST_COMPRESSION }));
}

// core/store/decompress-node.ts
import { gunzipSync } from "node:zlib";
var MAX_NODE_JSON_BYTES = 8 * 1024 * 1024;
function decompressNode(bytes, path, limit = MAX_NODE_JSON_BYTES) {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: limit }));
  } catch (error) {
    const tooLarge = error.code === "ERR_BUFFER_TOO_LARGE";
    throw new SnapgateError(
      "INTEGRITY",
      tooLarge ? `${path} inflates past ${limit} bytes, more than any manifest node holds.` : `${path} is not a gzip file (${error.message}).`,
      {
        fix: "A manifest node was altered or damaged in the store: do not restore from the snapshots that name it; run `snapgate verify --all` and restore the store from a replica."
      }
    );
  }
}

export {
  compressNode,
  decompressNode
};
