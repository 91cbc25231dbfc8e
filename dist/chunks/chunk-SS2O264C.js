import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import {
  listForgotten
} from "./chunk-TITZY4GY.js";
import {
  readAllCatalogs,
  readCatalog
} from "./chunk-WSRUPF57.js";

// core/snapshot/select-snapshots.ts
async function selectSnapshots(store, options) {
  const { stream } = options;
  const snapshots = options.all ? stream ? await readCatalog(store, stream) : await readAllCatalogs(store) : [await resolveSnapshot(store, options.spec || "latest", { stream })];
  const tombstoned = await listForgotten(store, stream);
  const forgotten = new Set(
    snapshots.filter((s) => tombstoned.get(s.stream)?.has(s.seq)).map((s) => s.id)
  );
  return { snapshots, forgotten };
}

export {
  selectSnapshots
};
