import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process, concurrency = 4) {
  const results = [];
  for (let start = 0; start < files.length; start += BLOB_WINDOW) {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = await Promise.all(
      window.map(
        (file) => store.readBlob({ id: file.blob, sha256: file.ciphertextSha256, encoding: file.encoding })
      )
    );
    results.push(
      ...await mapWithConcurrency(
        window,
        concurrency,
        (file, index) => process(file, blobs[index] ?? null)
      )
    );
  }
  return results;
}

export {
  forEachBlobWindow
};
