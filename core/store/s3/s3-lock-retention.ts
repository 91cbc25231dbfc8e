import { SnapgateError } from "../../errors.js";

/** How the edge calls the two settings in its messages: CLI flags or action inputs. */
export interface S3LockNames {
  mode: string;
  days: string;
}

/** What a policy's tier asks of an s3:// store's Object Lock (ADR 1404, 1408). */
export interface S3LockDefaults {
  /** retention.object_lock.mode. */
  mode?: "GOVERNANCE" | "COMPLIANCE";
  /** retention.floor.min_age in whole days, rounded up. */
  retainDays?: number;
  /** retention.floor.legal_hold is present. */
  legalHold?: boolean;
}

/**
 * The Object Lock retention an s3:// store writes with (ADR 1404, 1408): the
 * mode (GOVERNANCE or COMPLIANCE, any case) and whole days given by the caller,
 * each defaulting to the tier's (snapshot: retention.object_lock.mode and the
 * retention floor). Undefined when neither names a mode.
 */
export function s3LockRetention(
  modeText: string | undefined,
  daysText: string | undefined,
  tier: S3LockDefaults,
  names: S3LockNames,
): { mode: "GOVERNANCE" | "COMPLIANCE"; days: number } | undefined {
  const mode = modeText?.toUpperCase() ?? tier.mode;
  if (mode === undefined) {
    if (daysText !== undefined)
      throw new SnapgateError("USAGE", `${names.days} needs ${names.mode}.`, {
        fix: `Add ${names.mode} GOVERNANCE or COMPLIANCE (or set retention.object_lock.mode in the tier's policy), or drop ${names.days} (the bucket's default retention then applies).`,
      });
    return undefined;
  }
  const days = daysText === undefined ? (tier.retainDays ?? Number.NaN) : Number(daysText);
  if ((mode !== "GOVERNANCE" && mode !== "COMPLIANCE") || !Number.isInteger(days) || days < 1) {
    throw new SnapgateError(
      "USAGE",
      `${names.mode} ${mode} ${names.days} ${daysText ?? "(none)"} is not a retention.`,
      {
        fix: `Pass ${names.mode} GOVERNANCE or COMPLIANCE with ${names.days} N (a whole number of days, at least 1), or snapshot under a policy whose tier has retention.floor.min_age.`,
      },
    );
  }
  return { mode, days };
}
