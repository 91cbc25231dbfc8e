import type { KeyEpoch, Policy } from "./policy.js";

/**
 * The recipients a new snapshot of `tier` taken at `time` is sealed to: the
 * first key epoch of keys.epochs valid then for that tier, else
 * keys.recipients. Returns the epoch too, so callers can name it.
 */
export function epochRecipients(
  policy: Pick<Policy, "keys">,
  tier: string,
  time: Date,
): { recipients: string[]; epoch: KeyEpoch | null } {
  const ms = time.getTime();
  const epoch =
    policy.keys.epochs?.find(
      (candidate) =>
        (candidate.tiers === null || candidate.tiers.includes(tier)) &&
        (candidate.validFromMs === null || ms >= candidate.validFromMs) &&
        (candidate.validUntilMs === null || ms < candidate.validUntilMs),
    ) ?? null;
  return { recipients: [...(epoch?.recipients ?? policy.keys.recipients)], epoch };
}
