import type { Sodium } from "../crypto/sodium.js";
import { blobPath, type BlobRef, type Store } from "../store/store.js";
import { rewrapRecordPath } from "./rewrap-record.js";
import { trustedRewrapRecord } from "./trusted-rewrap-record.js";

/** As the resolver: a blob re-wrapped once per rotation is followed this far. */
const MAX_HOPS = 16;

/**
 * For checks by listing (the gate's `blobs: "list"`): which of `missing`
 * (blob refs a listing lacks) `snapgate rekey` re-wrapped to a blob the
 * listing has, through re-wrap records signed by a trusted key. Reads only
 * the records of missing blobs, every one of a hop at once (one query per 100
 * on GitHub): nothing when no blob is missing. Returns their blobPaths.
 */
export async function rewrapsInListing(
  store: Store,
  sodium: Sodium,
  trustedKeys: readonly string[],
  missing: readonly BlobRef[],
  present: ReadonlySet<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  let open = missing.map((start) => ({ start, at: start }));
  for (let hop = 0; hop < MAX_HOPS && open.length > 0; hop++) {
    const records = await Promise.all(open.map(({ at }) => store.readRecord(rewrapRecordPath(at))));
    const next: typeof open = [];
    for (const [index, item] of open.entries()) {
      const bytes = records[index];
      const record = bytes ? trustedRewrapRecord(sodium, bytes, trustedKeys) : undefined;
      if (!record || record.old.id !== item.at.id || record.old.sha256 !== item.at.sha256) continue;
      if (present.has(blobPath(record.new))) found.add(blobPath(item.start));
      else next.push({ start: item.start, at: record.new });
    }
    open = next;
  }
  return found;
}
