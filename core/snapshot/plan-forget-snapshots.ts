import { SnapgateError } from "../errors.js";
import type { Policy, Tier } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import type { Store } from "../store/store.js";
import type { ForgetDecision, ForgetPlan } from "./plan-forget.js";
import { readCatalog } from "./read-catalog.js";

/**
 * A forget plan for snapshots named one by one (a forget request), not
 * chosen by retention: each is dropped with `reason`, and is tier-0 when its
 * environment or anything it holds is (snapshotTier), like planForget. The
 * approvals needed are the most any of them (or the environment) asks. A
 * legal hold of the environment's or the snapshot's tier refuses: nothing
 * overrides it, not even a quorum.
 */
export async function planForgetSnapshots(
  store: Store,
  policy: Policy,
  environment: string,
  snapshots: readonly string[],
  reason: string,
): Promise<ForgetPlan> {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName === undefined ? undefined : policy.tiers[tierName];
  if (tierName === undefined || tier === undefined) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${environment}'.`, {
      fix: `Add it under environments in the policy, or name a snapshot of one of: ${Object.keys(policy.environments).join(", ")}.`,
    });
  }
  const entries = await readCatalog(store, environment);
  const decisions: ForgetDecision[] = snapshots.map((id) => {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) {
      throw new SnapgateError(
        "NOT_FOUND",
        `There is no snapshot ${id.slice(0, 12)} of ${environment} in ${store.location}.`,
        { fix: "Name a snapshot that `snapgate list --forgotten` shows for this environment." },
      );
    }
    const own: Tier = snapshotTier(policy, environment, entry);
    const hold = own.retention.floor.legalHold ?? tier.retention.floor.legalHold;
    if (hold) {
      throw new SnapgateError(
        "POLICY",
        `${environment}@${entry.seq} is under legal hold (${hold.reason}); it cannot be forgotten.`,
        {
          fix: "Ask whoever set the legal hold to lift it in the policy (tiers.<tier>.retention.floor.legal_hold); no approval overrides it.",
        },
      );
    }
    return {
      id: entry.id,
      time: entry.time,
      keep: false,
      reasons: [reason],
      stream: entry.stream,
      seq: entry.seq,
      tier0: own.level === 0,
      tier: own.name,
    };
  });
  const tier0 = decisions.filter((decision) => decision.tier0);
  return {
    environment,
    tier: tierName,
    rules: "policy",
    retention: tier.retention,
    decisions,
    drop: decisions,
    tier0Drops: tier0.map((decision) => decision.id),
    requiredApprovals: Math.max(
      tier.approvals,
      ...tier0.map((decision) => (policy.tiers[decision.tier] as Tier).approvals),
    ),
  };
}
