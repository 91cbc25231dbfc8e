import { classifyPath } from "../policy/classify-path.js";
import { compileGlobs } from "../policy/glob.js";
import type { Policy, Tier } from "../policy/policy.js";
import { policyEnvironment } from "../policy/policy-environment.js";

/** How many approvals a request needs, and why. */
export interface RequestQuorum {
  tier: string;
  /** 0 = most critical. */
  level: number;
  /** Distinct eligible approvers other than the requester. */
  required: number;
  /** How long the request and its approvals stay valid. */
  ttlMs: number;
  /** The file whose tier set the quorum; null when it is the environment's tier. */
  file: string | null;
}

/**
 * The quorum of a restore or forget request: the tier of the most critical
 * file it touches (the snapshot's files matched by the request's path globs;
 * no globs: every file), never less critical than the environment's own tier.
 * A tier-0 file in a tier-1 environment needs tier-0's approvals, so asking
 * for a narrow restore cannot lower the bar. Restores and forgets share it.
 */
export function requestQuorum(
  policy: Policy,
  environment: string,
  files: readonly string[],
  paths: readonly string[],
): RequestQuorum {
  const own = policyEnvironment(policy, environment).tier;
  // loadPolicy checked that every environment's and component's tier exists.
  let best = { name: own, tier: policy.tiers[own] as Tier, file: null as string | null };
  const matches = paths.length === 0 ? () => true : compileGlobs(paths);
  for (const file of [...files].sort()) {
    if (!matches(file)) continue;
    const name = classifyPath(policy, file, environment).tier;
    const tier = name === undefined ? undefined : policy.tiers[name];
    if (name !== undefined && tier !== undefined && tier.level < best.tier.level) {
      best = { name, tier, file };
    }
  }
  return {
    tier: best.name,
    level: best.tier.level,
    required: best.tier.approvals,
    ttlMs: best.tier.requestTtlMs,
    file: best.file,
  };
}
