import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { diffFileStates, type FileStateDiff } from "./diff-file-states.js";
import { loadSnapshot } from "./load-snapshot.js";
import { readCatalog } from "./read-catalog.js";

export interface SnapshotDiff extends FileStateDiff {
  from: Pick<CatalogEntry, "id" | "stream" | "seq"> | null;
  to: Pick<CatalogEntry, "id" | "stream" | "seq">;
}

/**
 * What changed from `from` to `to`, by keyed blob id: no decryption. Without
 * `from`, compares `to` with the snapshot before it in its stream.
 */
export async function diffSnapshots(
  store: Store,
  to: CatalogEntry,
  from?: CatalogEntry,
): Promise<SnapshotDiff> {
  let base = from;
  if (!base && to.seq > 1) {
    base = (await readCatalog(store, to.stream)).find((entry) => entry.seq === to.seq - 1);
    if (!base) {
      throw new SnapgateError(
        "NOT_FOUND",
        `The snapshot before ${to.stream}@${to.seq} is missing.`,
        {
          fix: "Name both snapshots: `snapgate diff A B`.",
        },
      );
    }
  }
  const after = await loadSnapshot(store, to);
  const before = base ? await loadSnapshot(store, base) : undefined;
  const diff = diffFileStates(before?.manifest.files ?? [], after.manifest.files);
  const ref = (e: CatalogEntry) => ({ id: e.id, stream: e.stream, seq: e.seq });
  return { ...diff, from: base ? ref(base) : null, to: ref(to) };
}
