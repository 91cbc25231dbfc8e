import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  blobRefOf
} from "./chunk-YTP4PIXP.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";

// core/snapshot/recipients-of-file.ts
function recipientsOfFile(manifest, file) {
  if (file.recipientSet === void 0) return distinctRecipients(manifest.recipients);
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set || recipientSetId(set.recipients) !== file.recipientSet) return [];
  return distinctRecipients(set.recipients);
}

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process, concurrency = 4, checkWindow) {
  const results = [];
  for (let start = 0; start < files.length; start += BLOB_WINDOW) {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = await Promise.all(window.map((file) => store.readBlob(blobRefOf(file))));
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
  recipientsOfFile,
  BLOB_WINDOW,
  forEachBlobWindow
};
