import { manifestPath, type Store } from "../store/store.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";

/** A forgotten snapshot whose manifest a WORM lock still holds. */
export interface ForgottenLock {
  id: string;
  seq: number;
  /** Retain-until of the manifest (written after the snapshot's own blobs and nodes). */
  until?: string;
  legalHold: boolean;
}

/**
 * When the objects of snapshots being forgotten become deletable (issue 14):
 * forget only writes tombstones, and prune deletes later, but on a store with
 * WORM locks a user should learn at forget time that prune cannot delete yet.
 * The manifest's lock stands for the snapshot's own objects: it is written after
 * its blobs and nodes, so its retain-until is the latest of theirs. One read per
 * snapshot; none on stores without locks.
 */
export async function readForgottenLocks(
  store: Store,
  stream: string,
  snapshots: ReadonlyArray<{ id: string; seq: number }>,
): Promise<ForgottenLock[]> {
  const lockOf = store.lockOf?.bind(store);
  if (!lockOf) return [];
  const locks = await mapWithConcurrency(snapshots, 8, async (snapshot) => {
    const lock = await lockOf(manifestPath(stream, snapshot.seq));
    if (!lock) return null;
    return {
      id: snapshot.id,
      seq: snapshot.seq,
      ...(lock.until ? { until: lock.until.toISOString() } : {}),
      legalHold: lock.legalHold,
    };
  });
  return locks.filter((lock): lock is ForgottenLock => lock !== null);
}
