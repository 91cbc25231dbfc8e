import { describeKeyText } from "../crypto/describe-key-text.js";
import { keyKind } from "../crypto/key-kind.js";

/** How a policy value is quoted in a message: '24', a list, a mapping, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = String(value);
  // A key is named by its kind: a secret pasted into the policy must not reach a log.
  if (keyKind(text)) return describeKeyText(text);
  return `'${text.length > 40 ? `${text.slice(0, 40)}...` : text}'`;
}
