import type { Sodium } from "../crypto/sodium.js";
import type { Store } from "../store/store.js";
import type { LifecycleRequest } from "./request-lifecycle.js";
import { openRequestState, requestStatePath } from "./request-state-record.js";

const REVISION = /\/state-(\d{4,})\.json$/;

/**
 * The newest state revision of a request in the store, checked against the
 * policy's app keys (INTEGRITY when it fails), or null when there is none.
 * The store, not the status comment, is the source of truth.
 */
export async function readNewestRequestState(
  store: Store,
  sodium: Sodium,
  id: string,
  appKeys: readonly string[],
): Promise<{ request: LifecycleRequest; revision: number } | null> {
  const revisions = (await store.listRecords(`requests/${id}/`))
    .map((path) => Number(REVISION.exec(path)?.[1] ?? Number.NaN))
    .filter((revision) => Number.isInteger(revision) && revision > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const bytes = await store.readRecord(requestStatePath(id, revision));
  if (bytes === null) return null;
  return { request: openRequestState(sodium, bytes, { id, revision }, appKeys), revision };
}
