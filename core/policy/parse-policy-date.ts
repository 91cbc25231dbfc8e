const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Epoch ms of a policy date, or null when it is not a real calendar date.
 * A bare date is UTC midnight; with `endOfDay` it is the next midnight, so
 * `expires: 2027-01-31` is still valid all through that day.
 */
export function parsePolicyDate(
  text: unknown,
  options: { endOfDay?: boolean } = {},
): number | null {
  if (typeof text !== "string") return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      return null;
    }
    return options.endOfDay ? ms + DAY_MS : ms;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return null;
  const [, y, mo, d, h, mi, s] = dateTime.map((part) => Number(part ?? 0)) as number[];
  if (
    (mo as number) < 1 ||
    (mo as number) > 12 ||
    (h as number) > 23 ||
    (mi as number) > 59 ||
    (s as number) > 59
  ) {
    return null;
  }
  const probe = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  if (probe.getUTCDate() !== d) return null;
  const ms = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}
