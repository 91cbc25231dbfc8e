/** Points every local "#/components/..." $ref at the schema document registered as `documentId`. */
export function rewriteRefs(value: unknown, documentId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, documentId));
  if (value === null || typeof value !== "object") return value;
  const rewritten: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    rewritten[key] =
      key === "$ref" && typeof inner === "string" && inner.startsWith("#/")
        ? `${documentId}${inner}`
        : rewriteRefs(inner, documentId);
  }
  return rewritten;
}
