/** How a policy value is quoted in a message: '24', a list, a mapping, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = String(value);
  return `'${text.length > 40 ? `${text.slice(0, 40)}...` : text}'`;
}
