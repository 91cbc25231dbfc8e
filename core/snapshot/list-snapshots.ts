import type { CatalogEntry, Phase } from "../types.js";
import type { Store } from "../store/store.js";
import { readAllCatalogs, readCatalog } from "./read-catalog.js";

export interface SnapshotFilter {
  stream?: string;
  since?: Date;
  until?: Date;
  tags?: readonly string[];
  /** A prefix of the commit SHA. */
  commit?: string;
  changeId?: string;
  phase?: Phase;
  component?: string;
  /** Newest first, at most this many. */
  limit?: number;
}

export function matchesFilter(entry: CatalogEntry, filter: SnapshotFilter): boolean {
  const time = Date.parse(entry.time);
  if (filter.stream && entry.stream !== filter.stream) return false;
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time > filter.until.getTime()) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => entry.metadata.tags.includes(tag)))
    return false;
  if (filter.commit && !(entry.metadata.commit ?? "").startsWith(filter.commit)) return false;
  if (filter.changeId && entry.metadata.changeId !== filter.changeId) return false;
  if (filter.phase && entry.phase !== filter.phase) return false;
  if (filter.component && !entry.components.includes(filter.component)) return false;
  return true;
}

/** Searches the catalogs (never the manifests), oldest first. */
export async function listSnapshots(
  store: Store,
  filter: SnapshotFilter = {},
): Promise<CatalogEntry[]> {
  await store.assertExists();
  const entries = filter.stream
    ? await readCatalog(store, filter.stream)
    : await readAllCatalogs(store);
  const matching = entries
    .filter((entry) => matchesFilter(entry, filter))
    .sort(
      (a, b) => a.time.localeCompare(b.time) || a.stream.localeCompare(b.stream) || a.seq - b.seq,
    );
  return filter.limit ? matching.slice(-filter.limit) : matching;
}
