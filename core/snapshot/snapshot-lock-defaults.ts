import type { Policy } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import type { S3LockDefaults } from "../store/s3/s3-lock-retention.js";

/**
 * What a snapshot of `environment` writes to an Object Lock store unless the
 * caller overrides it (ADR 1404, 1408): the tier's retention.object_lock mode,
 * retain-until its retention floor (whole days, rounded up), and an S3 legal
 * hold when the tier has one. Empty without a policy or an environment it knows.
 */
export function snapshotLockDefaults(
  policy: Policy | null | undefined,
  environment: string,
): S3LockDefaults {
  const retention =
    policy && policy.environments[environment]
      ? snapshotTier(policy, environment).retention
      : undefined;
  const floor = retention?.floor;
  return {
    ...(retention?.objectLock ? { mode: retention.objectLock.mode } : {}),
    ...(floor && floor.minAgeMs > 0 ? { retainDays: Math.ceil(floor.minAgeMs / 86_400_000) } : {}),
    ...(floor?.legalHold ? { legalHold: true } : {}),
  };
}
