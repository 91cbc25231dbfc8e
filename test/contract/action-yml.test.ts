import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { format, resolveConfig } from "prettier";
import { parse } from "yaml";
import { ACTION_SPECS } from "../../actions/registry.js";
import { updateActionReadme } from "../../actions/lib/update-action-readme.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const readYml = (path: string) => parse(readFileSync(join(ROOT, path), "utf8")) as ActionYml;

describe("every action.yml agrees with its typed inputs registry", () => {
  it("each actions/<name>/action.yml has a registry, and each registry an action.yml", () => {
    const directories = readdirSync(join(ROOT, "actions")).filter((name) =>
      existsSync(join(ROOT, "actions", name, "action.yml")),
    );
    expect(directories.sort()).toEqual(ACTION_SPECS.map((spec) => spec.id).sort());
  });

  describe.each(ACTION_SPECS.map((spec) => [spec.id, spec] as const))("%s", (id, spec) => {
    const yml = readYml(`actions/${id}/action.yml`);

    it("declares exactly the registry's inputs, with the same required flags, defaults and descriptions", () => {
      expect(Object.keys(yml.inputs)).toEqual(Object.keys(spec.inputs));
      for (const [name, input] of Object.entries(spec.inputs)) {
        const declared = yml.inputs[name];
        expect({ name, required: declared?.required === true }).toEqual({
          name,
          required: input.required === true,
        });
        // The runner passes defaults as strings: YAML must not turn `true` into a boolean.
        expect({ name, default: declared?.default }).toEqual({ name, default: input.default });
        expect({ name, description: declared?.description }).toEqual({
          name,
          description: input.description,
        });
      }
    });

    it("declares exactly the registry's outputs", () => {
      expect(yml.outputs).toEqual(spec.outputs);
    });

    it("runs its bundle on node24, and the bundle exists", () => {
      expect(yml.name).toBe(spec.name);
      expect(yml.description).toBe(spec.description);
      expect(yml.runs).toEqual({ using: "node24", main: `../../dist/actions/${id}/index.js` });
      expect(existsSync(resolve(ROOT, "actions", id, yml.runs.main))).toBe(true);
    });

    it("its README's inputs and outputs tables are generated from action.yml (npm run docs:actions)", async () => {
      const readmePath = join(ROOT, "actions", id, "README.md");
      const readme = readFileSync(readmePath, "utf8");
      const expected = await format(
        updateActionReadme(readme, readFileSync(join(ROOT, "actions", id, "action.yml"), "utf8")),
        { ...(await resolveConfig(readmePath)), filepath: readmePath },
      );
      expect(readme).toBe(expected);
    });
  });

  it("the root action.yml is the snapshot action", () => {
    const root = readYml("action.yml");
    const snapshot = readYml("actions/snapshot/action.yml");
    expect({ ...root, runs: undefined }).toEqual({ ...snapshot, runs: undefined });
    expect(root.runs).toEqual({ using: "node24", main: "dist/actions/snapshot/index.js" });
  });

  it("the snapshot bundle finds the seal worker beside it in dist/", () => {
    const bundle = join(ROOT, "dist/actions/snapshot/index.js");
    const match = /new URL\("([^"]*crypto-worker\.js)", import\.meta\.url\)/.exec(
      readFileSync(bundle, "utf8"),
    );
    expect(match?.[1]).toBe("../../workers/crypto-worker.js");
    expect(existsSync(resolve(dirname(bundle), match?.[1] ?? ""))).toBe(true);
  });
});

describe("updateActionReadme", () => {
  it("refuses a README without the generated blocks", () => {
    expect(() => updateActionReadme("# An action\n", "inputs: {}\n")).toThrow(
      "The README has no <!-- inputs:start",
    );
  });

  it("escapes what would break a table or read as HTML", () => {
    const readme = [
      "<!-- inputs:start (generated from action.yml by npm run docs:actions) -->",
      "<!-- inputs:end -->",
      "<!-- outputs:start (generated from action.yml by npm run docs:actions) -->",
      "<!-- outputs:end -->",
    ].join("\n");
    const updated = updateActionReadme(
      readme,
      "inputs:\n  a:\n    description: 'x | y <env>'\n    required: true\n    default: d\noutputs: {}\n",
    );
    expect(updated).toContain("| `a` | yes | `d` | x \\| y &lt;env&gt; |");
  });
});
