/**
 * Every key path of the policy schema with its type, default and description:
 * what docs/policy.md's reference table must list. Maps are written
 * `tiers.<tier>`, list items `components[]`.
 */
export interface SchemaKey {
  path: string;
  required: boolean;
  type: string;
  default: string;
  description: string;
}

type Schema = Record<string, unknown>;

const MAP_PLACEHOLDER: Record<string, string> = {
  tiers: "<tier>",
  environments: "<environment>",
  "change_tickets.required_for": "<tier>",
};

export function policySchemaKeys(root: Schema): SchemaKey[] {
  const defs = (root["$defs"] as Record<string, Schema>) ?? {};
  const resolve = (schema: Schema): Schema => {
    const ref = schema["$ref"];
    if (typeof ref !== "string") return schema;
    const target = defs[ref.replace("#/$defs/", "")] as Schema;
    return {
      ...resolve(target),
      ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$ref")),
    };
  };
  const typeOf = (schema: Schema): string => {
    const resolved = resolve(schema);
    const ref =
      typeof schema["$ref"] === "string"
        ? (schema["$ref"] as string).replace("#/$defs/", "")
        : null;
    if (
      ref &&
      [
        "duration",
        "date",
        "glob",
        "excludeGlob",
        "user",
        "principal",
        "ageRecipient",
        "writerKey",
        "appKey",
        "tierName",
        "name",
        "tag",
        "workflowFile",
        "keepCount",
      ].includes(ref)
    )
      return ref;
    if (resolved["enum"]) return (resolved["enum"] as unknown[]).join(" \\| ");
    if (resolved["type"] === "array") return `list of ${typeOf(resolved["items"] as Schema)}`;
    if (resolved["type"] === "object" && resolved["patternProperties"]) return "map";
    return String(resolved["type"] ?? "value");
  };
  const keys: SchemaKey[] = [];
  const visit = (schema: Schema, path: string, required: boolean): void => {
    const resolved = resolve(schema);
    if (path !== "") {
      keys.push({
        path,
        required,
        type: typeOf(schema),
        default: resolved["default"] === undefined ? "" : JSON.stringify(resolved["default"]),
        description: String(resolved["description"] ?? ""),
      });
    }
    if (resolved["type"] === "array" && resolved["items"]) {
      const items = resolve(resolved["items"] as Schema);
      if (items["type"] === "object") visitObject(items, `${path}[]`);
      return;
    }
    if (resolved["type"] === "object") visitObject(resolved, path);
  };
  const visitObject = (schema: Schema, path: string): void => {
    const required = (schema["required"] as string[] | undefined) ?? [];
    for (const [name, property] of Object.entries(
      (schema["properties"] as Record<string, Schema>) ?? {},
    )) {
      visit(property, path === "" ? name : `${path}.${name}`, required.includes(name));
    }
    for (const value of Object.values(
      (schema["patternProperties"] as Record<string, Schema>) ?? {},
    )) {
      visit(value, `${path}.${MAP_PLACEHOLDER[path] ?? "<name>"}`, false);
    }
  };
  visitObject(root, "");
  return keys;
}
