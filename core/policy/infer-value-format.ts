/** yaml, json, env or text, from the file name. */
export function inferValueFormat(file: string): "yaml" | "json" | "env" | "text" {
  const name = file.split("/").pop()?.toLowerCase() ?? "";
  if (name.endsWith(".yml") || name.endsWith(".yaml")) return "yaml";
  if (name.endsWith(".json")) return "json";
  if (name === ".env" || name.startsWith(".env.") || name.endsWith(".env")) return "env";
  return "text";
}
