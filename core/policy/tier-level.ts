const TIER_NUMBER = /^tier(\d)$/;

/** A tier's level: its `level`, else the digit of a `tierN` name, else null (then `level` is required). */
export function tierLevel(name: string, level: unknown): number | null {
  if (typeof level === "number" && Number.isInteger(level)) return level;
  const match = TIER_NUMBER.exec(name);
  return match ? Number(match[1]) : null;
}
