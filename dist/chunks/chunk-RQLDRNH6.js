import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  verifiedRewraps
} from "./chunk-KVN77OIJ.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process, concurrency = 4, checkWindow, resolveMissing) {
  const results = [];
  const read = (start) => {
    const window = files.slice(start, start + BLOB_WINDOW);
    const reads = /* @__PURE__ */ new Map();
    const blobs = Promise.all(
      window.map((file) => {
        const ref = blobRefOf(file);
        const path = blobPath(ref);
        const read2 = reads.get(path) ?? (async () => await store.readBlob(ref) ?? (resolveMissing ? resolveMissing(ref) : null))();
        reads.set(path, read2);
        return read2;
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

// core/rekey/rewrap-resolver.ts
var MAX_HOPS = 16;
function rewrapResolver(store, sodium, trustedKeys) {
  return async (missing) => {
    let ref = missing;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const bytes = await store.readRecord(rewrapRecordPath(ref));
      if (!bytes) return null;
      const record = trustedRewrapRecord(sodium, bytes, trustedKeys);
      if (!record || record.old.id !== ref.id || record.old.sha256 !== ref.sha256) return null;
      ref = record.new;
      const ciphertext = await store.readBlob(ref);
      if (!ciphertext) continue;
      if (sha256Hex(ciphertext) !== ref.sha256) return null;
      verifiedRewraps.set(ciphertext, { standsFor: missing.sha256, record });
      return ciphertext;
    }
    return null;
  };
}

export {
  BLOB_WINDOW,
  forEachBlobWindow,
  rewrapResolver
};
