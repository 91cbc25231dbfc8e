import type { BlobRef, Store } from "../store/store.js";
import type { RewrapRecord } from "./rewrap-record.js";

/**
 * For prune: a blob `snapgate rekey` wrote is referenced only through its
 * re-wrap record, so it is live while the ref the manifests name is live (and
 * released when that is). Records are not checked for a signature here: a
 * forged one can only keep a blob longer, never get one deleted.
 */
export async function followRewraps(
  store: Store,
  live: Set<string>,
  releasedAt: Map<string, number>,
  key: (blob: BlobRef) => string,
): Promise<void> {
  const records: RewrapRecord[] = [];
  for (const path of await store.listRecords("rewraps")) {
    const bytes = await store.readRecord(path);
    if (!bytes) continue;
    try {
      const record = JSON.parse(new TextDecoder().decode(bytes)) as RewrapRecord;
      if (record?.old?.id && record?.new?.id) records.push(record);
    } catch {
      // A damaged record references nothing; its new blob is judged as an orphan.
    }
  }
  // Chains (a blob re-wrapped twice) settle in as many rounds as they are long.
  for (let changed = true; changed;) {
    changed = false;
    for (const record of records) {
      const from = key(record.old);
      const to = key(record.new);
      if (live.has(from) && !live.has(to)) {
        live.add(to);
        changed = true;
      }
      const released = releasedAt.get(from);
      if (released !== undefined && (releasedAt.get(to) ?? -1) < released) {
        releasedAt.set(to, released);
        changed = true;
      }
    }
  }
}
