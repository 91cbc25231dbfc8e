/**
 * GitHub's description uses `oneOf` for alternatives that overlap: a basic
 * error matches both shapes of the contents API's 409, and a deployment
 * review with a state and a comment matches both of its body schemas. JSON
 * Schema's oneOf rejects a value matching two alternatives, which GitHub
 * accepts and sends, so oneOf is read as anyOf.
 */
export function oneOfAsAnyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(oneOfAsAnyOf);
  if (value === null || typeof value !== "object") return value;
  const converted: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    converted[key === "oneOf" && Array.isArray(inner) && !("anyOf" in value) ? "anyOf" : key] =
      oneOfAsAnyOf(inner);
  }
  return converted;
}
