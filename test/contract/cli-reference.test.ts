import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { format, resolveConfig } from "prettier";
import { COMMANDS } from "../../cli/commands/index.js";
import { COMMON_OPTIONS, type Command } from "../../cli/command.js";
import { commandHelpLines } from "../../cli/command-help-lines.js";
import { renderCliReference } from "../../cli/render-cli-reference.js";
import { EXIT_CODE_TABLE } from "../../cli/exit-codes.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// One at a time: jest's ESM loader fails on concurrent imports of shared modules.
const commands: Command[] = [];
for (const entry of COMMANDS) commands.push(await entry.load());

/** `--flag` names in a piece of text (`--keep-within-hourly|daily` names only the first). */
const flagsIn = (text: string) =>
  [...text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]);

describe("docs/cli.md is generated from the command definitions (npm run docs:cli)", () => {
  it("is current", async () => {
    const path = join(ROOT, "docs/cli.md");
    const expected = await format(renderCliReference(commands), {
      ...(await resolveConfig(path)),
      filepath: path,
    });
    expect(readFileSync(path, "utf8")).toBe(expected);
  });

  it("lists every command, its usage, each option line of its help and its exit codes", () => {
    const doc = readFileSync(join(ROOT, "docs/cli.md"), "utf8");
    for (const command of commands) {
      expect(doc).toContain(`## ${command.name}\n`);
      expect(doc).toContain(command.usage);
      for (const line of command.help) expect(doc).toContain(line.trim().split(/ {2,}/)[0]);
    }
    for (const { code } of EXIT_CODE_TABLE)
      expect(doc).toMatch(new RegExp(`^\\| ${code} +\\|`, "m"));
  });
});

describe.each(commands.map((command) => [command.name, command] as const))(
  "%s: usage, help and options agree",
  (_name, command) => {
    const defined = Object.keys({ ...COMMON_OPTIONS, ...command.options }).sort();

    it("every flag its usage and --help name is an option it accepts", () => {
      const named = new Set(flagsIn([command.usage, ...commandHelpLines(command)].join("\n")));
      expect([...named].filter((flag) => !defined.includes(flag ?? ""))).toEqual([]);
    });

    it("every option it accepts is described in its --help (or usage)", () => {
      const named = new Set(
        flagsIn([command.usage, ...commandHelpLines(command), "--help"].join("\n")),
      );
      expect(defined.filter((option) => !named.has(option))).toEqual([]);
    });
  },
);
