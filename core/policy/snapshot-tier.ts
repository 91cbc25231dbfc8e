import { SnapgateError } from "../errors.js";
import type { Policy, Tier } from "./policy.js";

/** What a snapshot holds that has a tier: the components of its files and the tiers they recorded. */
export interface HeldTiers {
  components?: Iterable<string>;
  /** Tier names recorded per file in the manifest. */
  tiers?: Iterable<string>;
}

/**
 * The tier that governs a snapshot: the most critical (lowest level) of its
 * environment's tier and the tier of every file it holds (each component's
 * tier under the current policy, and each tier the manifest recorded). A
 * tier-1 environment's snapshot holding a tier-0 component gets tier-0's
 * retention floors, legal hold and approvals. Tiers the policy no longer has
 * are ignored; on a tie the environment's tier wins.
 */
export function snapshotTier(policy: Policy, environment: string, held: HeldTiers = {}): Tier {
  const environmentTierName = policy.environments[environment]?.tier;
  const environmentTier =
    environmentTierName === undefined ? undefined : policy.tiers[environmentTierName];
  if (!environmentTierName || !environmentTier) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${environment}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`,
    });
  }
  let best = environmentTier;
  const consider = (name: string | null | undefined) => {
    const tier = name ? policy.tiers[name] : undefined;
    if (tier && tier.level < best.level) best = tier;
  };
  for (const name of held.components ?? []) {
    const component = policy.components.find((candidate) => candidate.name === name);
    consider(component?.tier ?? null);
  }
  for (const name of held.tiers ?? []) consider(name);
  return best;
}
