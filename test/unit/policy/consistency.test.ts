import { describe, expect, it } from "@jest/globals";
import { consistencyValueDigest } from "../../../core/policy/consistency/consistency-value-digest.js";
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

const macKey = new Uint8Array(32).fill(7);
/** The digest messages show instead of a value. */
const d = (value: string): string => consistencyValueDigest(macKey, value);

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
      `r: deploy/prod/api/config.yaml db.schemaVersion and deploy/prod/db/VERSION are equal (digest ${d("1.10")}).`,
    ],
    [
      "different values",
      { left: ref("deploy/prod/api/config.yaml", "db.host"), right: ref("deploy/prod/db/VERSION") },
      false,
      `r: deploy/prod/api/config.yaml db.host (digest ${d("db.internal")}) differs from deploy/prod/db/VERSION (digest ${d("1.10")}); make them equal (update the stale one), or snapshot with --allow-inconsistent to record the failure.`,
    ],
    [
      "semver against a range in a file",
      { rule: "semver", left: ref(".nvmrc"), right: ref("package.json", "engines.node") },
      true,
      `r: .nvmrc (digest ${d("v20.20.0")}) satisfies package.json engines.node (digest ${d(">=20.19 <23")}).`,
    ],
    [
      "semver outside the rule's range",
      { rule: "semver", left: ref("config/.env.production", "MIN_CLIENT_VERSION"), range: ">=3" },
      false,
      `r: config/.env.production MIN_CLIENT_VERSION (digest ${d("2.3.1")}) does not satisfy the rule's range '>=3'; update one of them, or snapshot with --allow-inconsistent to record the failure.`,
    ],
    [
      "a non-version",
      { rule: "semver", left: ref("deploy/prod/api/config.yaml", "db.host"), range: ">=1" },
      false,
      `r: deploy/prod/api/config.yaml db.host (digest ${d("db.internal")}) is not a semver version; write a version such as 1.4.2, or snapshot with --allow-inconsistent to record the failure.`,
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
      `r: k8s/values.yaml image.tag gives a capture equal to VERSION (digest ${d("1.10.3")}).`,
    ],
    [
      "regex without a match",
      { rule: "regex", left: ref("k8s/values.yaml", "image.tag"), pattern: "^v[0-9]+" },
      false,
      `r: k8s/values.yaml image.tag (digest ${d("api-1.10.3")}) does not match /^v[0-9]+/; correct the value or the pattern, or snapshot with --allow-inconsistent to record the failure.`,
    ],
    [
      "a missing file",
      { left: ref("deploy/prod/api/config.yaml", "db.schemaVersion"), right: ref("db/VERSION") },
      false,
      "r: db/VERSION does not exist; create it or correct the rule's file, or snapshot with --allow-inconsistent to record the failure.",
    ],
  ])("%s", async (_name, fields, ok, message) => {
    const [outcome] = await evaluateConsistency({ consistency: [rule(fields)] }, readFile, d);
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
      d,
    );
    expect(outcomes.map((outcome) => [outcome.name, outcome.ok])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(outcomes[1]?.message).toContain("nope does not exist, and nope2 does not exist");
  });
});

describe("consistency outcomes never hold a value they read", () => {
  const SECRETS: Record<string, string> = {
    "app/.env": "DB_PASSWORD=the-password\n",
    "deploy/prod/secrets.env": "DB_PASSWORD=the-password\n",
    "deploy/staging/secrets.env": "DB_PASSWORD=other-password\n",
    "version.txt": "1.2.3\n",
  };
  const readSecret = (path: string): Promise<Uint8Array | null> =>
    Promise.resolve(SECRETS[path] === undefined ? null : bytes(SECRETS[path] as string));
  const password = (file: string) => ref(file, "DB_PASSWORD");

  it.each<[string, Partial<ConsistencyRule>, boolean, string]>([
    [
      "equal",
      { left: password("app/.env"), right: password("deploy/prod/secrets.env") },
      true,
      "the-password",
    ],
    [
      "unequal",
      { left: password("app/.env"), right: password("deploy/staging/secrets.env") },
      false,
      "the-password",
    ],
    [
      "not a version",
      { rule: "semver", left: password("app/.env"), range: ">=1" },
      false,
      "the-password",
    ],
    [
      "not a range",
      { rule: "semver", left: ref("version.txt"), right: password("app/.env") },
      false,
      "the-password",
    ],
    [
      "no match",
      { rule: "regex", left: password("app/.env"), pattern: "^x" },
      false,
      "the-password",
    ],
    [
      "a match",
      { rule: "regex", left: password("app/.env"), pattern: "^the" },
      true,
      "the-password",
    ],
    [
      "a capture that differs",
      {
        rule: "regex",
        left: password("app/.env"),
        pattern: "^(the)",
        right: password("deploy/staging/secrets.env"),
      },
      false,
      "other-password",
    ],
  ])("%s: the outcome shows keyed digests only", async (_name, fields, ok, shown) => {
    const [outcome] = await evaluateConsistency({ consistency: [rule(fields)] }, readSecret, d);
    expect(outcome?.ok).toBe(ok);
    expect(outcome?.message).not.toMatch(/password|1\.2\.3/);
    expect(outcome?.message).toContain(`(digest ${d(shown)})`);
  });

  it.each([
    ["JSON", "c.json", '"the-password'],
    ["YAML", "c.yaml", "- x\nkey: the-password"],
  ])(
    "a %s file that does not parse: the parser's quote of the text is not shown",
    (_name, file, text) => {
      const result = extractValue(bytes(text), ref(file, "key"));
      expect(result.ok ? "" : result.message).toMatch(/^c\.(json|yaml) is not valid (JSON|YAML)/);
      expect(result.ok ? "" : result.message).not.toContain("password");
    },
  );
});

describe("consistencyValueDigest", () => {
  it("is 12 hex digits, the same for the same key and value, different under another key", () => {
    expect(d("the-password")).toMatch(/^[0-9a-f]{12}$/);
    expect(d("the-password")).toBe(
      consistencyValueDigest(new Uint8Array(32).fill(7), "the-password"),
    );
    expect(d("the-password")).not.toBe(d("the-password "));
    expect(consistencyValueDigest(new Uint8Array(32).fill(8), "the-password")).not.toBe(
      d("the-password"),
    );
  });
});
