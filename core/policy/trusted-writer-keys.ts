import { parseVerifyKey } from "../crypto/writer-key.js";
import type { Policy } from "./policy.js";

/**
 * The writer verify keys a signature is checked against: the ones given
 * (each checked, deduplicated), else the policy's keys.writers, else none.
 */
export function trustedWriterKeys(
  given: readonly string[],
  policy: Pick<Policy, "keys"> | null,
): string[] {
  const keys = [...new Set(given.map((key) => key.trim()).filter((key) => key !== ""))];
  for (const key of keys) parseVerifyKey(key);
  if (keys.length > 0) return keys;
  return policy ? [...new Set(policy.keys.writers.map((writer) => writer.key))] : [];
}
