import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  catalogEntryOf
} from "./chunk-DENSVYIT.js";
import {
  parseManifest
} from "./chunk-MVVOTCSL.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";

// core/snapshot/read-catalog.ts
async function readCatalog(store, stream) {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream)
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete = [];
  for (const seq of seqs) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    try {
      complete.push(
        catalogEntryOf(parseManifest(bytes, `manifest ${stream}#${seq}`), sha256Hex(bytes))
      );
    } catch {
    }
  }
  return complete;
}
async function readAllCatalogs(store) {
  const streams = await store.listStreams();
  return (await Promise.all(streams.map((stream) => readCatalog(store, stream)))).flat();
}

export {
  readCatalog,
  readAllCatalogs
};
