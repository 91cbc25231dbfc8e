import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/snapshot/catalog-entry.ts
function catalogEntryOf(manifest, id) {
  const components = /* @__PURE__ */ new Set();
  let bytes = 0;
  for (const file of manifest.files) {
    if (file.component) components.add(file.component);
    if (file.type === "file") bytes += file.size;
  }
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    prev: manifest.prev,
    time: manifest.time,
    writtenAt: manifest.writtenAt,
    phase: manifest.phase,
    metadata: manifest.metadata,
    files: manifest.files.length,
    bytes,
    components: [...components].sort()
  };
}

export {
  catalogEntryOf
};
