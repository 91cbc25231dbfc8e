import { describe, expect, it } from "@jest/globals";
import { defineAction } from "../../../actions/lib/action-spec.js";
import { readInputs } from "../../../actions/lib/read-inputs.js";
import { storeSettings } from "../../../actions/lib/store-settings.js";

const spec = defineAction({
  id: "demo",
  name: "Demo",
  description: "A demo action.",
  inputs: {
    name: { kind: "string", required: true, description: "A name." },
    note: { kind: "string", description: "A note." },
    level: { kind: "choice", values: ["low", "high"], default: "low", description: "How much." },
    mode: { kind: "choice", values: ["a", "b"], description: "Optional choice." },
    force: { kind: "boolean", default: "false", description: "Force it." },
    paths: { kind: "lines", description: "Paths." },
    secret: { kind: "string", secret: true, description: "A secret." },
  },
  outputs: {},
});

const read =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? "";

describe("readInputs", () => {
  it("types every input: defaults for empty ones, booleans, lines, optional values undefined", () => {
    const masked: string[] = [];
    const values = readInputs(
      spec,
      read({ name: " web ", force: "TRUE", paths: "a/**\n\n  b \r\n", secret: "s1\ns2" }),
      (secret) => masked.push(secret),
    );
    expect(values).toEqual({
      name: "web",
      note: undefined,
      level: "low",
      mode: undefined,
      force: true,
      paths: ["a/**", "b"],
      secret: "s1\ns2",
    });
    expect(masked).toEqual(["s1\ns2"]);
  });

  it.each([
    [{}, "The demo action needs the input 'name'.", "Add `name:` under `with:` (A name)."],
    [
      { name: "x", force: "yes" },
      "The input 'force' is 'yes', not a boolean.",
      "Write force: true or force: false.",
    ],
    [
      { name: "x", level: "hihg" },
      "The input 'level' is 'hihg'.",
      "Use one of low, high (did you mean high?).",
    ],
    [{ name: "x", mode: "zzz" }, "The input 'mode' is 'zzz'.", "Use one of a, b."],
  ])("refuses %p with a USAGE error that says what to write", (given, summary, fix) => {
    expect(() => readInputs(spec, read(given), () => undefined)).toThrow(
      expect.objectContaining({ code: "USAGE", summary, fix }),
    );
  });

  it("masks a secret before any other input is checked", () => {
    const masked: string[] = [];
    expect(() =>
      readInputs(spec, read({ force: "maybe", secret: "hunter2" }), (s) => masked.push(s)),
    ).toThrow();
    expect(masked).toEqual(["hunter2"]);
  });
});

describe("storeSettings", () => {
  const context = { apiUrl: "https://api.example", cwd: "/work" };
  const policy = { backup: { repository: "acme/backups", branch: "store" } };

  it("the input, else the policy's backup repository; or a local directory", () => {
    expect(storeSettings({ token: "t" }, policy, context)).toEqual({
      kind: "github",
      owner: "acme",
      repo: "backups",
      branch: "store",
      token: "t",
      apiUrl: "https://api.example",
    });
    expect(
      storeSettings({ "backup-repository": "acme/other@main", token: "t" }, policy, context),
    ).toMatchObject({ repo: "other", branch: "main" });
    expect(storeSettings({ "store-dir": "../s" }, null, context)).toEqual({
      kind: "local",
      dir: "/s",
    });
  });

  it.each([
    [{}, null, "No backup repository was given, and the policy names none."],
    [{ "backup-repository": "acme/x" }, null, "needs a token, and the token input is empty"],
    [{ "backup-repository": "not a repo", token: "t" }, null, "is not owner/name[@branch]"],
    [
      { "backup-repository": "a/b", "store-dir": "d" },
      policy,
      "Both backup-repository and store-dir",
    ],
  ])("refuses %p", (inputs, withPolicy, message) => {
    expect(() => storeSettings(inputs, withPolicy, context)).toThrow(message);
  });
});
