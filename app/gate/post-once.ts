import type { ExistingCheckRun } from "../../core/github/commit-check-runs.js";
import { gateCheckName } from "../../core/gate/gate-check-name.js";
import type { GateEvent } from "./gate-event.js";
import type { GateClaim } from "./open-gate-lock.js";

/**
 * Posts the check run of one environment (null: the policy-wide one) on the
 * target's commit, unless it is not due: this delivery already posted it, or
 * in "first" mode any run of that name exists. `runs` are the app's runs read
 * from GitHub before; the ledger adds what this process posted since, and
 * runs one post per commit and environment at a time (the fast path: no
 * request). A run that is still due is posted only by the instance that
 * creates its lock ref (`claim`): per commit and name in "first" mode, per
 * delivery too in "again" mode (a redelivery handled by two instances).
 */
export async function postOnce(
  event: GateEvent,
  target: { headSha: string; mode: "first" | "again" },
  environment: string | null,
  runs: readonly ExistingCheckRun[],
  claim: GateClaim,
  post: () => Promise<number>,
): Promise<void> {
  const name = gateCheckName(environment);
  const key = `${event.owner}/${event.repo}@${target.headSha}:${name}`.toLowerCase();
  await event.ledger.exclusive(key, async (postedHere) => {
    const existing = [
      ...runs.filter((run) => run.name === name).map((run) => run.externalId),
      ...postedHere,
    ];
    if (existing.includes(event.deliveryId)) return null;
    if (target.mode === "first" && existing.length > 0) return null;
    const posted = await claim(
      {
        headSha: target.headSha,
        checkName: name,
        deliveryId: target.mode === "again" ? event.deliveryId : null,
      },
      async () => void (await post()),
    );
    // Lost: another instance posts. Not remembered as posted here, so that a
    // later event asks again (GitHub's runs, then the lock) should that post fail.
    return posted ? event.deliveryId : null;
  });
}
