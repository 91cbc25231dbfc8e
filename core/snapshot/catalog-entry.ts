import type { CatalogEntry, Manifest } from "../types.js";

/** The catalog line of a manifest; also rebuilds lines a crash left out. */
export function catalogEntryOf(manifest: Manifest, id: string): CatalogEntry {
  const components = new Set<string>();
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
    components: [...components].sort(),
  };
}
