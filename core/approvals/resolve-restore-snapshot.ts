import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { resolveSnapshot } from "../snapshot/resolve-snapshot.js";
import { readApprovalRequest } from "./approval-request.js";

/**
 * The snapshot a restore is about: the one `spec` names (an id prefix,
 * ENV@SEQ or `latest`), else the single snapshot its restore request names
 * (how the app dispatches a restore: with the request id only).
 */
export async function resolveRestoreSnapshot(
  store: Store,
  options: { spec?: string; requestId?: string; stream?: string },
): Promise<CatalogEntry> {
  if (options.spec) return resolveSnapshot(store, options.spec, { stream: options.stream });
  if (!options.requestId) {
    throw new SnapgateError("USAGE", "Which snapshot should be restored?", {
      fix: "Give a snapshot (an id, ENV@SEQ, latest with the environment, or a pre-deploy step's snapshot-id output), or the id of an approved restore request.",
    });
  }
  const request = await readApprovalRequest(store, options.requestId);
  const [only, ...more] = request.subject.snapshots;
  if (request.action !== "restore" || !only || more.length > 0) {
    throw new SnapgateError(
      "USAGE",
      `Request ${request.id} is not a restore of one snapshot (it asks to ${request.action} ${request.subject.snapshots.length} snapshot(s)).`,
      { fix: "Give the id of an approved restore request, as the app shows it." },
    );
  }
  return resolveSnapshot(store, only, { stream: options.stream ?? request.subject.environment });
}
