import { keyKind } from "./key-kind.js";

/**
 * A key-like value as messages name it: its kind ("an age identity (a secret
 * key)", "an age recipient (61 characters)") or its length, never any of its
 * characters. Starts lower case.
 */
export function describeKeyText(text: string): string {
  const kind = keyKind(text);
  const length = `${text.trim().length} characters`;
  if (!kind) return `a value of ${length}`;
  return kind.secret ? kind.name : `${kind.name} (${length})`;
}
