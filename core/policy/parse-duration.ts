/**
 * Policy durations: digits and a unit, parts combined (`1d12h`). `m` is
 * minutes; months and years are not units because their length varies (and
 * restic's `m` means months: docs/policy.md warns about it).
 */
const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const WHOLE = /^(?:\d+[smhdw])+$/;
const PART = /(\d+)([smhdw])/g;

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: unknown): number | null {
  if (typeof text !== "string" || !WHOLE.test(text)) return null;
  let total = 0;
  for (const [, digits, unit] of text.matchAll(PART)) {
    total += Number(digits) * (UNIT_MS[unit as string] as number);
  }
  return Number.isSafeInteger(total) ? total : null;
}

/** The shortest policy-style spelling of a duration, e.g. 90000000 -> "1d1h". */
export function formatDuration(ms: number): string {
  if (ms <= 0) return "0s";
  let rest = ms;
  let text = "";
  for (const unit of ["w", "d", "h", "m", "s"]) {
    const size = UNIT_MS[unit] as number;
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text === "" ? `${ms}ms` : text;
}
