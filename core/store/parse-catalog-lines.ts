import type { CatalogEntry } from "../types.js";

/**
 * Catalog lines of one or more shards, ordered by seq. A torn or damaged line
 * (a crash mid-append) is skipped: readCatalog() rebuilds it from its manifest.
 */
export function parseCatalogLines(texts: readonly string[]): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const text of texts) {
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        entries.push(JSON.parse(line) as CatalogEntry);
      } catch {
        continue;
      }
    }
  }
  return entries.sort((a, b) => a.seq - b.seq);
}
