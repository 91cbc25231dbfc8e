/**
 * restic's calendar buckets (internal/restic/snapshot_policy.go: ymdh, ymd, yw,
 * ym, y), computed in UTC: restic uses the snapshot's time zone, and Snapgate's
 * times are UTC, so a comparison with restic runs it with TZ=UTC.
 */
export type BucketRule = "last" | "hourly" | "daily" | "weekly" | "monthly" | "yearly";

export const BUCKET_RULES: readonly BucketRule[] = [
  "last",
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly",
];

const DAY_MS = 86_400_000;

/** ISO 8601 week: year*100 + week, weeks from Monday, week 1 holds the year's first Thursday. */
export function isoWeek(ms: number): number {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = midnight + (3 - mondayBased) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return year * 100 + week;
}

/** The bucket a snapshot falls in; `index` (position, newest first) makes every snapshot its own "last" bucket. */
export function bucketOf(rule: BucketRule, ms: number, index: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  switch (rule) {
    case "last":
      return index;
    case "hourly":
      return year * 1_000_000 + month * 10_000 + day * 100 + date.getUTCHours();
    case "daily":
      return year * 10_000 + month * 100 + day;
    case "weekly":
      return isoWeek(ms);
    case "monthly":
      return year * 100 + month;
    case "yearly":
      return year;
  }
}

/** A bucket in words, for the reasons of dropped snapshots. */
export function bucketLabel(rule: BucketRule, ms: number): string {
  const iso = new Date(ms).toISOString();
  switch (rule) {
    case "last":
      return "";
    case "hourly":
      return `hour ${iso.slice(0, 13)}h`;
    case "daily":
      return `day ${iso.slice(0, 10)}`;
    case "weekly": {
      const week = isoWeek(ms);
      return `week ${Math.floor(week / 100)}-W${String(week % 100).padStart(2, "0")}`;
    }
    case "monthly":
      return `month ${iso.slice(0, 7)}`;
    case "yearly":
      return `year ${iso.slice(0, 4)}`;
  }
}
