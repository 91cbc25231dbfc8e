import { SnapgateError } from "../../errors.js";
import { formatDuration } from "../parse-duration.js";
import { WITHIN_BUCKET_RULES, type RetentionFloor, type RetentionPolicy } from "../policy.js";
import { BUCKET_RULES, bucketLabel, bucketOf } from "./calendar-buckets.js";

export interface RetentionSnapshot {
  id: string;
  /** ISO 8601 time (or a Date): the snapshot's time, not when it was written. */
  time: string | Date;
  tags?: readonly string[];
  /** A legal hold placed on this one snapshot. */
  legalHold?: boolean;
  /**
   * The floors of the snapshot's own tier, when a file it holds is of a more
   * critical tier than the stream's: applied as well (floors only keep more).
   * Its min_count counts the newest snapshots of that tier.
   */
  tierFloor?: { tier: string; floor: RetentionFloor };
}

export interface RetentionDecision {
  id: string;
  /** ISO 8601, UTC. */
  time: string;
  keep: boolean;
  /** For a kept snapshot, every rule that keeps it; for a dropped one, why each rule did not. */
  reasons: string[];
}

export interface ApplyRetentionOptions {
  /** Wall clock: min_age is measured from it, and snapshots after it never define "the newest". */
  now: Date;
  /**
   * restic >= 0.16 also keeps the oldest snapshot while a bucket rule still has
   * count left (reason "oldest daily" etc.); restic 0.14 did not. Default true.
   */
  keepOldest?: boolean;
}

/**
 * restic's `forget` policy (internal/restic/snapshot_policy.go, ApplyPolicy)
 * for one stream, then Snapgate's floors, which only ever keep more.
 *
 * - Snapshots are walked newest first (ties keep their input order).
 * - keep-last/hourly/daily/weekly/monthly/yearly n: a snapshot is kept when its
 *   calendar bucket (UTC) differs from the last kept one's for that rule and the
 *   rule still has count left; each keep uses one count. -1 is unlimited, 0 off.
 * - keep-within d: kept when strictly newer than (newest snapshot - d), where the
 *   newest ignores snapshots later than now.
 * - keep-within-hourly/daily/weekly/monthly/yearly d: among the snapshots
 *   strictly newer than (newest - d), kept when its bucket differs from the last
 *   one this rule kept (no count; the "oldest" rule does not apply).
 * - keep-tag: kept when it carries any of the tags.
 * - With no keep rule at all, everything is kept (restic 0.14's "policy is empty").
 * - Floors: legal hold (tier-wide or per snapshot), min_count newest, min_age
 *   (younger than now - min_age), floor tags; and those of a snapshot's own,
 *   more critical tier (tierFloor).
 */
export function applyRetention(
  snapshots: readonly RetentionSnapshot[],
  retention: RetentionPolicy,
  options: ApplyRetentionOptions,
): RetentionDecision[] {
  const now = options.now.getTime();
  const keepOldest = options.keepOldest ?? true;
  const { keep, floor } = retention;

  const ordered = snapshots
    .map((snapshot, inputIndex) => {
      const ms =
        snapshot.time instanceof Date ? snapshot.time.getTime() : Date.parse(snapshot.time);
      if (Number.isNaN(ms)) {
        throw new SnapgateError(
          "INTEGRITY",
          `Snapshot ${snapshot.id} has the time '${String(snapshot.time)}', which is not a time.`,
          {
            fix: "Check the manifest and catalog of that snapshot with `snapgate verify`.",
          },
        );
      }
      return { snapshot, ms, inputIndex };
    })
    .sort((a, b) => b.ms - a.ms || a.inputIndex - b.inputIndex);

  const counts = {
    last: keep.last,
    hourly: keep.hourly,
    daily: keep.daily,
    weekly: keep.weekly,
    monthly: keep.monthly,
    yearly: keep.yearly,
  };
  const withinBuckets = WITHIN_BUCKET_RULES.flatMap((rule) => {
    const ms = keep.withinBucketsMs?.[rule] ?? 0;
    return ms > 0 ? [{ rule, ms, last: null as number | null }] : [];
  });
  const empty =
    BUCKET_RULES.every((rule) => counts[rule] === 0) &&
    keep.withinMs === 0 &&
    withinBuckets.length === 0 &&
    keep.tags.length === 0;

  let latest = Number.NEGATIVE_INFINITY;
  for (const { ms } of ordered) if (ms > latest && ms < now) latest = ms;
  const withinCutoff = latest - keep.withinMs;

  const lastBucket: Record<string, number | null> = {
    last: null,
    hourly: null,
    daily: null,
    weekly: null,
    monthly: null,
    yearly: null,
  };
  const remaining = { ...counts };
  /** Snapshots seen so far (newest first) per tier floor: for that tier's min_count. */
  const seenOfTier = new Map<string, number>();

  return ordered.map(({ snapshot, ms }, index) => {
    const kept: string[] = [];
    const notKept: string[] = [];
    const tags = snapshot.tags ?? [];
    const isOldest = index === ordered.length - 1;

    if (empty) {
      kept.push("no keep rules: keep all");
    } else {
      for (const tag of keep.tags) if (tags.includes(tag)) kept.push(`tag ${tag}`);
      if (keep.tags.length > 0 && !keep.tags.some((tag) => tags.includes(tag)))
        notKept.push(`tags: has none of ${keep.tags.join(", ")}`);

      if (keep.withinMs > 0) {
        if (ms > withinCutoff) kept.push(`within ${formatDuration(keep.withinMs)}`);
        else notKept.push(`within: older than ${formatDuration(keep.withinMs)} before the newest`);
      }

      for (const within of withinBuckets) {
        const name = `${within.rule} within ${formatDuration(within.ms)}`;
        if (ms <= latest - within.ms) {
          notKept.push(`${name}: older than that before the newest`);
          continue;
        }
        const bucket = bucketOf(within.rule, ms, index);
        if (bucket !== within.last) {
          kept.push(name);
          within.last = bucket;
        } else {
          notKept.push(`${name}: ${bucketLabel(within.rule, ms)} has a newer snapshot`);
        }
      }

      for (const rule of BUCKET_RULES) {
        const count = counts[rule];
        if (count === 0) continue;
        if (remaining[rule] === 0) {
          notKept.push(`${rule}: all ${count} used by newer snapshots`);
          continue;
        }
        const bucket = bucketOf(rule, ms, index);
        const newBucket = bucket !== lastBucket[rule];
        if (newBucket || (keepOldest && isOldest)) {
          kept.push(newBucket ? rule : `oldest ${rule}`);
          lastBucket[rule] = bucket;
          if (remaining[rule] > 0) remaining[rule] -= 1;
        } else {
          notKept.push(`${rule}: ${bucketLabel(rule, ms)} has a newer snapshot`);
        }
      }
    }

    if (floor.legalHold) kept.push(`floor legal_hold (${floor.legalHold.reason})`);
    if (snapshot.legalHold) kept.push("floor legal_hold (snapshot)");
    if (index < floor.minCount) kept.push(`floor min_count ${floor.minCount}`);
    if (floor.minAgeMs > 0 && now - ms < floor.minAgeMs)
      kept.push(`floor min_age ${formatDuration(floor.minAgeMs)}`);
    for (const tag of floor.tags) if (tags.includes(tag)) kept.push(`floor tag ${tag}`);
    if (snapshot.tierFloor) {
      const { tier, floor: own } = snapshot.tierFloor;
      const seen = seenOfTier.get(tier) ?? 0;
      seenOfTier.set(tier, seen + 1);
      if (own.legalHold) kept.push(`floor legal_hold of ${tier} (${own.legalHold.reason})`);
      if (seen < own.minCount) kept.push(`floor min_count ${own.minCount} of ${tier}`);
      if (own.minAgeMs > 0 && now - ms < own.minAgeMs)
        kept.push(`floor min_age ${formatDuration(own.minAgeMs)} of ${tier}`);
      for (const tag of own.tags) if (tags.includes(tag)) kept.push(`floor tag ${tag} of ${tier}`);
    }

    return {
      id: snapshot.id,
      time: new Date(ms).toISOString(),
      keep: kept.length > 0,
      reasons: kept.length > 0 ? kept : notKept,
    };
  });
}
