/**
 * GitHub's REST description is OpenAPI 3.0, where `nullable: true` widens a
 * schema to accept null. JSON Schema has no such keyword, so it is rewritten:
 * a plain typed schema gets "null" added to its type (and enum), anything else
 * (allOf, oneOf, $ref...) becomes anyOf [null, schema].
 */
export function withoutNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullable);
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const converted: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(source)) {
    if (key !== "nullable") converted[key] = withoutNullable(inner);
  }
  if (source.nullable !== true) return converted;
  const composite = ["allOf", "anyOf", "oneOf", "$ref", "not"].some((key) => key in converted);
  if (typeof converted.type === "string" && !composite) {
    converted.type = [converted.type, "null"];
    if (Array.isArray(converted.enum) && !converted.enum.includes(null)) {
      converted.enum = [...converted.enum, null];
    }
    return converted;
  }
  return { anyOf: [{ type: "null" }, converted] };
}
