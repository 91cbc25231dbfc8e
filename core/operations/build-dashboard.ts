import type { AuditEvent } from "../audit/audit-event.js";
import { readNewestRequestState } from "../approvals/read-newest-request-state.js";
import { loadSodium } from "../crypto/sodium.js";
import { isSnapgateError } from "../errors.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import type { Policy } from "../policy/policy.js";
import type { Store } from "../store/store.js";
import { computeHealth } from "./compute-health.js";
import type { Dashboard, DashboardEnvironment } from "./dashboard.js";
import type { DriftSummary } from "./environment-health.js";

const DEFAULT_CONCURRENCY = 8;
const REQUEST_STATE = /^requests\/([^/]+)\/state-\d{4,}\.json$/;

/**
 * The dashboard's facts: every environment's health, its open restore and
 * forget requests (the newest state of each request, checked against the
 * policy's app keys) and whether it is locked (the newest
 * environment.locked/unlocked audit event).
 */
export async function buildDashboard(options: {
  store: Store;
  policy: Policy;
  now: Date;
  drift?: Readonly<Record<string, DriftSummary>>;
  /**
   * Environments read at once (default 8). Each costs a few reads of the
   * store; over a GitHub backup repository they are round trips, and 200 of
   * them one after another take seconds.
   */
  concurrency?: number;
}): Promise<Dashboard> {
  const { store, policy, now } = options;
  const health = (
    await mapWithConcurrency(
      Object.keys(policy.environments).sort(),
      options.concurrency ?? DEFAULT_CONCURRENCY,
      (environment) =>
        computeHealth({
          store,
          policy,
          now,
          environments: [environment],
          ...(options.drift ? { drift: options.drift } : {}),
        }),
    )
  ).flat();

  const appKeys = policy.keys.app ?? [];
  const open = new Map<string, DashboardEnvironment["openRequests"]>();
  const untrusted: string[] = [];
  const ids = [
    ...new Set(
      (await store.listRecords("requests")).flatMap((path) => {
        const id = REQUEST_STATE.exec(path)?.[1];
        return id ? [id] : [];
      }),
    ),
  ].sort();
  if (appKeys.length > 0 && ids.length > 0) {
    const sodium = await loadSodium();
    for (const id of ids) {
      try {
        const newest = await readNewestRequestState(store, sodium, id, appKeys);
        const request = newest?.request;
        if (!request) continue;
        const live =
          (request.state === "pending" || request.state === "approved") &&
          Date.parse(request.expiresAt) > now.getTime();
        if (!live) continue;
        const list = open.get(request.subject.environment) ?? [];
        list.push({
          id: request.id,
          action: request.action,
          state: request.state,
          requester: request.requester.login,
          expiresAt: request.expiresAt,
        });
        open.set(request.subject.environment, list);
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        untrusted.push(id);
      }
    }
  }

  const locks = new Map<string, DashboardEnvironment["lock"]>();
  for (const line of await store.readAuditLines()) {
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      continue;
    }
    const environment = event.subject?.["environment"];
    if (typeof environment !== "string") continue;
    if (event.type === "environment.locked") {
      const reason = event.details?.["reason"];
      locks.set(environment, {
        by: event.actor.login ?? event.actor.kind,
        at: event.time,
        reason: typeof reason === "string" ? reason : null,
      });
    } else if (event.type === "environment.unlocked") locks.set(environment, null);
  }

  return {
    generatedAt: now.toISOString(),
    store: store.location,
    environments: health.map((h) => ({
      ...h,
      openRequests: open.get(h.environment) ?? [],
      lock: locks.get(h.environment) ?? null,
    })),
    untrustedRequests: untrusted,
    requestsNote:
      appKeys.length === 0 && ids.length > 0
        ? "The policy lists no keys.app, so request records cannot be checked and are not shown."
        : null,
  };
}
