import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_EXCLUSIONS } from "../../core/policy/default-exclusions.js";
import policySchema from "../../schemas/policy.schema.json" with { type: "json" };
import { policySchemaKeys } from "./policy-schema-paths.js";

const doc = await readFile(new URL("../../docs/policy.md", import.meta.url), "utf8");
const keys = policySchemaKeys(policySchema as Record<string, unknown>);
/** Rows of the reference table: | `path` | type | required | default | description | */
const rows = new Map(
  doc
    .split("\n")
    .filter((line) => /^\|\s*`[^`]+`\s*\|/.test(line))
    .map((line) => {
      const cells = line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim());
      return [(cells[0] as string).slice(1, -1), cells] as const;
    }),
);

describe("docs/policy.md keeps in step with the schema", () => {
  it("documents every key of the schema", () => {
    const missing = keys.map((key) => key.path).filter((path) => !rows.has(path));
    expect(missing).toEqual([]);
  });

  it("documents no key the schema lacks", () => {
    const paths = new Set(keys.map((key) => key.path));
    expect([...rows.keys()].filter((path) => !paths.has(path))).toEqual([]);
  });

  it("gives each key the schema's type, required flag, default and description", () => {
    for (const key of keys) {
      const cells = rows.get(key.path) as string[];
      expect({
        path: key.path,
        type: cells[1],
        required: cells[2],
        default: cells[3],
        description: cells[4],
      }).toEqual({
        path: key.path,
        type: key.type,
        required: key.required ? "yes" : "",
        default: key.default ? `\`${key.default}\`` : "",
        description: key.description.replace(/\|/g, "\\|"),
      });
    }
  });

  it("lists the default exclusions", () => {
    for (const glob of DEFAULT_EXCLUSIONS) expect(doc).toContain(`\n${glob}\n`);
  });
});
