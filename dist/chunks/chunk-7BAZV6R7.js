import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseManifest,
  parseManifestNode
} from "./chunk-L3YJLP3Q.js";
import {
  MANIFEST_V2_FORMAT
} from "./chunk-MVZIGVV4.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/open-manifest.ts
async function openManifest(store, bytes, where) {
  const record = parseManifest(bytes, where);
  const ids = record.nodes;
  if (record.format !== MANIFEST_V2_FORMAT || !ids) return record;
  const unique = [...new Set(ids)];
  const read = await Promise.all(unique.map((id) => store.readNode(id)));
  const nodes = new Map(
    unique.map((id, index) => {
      const node = read[index];
      if (!node) {
        throw new SnapgateError(
          "INTEGRITY",
          `${where} names node ${id.slice(0, 12)}, which is missing from ${store.location}.`,
          {
            fix: "If the snapshot was forgotten, prune removed its nodes with its blobs (`snapgate list --forgotten`): use another snapshot. Otherwise the store lost a node: run `snapgate verify --all` and restore the store from its replica."
          }
        );
      }
      return [id, parseManifestNode(node, id, where)];
    })
  );
  return { ...record, files: ids.flatMap((id) => nodes.get(id)?.files ?? []) };
}

export {
  openManifest
};
