import { SnapgateError } from "../../errors.js";
import type { S3ObjectLockState, S3PutOptions } from "./s3-store-types.js";

/** S3 keeps retain-until dates to the second: an applied date up to a second early is the same date. */
const DATE_SLACK_MS = 1000;
const STRENGTH: Record<string, number> = { GOVERNANCE: 1, COMPLIANCE: 2 };

/**
 * Refuses when the server applied less Object Lock than a put asked for (ADR 1408): a weaker
 * mode, an earlier retain-until, or no legal hold. More (a bucket default that retains longer, or
 * COMPLIANCE where GOVERNANCE was asked) is accepted: nothing is less protected than asked.
 * Ceph RGW Pacific drops a put's lock headers while the bucket's BlockPublicAcls is on (ADR 1405).
 */
export function checkAppliedLock(
  asked: Pick<S3PutOptions, "retention" | "legalHold">,
  applied: S3ObjectLockState | null,
  key: string,
  where: string,
): void {
  const short: string[] = [];
  const wanted = asked.retention;
  if (wanted) {
    const mode = applied?.mode ?? "none";
    const until = applied?.retainUntil;
    if ((STRENGTH[mode] ?? 0) < (STRENGTH[wanted.mode] ?? 0))
      short.push(`mode ${mode} instead of ${wanted.mode}`);
    if (!until || until.getTime() < wanted.until.getTime() - DATE_SLACK_MS)
      short.push(
        `retain-until ${until ? until.toISOString() : "none"} instead of ${wanted.until.toISOString()}`,
      );
  }
  if (asked.legalHold && !applied?.legalHold) short.push("no legal hold where one was asked");
  if (short.length === 0) return;
  throw new SnapgateError(
    "CONFIG",
    `${where} did not apply the Object Lock it was asked for on ${key}: ${short.join("; ")}.`,
    {
      fix: "The bucket ignores per-object lock headers. On Ceph RGW (Pacific) that happens while the bucket's public access block has BlockPublicAcls on: turn BlockPublicAcls off and keep the other three settings on. Otherwise set the bucket's default retention (put-object-lock-configuration) to at least this mode and period and drop --object-lock-mode/--retain-days and the tier's retention.object_lock; a legal hold then has to be put by hand (put-object-legal-hold).",
    },
  );
}
