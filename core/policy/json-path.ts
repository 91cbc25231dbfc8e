export type JsonPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** tiers.tier0.max_age, components[1].paths[0], tiers["my tier"] */
export function formatJsonPath(path: JsonPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Splits ajv's instancePath (/tiers/tier0/max_age) into segments; array indexes become numbers. */
export function parseInstancePath(instancePath: string, root: unknown): (string | number)[] {
  if (instancePath === "") return [];
  const segments: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      segments.push(Number(key));
      node = node[Number(key)];
    } else {
      segments.push(key);
      node =
        node !== null && typeof node === "object"
          ? (node as Record<string, unknown>)[key]
          : undefined;
    }
  }
  return segments;
}
