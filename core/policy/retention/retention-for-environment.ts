import { SnapgateError } from "../../errors.js";
import type { Policy, RetentionPolicy } from "../policy.js";

/** The retention rules of an environment's stream: those of its tier. */
export function retentionForEnvironment(policy: Policy, environment: string): RetentionPolicy {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName === undefined ? undefined : policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`,
    });
  }
  return tier.retention;
}
