import { describe, expect, it } from "@jest/globals";
import { evaluateConsistency } from "../../../core/policy/consistency/evaluate-consistency.js";
import { extractValue } from "../../../core/policy/consistency/extract-value.js";
import { parseValuePath } from "../../../core/policy/consistency/value-path.js";
import type { ConsistencyRule, ValueRef } from "../../../core/policy/policy.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const ref = (
  file: string,
  path: string | null = null,
  format: ValueRef["format"] = null,
): ValueRef => ({ file, path, format });

const FILES: Record<string, string> = {
  "deploy/prod/api/config.yaml":
    "db:\n  host: db.internal\n  schemaVersion: 1.10\nservers:\n  - port: 8080\n",
  "deploy/prod/db/VERSION": "1.10\n",
  "package.json": '{"engines": {"node": ">=20.19 <23"}, "http.port": 8080}',
  ".nvmrc": "v20.20.0\n",
  "config/.env.production": 'export MIN_CLIENT_VERSION="2.3.1"\nDB_URL=postgres://x # comment\n',
  "k8s/values.yaml": "image:\n  tag: api-1.10.3\n",
  VERSION: "1.10.3",
};
const readFile = (path: string): Promise<Uint8Array | null> =>
  Promise.resolve(FILES[path] === undefined ? null : bytes(FILES[path] as string));

const rule = (fields: Partial<ConsistencyRule>): ConsistencyRule => ({
  name: "r",
  left: ref("x"),
  right: null,
  rule: "equal",
  pattern: null,
  range: null,
  ...fields,
});

describe("parseValuePath", () => {
  it.each([
    ["db.schemaVersion", ["db", "schemaVersion"]],
    ["servers[0].port", ["servers", 0, "port"]],
    ['["http.port"]', ["http.port"]],
    ['a["b.c"][2]', ["a", "b.c", 2]],
  ])("%s", (path, segments) => {
    expect(parseValuePath(path)).toEqual(segments);
  });

  it.each(["", "a..b", ".a", "a[x]", 'a["b'])("%p is malformed", (path) => {
    expect(parseValuePath(path)).toBeNull();
  });
});

describe("extractValue", () => {
  it("keeps a YAML scalar's source text (1.10 stays 1.10)", () => {
    expect(
      extractValue(
        bytes(FILES["deploy/prod/api/config.yaml"] as string),
        ref("deploy/prod/api/config.yaml", "db.schemaVersion"),
      ),
    ).toEqual({ ok: true, value: "1.10", where: "deploy/prod/api/config.yaml db.schemaVersion" });
    expect(
      extractValue(
        bytes(FILES["deploy/prod/api/config.yaml"] as string),
        ref("c.yaml", "servers[0].port"),
      ),
    ).toMatchObject({ value: "8080" });
  });

  it("reads JSON, .env and text", () => {
    expect(
      extractValue(bytes(FILES["package.json"] as string), ref("package.json", '["http.port"]')),
    ).toMatchObject({ ok: true, value: "8080" });
    expect(
      extractValue(
        bytes(FILES["config/.env.production"] as string),
        ref("config/.env.production", "MIN_CLIENT_VERSION"),
      ),
    ).toMatchObject({ value: "2.3.1" });
    expect(
      extractValue(
        bytes(FILES["config/.env.production"] as string),
        ref("config/.env.production", "DB_URL"),
      ),
    ).toMatchObject({ value: "postgres://x" });
    expect(extractValue(bytes("\ufeff 42 \n"), ref("VERSION"))).toMatchObject({ value: "42" });
  });

  it.each<[string, string, ValueRef, string]>([
    [
      "a missing key names what is there",
      "db:\n  host: x\n",
      ref("c.yaml", "db.port"),
      "c.yaml has no db.port (stopped at port under db, which has: host)",
    ],
    [
      "a mapping is not a value",
      "db:\n  host: x\n",
      ref("c.yaml", "db"),
      "c.yaml db is a mapping, not a single value",
    ],
    ["an empty value", "db:\n  port:\n", ref("c.yaml", "db.port"), "c.yaml db.port is empty"],
    ["broken JSON", "{", ref("c.json", "a"), "c.json is not valid JSON"],
    ["broken YAML", "a: [", ref("c.yaml", "a"), "c.yaml is not valid YAML"],
    ["a missing variable", "A=1\n", ref(".env", "B"), ".env has no variable B"],
  ])("fails clearly on %s", (_name, text, where, message) => {
    const result = extractValue(bytes(text), where);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("refuses binary content", () => {
    expect(extractValue(new Uint8Array([0xff, 0xfe, 0x00]), ref("VERSION"))).toMatchObject({
      ok: false,
      message: "VERSION is not UTF-8 text",
    });
  });
});

describe("evaluateConsistency", () => {
  it.each<[string, Partial<ConsistencyRule>, boolean, string]>([
    [
      "equal values",
      {
        left: ref("deploy/prod/api/config.yaml", "db.schemaVersion"),
        right: ref("deploy/prod/db/VERSION"),
      },
      true,
      "r: deploy/prod/api/config.yaml db.schemaVersion and deploy/prod/db/VERSION are both '1.10'.",
    ],
    [
      "different values",
      { left: ref("deploy/prod/api/config.yaml", "db.host"), right: ref("deploy/prod/db/VERSION") },
      false,
      "r: deploy/prod/api/config.yaml db.host is 'db.internal' but deploy/prod/db/VERSION is '1.10'; make them equal (update the stale one), or snapshot with --allow-inconsistent to record the failure.",
    ],
    [
      "semver against a range in a file",
      { rule: "semver", left: ref(".nvmrc"), right: ref("package.json", "engines.node") },
      true,
      "r: .nvmrc 20.20.0 satisfies '>=20.19 <23' (package.json engines.node).",
    ],
    [
      "semver outside the rule's range",
      { rule: "semver", left: ref("config/.env.production", "MIN_CLIENT_VERSION"), range: ">=3" },
      false,
      "r: config/.env.production MIN_CLIENT_VERSION is 2.3.1, which does not satisfy '>=3' (the rule's range); update one of them, or snapshot with --allow-inconsistent to record the failure.",
    ],
    [
      "a non-version",
      { rule: "semver", left: ref("deploy/prod/api/config.yaml", "db.host"), range: ">=1" },
      false,
      "r: deploy/prod/api/config.yaml db.host is 'db.internal', not a semver version; write a version such as 1.4.2, or snapshot with --allow-inconsistent to record the failure.",
    ],
    [
      "regex capture equals right",
      {
        rule: "regex",
        left: ref("k8s/values.yaml", "image.tag"),
        pattern: "-([0-9.]+)$",
        right: ref("VERSION"),
      },
      true,
      "r: k8s/values.yaml image.tag gives '1.10.3', equal to VERSION.",
    ],
    [
      "regex without a match",
      { rule: "regex", left: ref("k8s/values.yaml", "image.tag"), pattern: "^v[0-9]+" },
      false,
      "r: k8s/values.yaml image.tag is 'api-1.10.3', which does not match /^v[0-9]+/; correct the value or the pattern, or snapshot with --allow-inconsistent to record the failure.",
    ],
    [
      "a missing file",
      { left: ref("deploy/prod/api/config.yaml", "db.schemaVersion"), right: ref("db/VERSION") },
      false,
      "r: db/VERSION does not exist; create it or correct the rule's file, or snapshot with --allow-inconsistent to record the failure.",
    ],
  ])("%s", async (_name, fields, ok, message) => {
    const [outcome] = await evaluateConsistency({ consistency: [rule(fields)] }, readFile);
    expect(outcome).toEqual({ name: "r", ok, message });
  });

  it("evaluates every rule", async () => {
    const outcomes = await evaluateConsistency(
      {
        consistency: [
          rule({ name: "a", left: ref("VERSION"), right: ref("VERSION") }),
          rule({ name: "b", left: ref("nope"), right: ref("nope2") }),
        ],
      },
      readFile,
    );
    expect(outcomes.map((outcome) => [outcome.name, outcome.ok])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(outcomes[1]?.message).toContain("nope does not exist, and nope2 does not exist");
  });
});
