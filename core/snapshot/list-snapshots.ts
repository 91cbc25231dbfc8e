import type { CatalogEntry, Phase } from "../types.js";
import type { Store } from "../store/store.js";
import { readAllCatalogs, readCatalog } from "./read-catalog.js";
import { listForgotten } from "./tombstone.js";

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
  /** The deployment run: its URL, or the run id at the end of it (`.../runs/<id>`). */
  run?: string;
  /** Include forgotten (tombstoned) snapshots; they are left out by default. */
  includeForgotten?: boolean;
  /** Newest first, at most this many. */
  limit?: number;
}

export interface ListedSnapshot extends CatalogEntry {
  forgotten: boolean;
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
  if (filter.run && !matchesRun(entry.metadata.runUrl, filter.run)) return false;
  return true;
}

function matchesRun(runUrl: string | undefined, run: string): boolean {
  if (!runUrl) return false;
  if (runUrl === run) return true;
  const path = runUrl.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return /^\d+$/.test(run) && new RegExp(`/runs/${run}(/attempts/\\d+)?$`).test(path);
}

/** Searches the catalogs (never the manifests), oldest first; forgotten snapshots are marked by record names only. */
export async function listSnapshots(
  store: Store,
  filter: SnapshotFilter = {},
): Promise<ListedSnapshot[]> {
  await store.assertExists();
  const [entries, forgotten] = await Promise.all([
    filter.stream ? readCatalog(store, filter.stream) : readAllCatalogs(store),
    listForgotten(store, filter.stream),
  ]);
  const matching = entries
    .map((entry) => ({ ...entry, forgotten: forgotten.get(entry.stream)?.has(entry.seq) ?? false }))
    .filter(
      (entry) => (filter.includeForgotten || !entry.forgotten) && matchesFilter(entry, filter),
    )
    .sort(
      (a, b) => a.time.localeCompare(b.time) || a.stream.localeCompare(b.stream) || a.seq - b.seq,
    );
  return filter.limit ? matching.slice(-filter.limit) : matching;
}
