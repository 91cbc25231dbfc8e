import type { LatePeriod } from "./monthly-report.js";

/**
 * When an environment was late, from its snapshot times alone: after each
 * snapshot the next is due within `maxAgeMs`, and late `lateAfterMs` after
 * that, until the next snapshot. Periods that overlap [fromMs, untilMs) are
 * returned; one still open at untilMs has no resolution.
 */
export function latePeriods(
  snapshotTimesMs: readonly number[],
  maxAgeMs: number,
  lateAfterMs: number,
  fromMs: number,
  untilMs: number,
): LatePeriod[] {
  const times = [...snapshotTimesMs].filter((t) => t < untilMs).sort((a, b) => a - b);
  const periods: LatePeriod[] = [];
  times.forEach((time, index) => {
    const raised = time + maxAgeMs + lateAfterMs;
    const next = times[index + 1];
    const end = next ?? untilMs;
    if (raised >= end || end <= fromMs || raised >= untilMs) return;
    periods.push({
      raisedAt: new Date(raised).toISOString(),
      resolvedAt: next === undefined ? null : new Date(next).toISOString(),
    });
  });
  return periods;
}
