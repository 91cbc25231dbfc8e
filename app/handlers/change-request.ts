import { readNewestRequestState } from "../../core/approvals/read-newest-request-state.js";
import type { LifecycleRequest, Transition } from "../../core/approvals/request-lifecycle.js";
import { sealRequestState } from "../../core/approvals/request-state-record.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { isSnapgateError } from "../../core/errors.js";
import type { StoreRecord } from "../../core/store/store.js";
import type { RequestStore } from "./open-request-store.js";

/** Tries of a change that lost the race for its revision to another writer. */
const ATTEMPTS = 3;

/**
 * Reads a request's newest signed revision (never the status comment), lets
 * `decide` move it, writes the next revision when it changed (write-once: a
 * concurrent writer makes this read and decide again) and appends the
 * transition's audit events. `changed` is the new state, or null. `extra`
 * records go in the same commit as the revision (all or none).
 */
export async function changeRequest(
  opened: Omit<RequestStore, "backup">,
  id: string,
  decide: (request: LifecycleRequest | null) => Promise<Transition<LifecycleRequest | null>>,
  extra: readonly StoreRecord[] = [],
): Promise<{ transition: Transition<LifecycleRequest | null>; changed: LifecycleRequest | null }> {
  const { policy, store, sodium } = opened;
  for (let attempt = 1; ; attempt++) {
    const found = await readNewestRequestState(store, sodium, id, policy.keys.app ?? []);
    const transition = await decide(found?.request ?? null);
    const next = transition.state;
    const changed = found !== null && next !== null && next !== found.request ? next : null;
    if (found !== null && changed !== null) {
      try {
        await store.writeRecords([
          sealRequestState(sodium, changed, found.revision + 1, opened.signingKey),
          ...extra,
        ]);
      } catch (error) {
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, transition.auditEvents);
    return { transition, changed };
  }
}
