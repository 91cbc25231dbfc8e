import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  blobRefOf
} from "./chunk-YTP4PIXP.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process, concurrency = 4, checkWindow, resolveMissing) {
  const results = [];
  const read = (start) => {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = Promise.all(
      window.map(async (file) => {
        const ref = blobRefOf(file);
        return await store.readBlob(ref) ?? (resolveMissing ? resolveMissing(ref) : null);
      })
    );
    blobs.catch(() => void 0);
    return { window, blobs };
  };
  let next = files.length > 0 ? read(0) : void 0;
  for (let start = 0; next; start += BLOB_WINDOW) {
    const window = next.window;
    const blobs = await next.blobs;
    next = start + BLOB_WINDOW < files.length ? read(start + BLOB_WINDOW) : void 0;
    checkWindow?.(window, blobs);
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
  BLOB_WINDOW,
  forEachBlobWindow
};
