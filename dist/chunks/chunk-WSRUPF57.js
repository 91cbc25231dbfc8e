import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  catalogEntryOf
} from "./chunk-DENSVYIT.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  manifestPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/read-catalog.ts
async function readCatalog(store, stream) {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream)
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete = [];
  for (const seq of [.../* @__PURE__ */ new Set([...seqs, ...bySeq.keys()])].sort((a, b) => a - b)) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    let manifest;
    try {
      manifest = await openManifest(store, bytes, `manifest ${stream}@${seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      throw new SnapgateError(
        "INTEGRITY",
        `${manifestPath(stream, seq)} in ${store.location} cannot be read: ${error.summary}`,
        {
          fix: `Restore that file from a copy of the store, then run \`snapgate verify --all --env ${stream}\`.`,
          details: { stream, seq }
        }
      );
    }
    complete.push(catalogEntryOf(manifest, sha256Hex(bytes)));
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
