import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { parse } from "yaml";
import { isSnapgateError, type SnapgateError } from "../../core/errors.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import { formatPolicyProblem, type PolicyProblem } from "../../core/policy/policy-problem.js";
import policySchema from "../../schemas/policy.schema.json" with { type: "json" };
import { FIXTURES, fixtureSource } from "../unit/policy/fixture-source.js";

const valid = (await readdir(join(FIXTURES, "valid")))
  .filter((name) => name.endsWith(".yml"))
  .sort();
const invalid = (await readdir(join(FIXTURES, "invalid")))
  .filter((name) => name.endsWith(".yml"))
  .sort();

describe("policy schema", () => {
  it("compiles under ajv strict mode (JSON Schema 2020-12)", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    (addFormatsPlugin as unknown as (instance: Ajv2020) => void)(ajv);
    expect(() => ajv.compile(policySchema)).not.toThrow();
    expect(policySchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(policySchema.$id).toMatch(/^urn:snapgate:schema:policy:v\d+$/);
  });

  it("closes every object and describes every property", () => {
    const open: string[] = [];
    const undescribed: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node))
        return node.forEach((item, index) => walk(item, `${where}[${index}]`));
      if (node === null || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      if (schema["type"] === "object" && schema["additionalProperties"] !== false) open.push(where);
      for (const [name, property] of Object.entries(
        (schema["properties"] as Record<string, Record<string, unknown>>) ?? {},
      )) {
        if (typeof property["description"] !== "string") undescribed.push(`${where}.${name}`);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}/${key}`);
    };
    walk(policySchema, "#");
    expect(open).toEqual([]);
    expect(undescribed).toEqual([]);
  });
});

describe("policy fixtures", () => {
  it("has at least 10 valid and 20 invalid policies", () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
    expect(invalid.length).toBeGreaterThanOrEqual(20);
  });

  it.each(valid)("valid/%s loads", async (name) => {
    const policy = await loadPolicy(fixtureSource(), { path: `valid/${name}` });
    expect(policy.sources[0]).toBe(`valid/${name}`);
    expect(Object.keys(policy.environments).length).toBeGreaterThan(0);
  });

  it.each(valid.filter((name) => !name.startsWith("extends")))(
    "valid/%s passes the bare schema too",
    async (name) => {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      (addFormatsPlugin as unknown as (instance: Ajv2020) => void)(ajv);
      const data = parse(await readFile(join(FIXTURES, "valid", name), "utf8"), {
        merge: true,
      }) as Record<string, unknown>;
      delete data["_extends"];
      expect(ajv.validate(policySchema, data)).toBe(true);
    },
  );

  it.each(invalid)("invalid/%s fails with the expected problems", async (name) => {
    const expected = await readFile(
      join(FIXTURES, "invalid", name.replace(/\.yml$/, ".expected.txt")),
      "utf8",
    );
    let caught: unknown;
    try {
      await loadPolicy(fixtureSource(), { path: `invalid/${name}` });
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "CONFIG")).toBe(true);
    const problems = (caught as SnapgateError).details["problems"] as PolicyProblem[];
    expect(problems.map(formatPolicyProblem).join("\n") + "\n").toBe(expected);
    // The message carries every problem, so an edge can print it as is.
    for (const line of expected.trim().split("\n"))
      expect((caught as Error).message).toContain(line);
  });
});
