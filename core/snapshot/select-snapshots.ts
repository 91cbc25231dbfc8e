import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { readAllCatalogs, readCatalog } from "./read-catalog.js";
import { resolveSnapshot } from "./resolve-snapshot.js";
import { listForgotten } from "./tombstone.js";

export interface SnapshotSelection {
  snapshots: CatalogEntry[];
  /** Ids of the selected snapshots that were forgotten (their blobs may be pruned). */
  forgotten: Set<string>;
}

/**
 * The snapshots a verification covers: every snapshot (of one environment, or
 * of all) with `all`, else the one `spec` names (`latest` by default), and
 * which of them were forgotten.
 */
export async function selectSnapshots(
  store: Store,
  options: { all?: boolean; spec?: string; stream?: string },
): Promise<SnapshotSelection> {
  const { stream } = options;
  const snapshots = options.all
    ? stream
      ? await readCatalog(store, stream)
      : await readAllCatalogs(store)
    : [await resolveSnapshot(store, options.spec || "latest", { stream })];
  const tombstoned = await listForgotten(store, stream);
  const forgotten = new Set(
    snapshots.filter((s) => tombstoned.get(s.stream)?.has(s.seq)).map((s) => s.id),
  );
  return { snapshots, forgotten };
}
