import type { Policy } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";

/**
 * What a snapshot of `environment` writes to an Object Lock store when the
 * caller names no retention days (ADR 1404): retain-until the tier's
 * retention floor (whole days, rounded up), and an S3 legal hold when the tier
 * has one. Empty without a policy or an environment it knows.
 */
export function snapshotLockDefaults(
  policy: Policy | null | undefined,
  environment: string,
): { retainDays?: number; legalHold?: boolean } {
  const floor =
    policy && policy.environments[environment]
      ? snapshotTier(policy, environment).retention.floor
      : undefined;
  return {
    ...(floor && floor.minAgeMs > 0 ? { retainDays: Math.ceil(floor.minAgeMs / 86_400_000) } : {}),
    ...(floor?.legalHold ? { legalHold: true } : {}),
  };
}
