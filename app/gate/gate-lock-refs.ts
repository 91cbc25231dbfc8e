import { createHash } from "node:crypto";
import { GATE_LOCK_PREFIX } from "../../core/github/prune-gate-locks.js";

export { GATE_LOCK_PREFIX };

/**
 * How close to midnight (UTC) a lock is also taken in the neighbouring day's
 * namespace, so that two events of one commit decided on either side of
 * midnight still meet on one ref. Events of one commit arrive within seconds.
 */
export const GATE_LOCK_MIDNIGHT_MS = 10 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one lock is about: a check run of a source repository's commit, once ("first") or once per delivery. */
export interface GateLockKey {
  /** owner/repo of the gated repository (lower case does not matter: it is folded). */
  source: string;
  headSha: string;
  /** The check run's name (it carries the environment). */
  checkName: string;
  /** Set for decisions made again (a re-run, a backup push): the lock is per delivery then. */
  deliveryId: string | null;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The refs to create, in this order, to own a lock: the day's namespace and,
 * within GATE_LOCK_MIDNIGHT_MS of midnight, also the other day's (the earlier
 * day first, so that two claimants on either side of midnight race for the
 * same first ref). A day's namespace is dead a few seconds after the day
 * ends, which is what lets `snapgate prune` delete old ones (ADR 0611).
 */
export function gateLockRefs(key: GateLockKey, now: Date): string[] {
  const hash = createHash("sha256")
    .update([key.source.toLowerCase(), key.headSha, key.checkName, key.deliveryId ?? ""].join("\n"))
    .digest("hex")
    .slice(0, 24);
  const name = `${key.headSha}-${hash}`;
  const ms = now.getTime();
  const intoDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  const days =
    intoDay < GATE_LOCK_MIDNIGHT_MS
      ? [day(ms - DAY_MS), day(ms)]
      : DAY_MS - intoDay <= GATE_LOCK_MIDNIGHT_MS
        ? [day(ms), day(ms + DAY_MS)]
        : [day(ms)];
  return days.map((d) => `${GATE_LOCK_PREFIX}${d}/${name}`);
}
