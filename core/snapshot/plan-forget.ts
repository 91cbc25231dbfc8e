import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import type { KeepRules, Policy, RetentionPolicy, Tier } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import { applyRetention, type RetentionDecision } from "../policy/retention/apply-retention.js";
import { retentionForEnvironment } from "../policy/retention/retention-for-environment.js";
import { readCatalog } from "./read-catalog.js";
import { listForgotten } from "./tombstone.js";

export interface PlanForgetOptions {
  store: Store;
  policy: Policy;
  environment: string;
  now: Date;
  /** Keep rules from the command line: they replace the tier's keep rules; the tier's floors still apply. */
  keep?: KeepRules | null;
  /** restic >= 0.16's "oldest" rule (default true); false gives restic 0.14's result. */
  keepOldest?: boolean;
}

export interface ForgetDecision extends RetentionDecision {
  stream: string;
  seq: number;
  /** Forgetting it needs an approval: its environment's tier, or a component it holds, is tier-0. */
  tier0: boolean;
  /** The most critical tier of anything it holds (snapshotTier): its floors and approvals. */
  tier: string;
}

export interface ForgetPlan {
  environment: string;
  tier: string;
  /** Where the keep rules came from. */
  rules: "policy" | "flags";
  retention: RetentionPolicy;
  /** Every snapshot not forgotten yet, newest first, kept or dropped with the reasons. */
  decisions: ForgetDecision[];
  drop: ForgetDecision[];
  /** Ids of the tier-0 snapshots to drop: an approval must name exactly these. */
  tier0Drops: string[];
  /** Approvals needed to forget the tier-0 snapshots: the most any of their tiers asks. */
  requiredApprovals: number;
}

/**
 * Which of an environment's snapshots retention keeps and which it drops
 * (restic's forget rules, then the tier's floors). Snapshots already
 * forgotten are not considered again, as restic no longer sees removed ones.
 */
export async function planForget(options: PlanForgetOptions): Promise<ForgetPlan> {
  const { policy, environment } = options;
  const tierPolicy = retentionForEnvironment(policy, environment);
  const tierName = policy.environments[environment]?.tier as string;
  const tier = policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("CONFIG", `The policy has no tier '${tierName}'.`, {
      fix: "Correct the environment's tier in the policy.",
    });
  }
  await options.store.assertExists();
  const [entries, forgotten] = await Promise.all([
    readCatalog(options.store, environment),
    listForgotten(options.store, environment),
  ]);
  const seqs = forgotten.get(environment);
  const live = entries.filter((entry) => !seqs?.has(entry.seq));
  const retention: RetentionPolicy = options.keep
    ? { keep: options.keep, floor: tierPolicy.floor }
    : tierPolicy;
  const byId = new Map(live.map((entry) => [entry.id, entry]));
  // A snapshot holding a file of a more critical tier than the environment's gets that tier's
  // floors (legal hold included) and approvals.
  const tiers = new Map<string, Tier>(
    live.map((entry) => [entry.id, snapshotTier(policy, environment, entry)]),
  );
  const decisions = applyRetention(
    live.map((entry) => {
      const own = tiers.get(entry.id) as Tier;
      return {
        id: entry.id,
        time: entry.time,
        tags: entry.metadata.tags,
        ...(own.name !== tierName
          ? { tierFloor: { tier: own.name, floor: own.retention.floor } }
          : {}),
      };
    }),
    retention,
    { now: options.now, keepOldest: options.keepOldest },
  ).map((decision): ForgetDecision => {
    const entry = byId.get(decision.id) as CatalogEntry;
    const own = tiers.get(decision.id) as Tier;
    return {
      ...decision,
      stream: entry.stream,
      seq: entry.seq,
      tier0: own.level === 0,
      tier: own.name,
    };
  });
  const drop = decisions.filter((decision) => !decision.keep);
  const tier0Drops = drop.filter((decision) => decision.tier0);
  return {
    environment,
    tier: tierName,
    rules: options.keep ? "flags" : "policy",
    retention,
    decisions,
    drop,
    tier0Drops: tier0Drops.map((decision) => decision.id),
    requiredApprovals: Math.max(
      tier.approvals,
      ...tier0Drops.map((decision) => (tiers.get(decision.id) as Tier).approvals),
    ),
  };
}
