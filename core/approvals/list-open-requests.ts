import type { Sodium } from "../crypto/sodium.js";
import { isSnapgateError } from "../errors.js";
import type { Store } from "../store/store.js";
import type { LifecycleRequest } from "./request-lifecycle.js";
import { openRequestState, requestStatePath } from "./request-state-record.js";

/** The most requests one scan reads (two reads each on GitHub): the rest are counted, not read. */
export const MAX_SCANNED_REQUESTS = 50;

const REVISION = /^requests\/(r-[a-z2-7]{12})\/state-(\d{4,})\.json$/;

/**
 * The pending and approved, unexpired requests of `environments` in the store, newest
 * first, from each request's newest app-signed revision. Records that are
 * not the app's are left out (acting on one re-reads it and refuses it);
 * past MAX_SCANNED_REQUESTS requests, the rest are only counted (`unread`).
 */
export async function listOpenRequests(
  store: Store,
  sodium: Sodium,
  environments: ReadonlySet<string>,
  appKeys: readonly string[],
  now: Date,
): Promise<{ open: LifecycleRequest[]; unread: number }> {
  const newest = new Map<string, number>();
  for (const path of await store.listRecords("requests/")) {
    const match = REVISION.exec(path);
    if (!match?.[1] || !match[2]) continue;
    newest.set(match[1], Math.max(newest.get(match[1]) ?? 0, Number(match[2])));
  }
  const ids = [...newest.keys()].sort();
  const scanned = ids.slice(0, MAX_SCANNED_REQUESTS);
  const open: LifecycleRequest[] = [];
  for (const id of scanned) {
    const revision = newest.get(id) ?? 0;
    const bytes = await store.readRecord(requestStatePath(id, revision));
    if (bytes === null) continue;
    try {
      const request = openRequestState(sodium, bytes, { id, revision }, appKeys);
      if (
        (request.state === "pending" || request.state === "approved") &&
        environments.has(request.subject.environment) &&
        Date.parse(request.expiresAt) > now.getTime()
      )
        open.push(request);
    } catch (error) {
      if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
    }
  }
  open.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { open, unread: ids.length - scanned.length };
}
