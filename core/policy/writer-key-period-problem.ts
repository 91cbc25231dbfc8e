import type { WriterKeyRule } from "./policy.js";

/**
 * Why a writer key may not have signed at `time` under the policy's validity
 * periods (keys.writers valid_from/valid_until), or undefined when it may.
 * Periods are judged by the manifest's signed time, so a rotated-out key's old
 * snapshots keep verifying while anything it signs later is refused.
 */
export function writerKeyPeriodProblem(
  rules: readonly WriterKeyRule[],
  key: string,
  time: string,
): string | undefined {
  const matching = rules.filter((rule) => rule.key === key);
  if (matching.length === 0) return undefined;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return `its signed time '${time}' is not a date`;
  const valid = matching.some(
    (rule) =>
      (rule.validFromMs === null || ms >= rule.validFromMs) &&
      (rule.validUntilMs === null || ms < rule.validUntilMs),
  );
  if (valid) return undefined;
  const periods = matching
    .map(
      (rule) =>
        `${rule.validFromMs === null ? "always" : new Date(rule.validFromMs).toISOString()} to ${rule.validUntilMs === null ? "open end" : new Date(rule.validUntilMs).toISOString()}`,
    )
    .join(", ");
  return `the writer key was not valid at its signed time ${time} (keys.writers period: ${periods})`;
}
