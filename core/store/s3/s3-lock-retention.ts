import { SnapgateError } from "../../errors.js";

/** How the edge calls the two settings in its messages: CLI flags or action inputs. */
export interface S3LockNames {
  mode: string;
  days: string;
}

/**
 * The Object Lock retention an s3:// store writes with (ADR 1404): the mode
 * (GOVERNANCE or COMPLIANCE, any case) and whole days, the days defaulting to
 * `tierDays` (snapshot: the tier's retention floor). Undefined without a mode.
 */
export function s3LockRetention(
  modeText: string | undefined,
  daysText: string | undefined,
  tierDays: number | undefined,
  names: S3LockNames,
): { mode: "GOVERNANCE" | "COMPLIANCE"; days: number } | undefined {
  const mode = modeText?.toUpperCase();
  if (mode === undefined) {
    if (daysText !== undefined)
      throw new SnapgateError("USAGE", `${names.days} needs ${names.mode}.`, {
        fix: `Add ${names.mode} GOVERNANCE or COMPLIANCE, or drop ${names.days} (the bucket's default retention then applies).`,
      });
    return undefined;
  }
  const days = daysText === undefined ? (tierDays ?? Number.NaN) : Number(daysText);
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
