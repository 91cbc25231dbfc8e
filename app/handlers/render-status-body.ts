import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import { isSnapgateError } from "../../core/errors.js";
import { planAgainstSnapshot } from "../../core/approvals/plan-against-snapshot.js";
import type { LifecycleRequest } from "../../core/approvals/request-lifecycle.js";
import { renderRequestStatus } from "../../core/approvals/render-request-status.js";
import { requestStateMacKey, type AppKey } from "../../core/crypto/app-key.js";
import type { Policy } from "../../core/policy/policy.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import type { Store } from "../../core/store/store.js";

/**
 * A request's status comment, with what restoring it would change against
 * the environment's newest snapshot (by blob id: nothing is decrypted).
 */
export async function renderStatusBody(
  store: Store,
  request: LifecycleRequest,
  policy: Policy,
  signingKey: AppKey,
): Promise<string> {
  const stream = request.subject.environment;
  const [id = ""] = request.subject.snapshots;
  const wanted = await resolveSnapshot(store, id, { stream });
  const newest = await resolveSnapshot(store, "latest", { stream }).catch(() => null);
  const [snapshot, other] = await Promise.all([
    loadSnapshot(store, wanted),
    newest && newest.id !== wanted.id ? loadSnapshot(store, newest) : null,
  ]);
  // Every snapshot of the environment forgotten: compared with nothing.
  const current = newest === null ? null : (other ?? snapshot);
  return renderRequestStatus(request, {
    plan: planAgainstSnapshot(
      current?.manifest.files ?? null,
      snapshot.manifest.files,
      request.subject.paths ?? [],
    ),
    planBase: newest
      ? `${newest.stream}@${newest.seq}, the newest snapshot`
      : "no snapshot: every one is forgotten",
    approvers: policy.roles.approvers,
    lock: await readEnvironmentLock(store, stream, policy.keys.app ?? []).catch((error) => {
      // The comment only informs; every decision re-reads the lock and refuses an untrusted one.
      if (isSnapgateError(error) && error.code === "INTEGRITY") return null;
      throw error;
    }),
    macKey: requestStateMacKey(signingKey),
  });
}
