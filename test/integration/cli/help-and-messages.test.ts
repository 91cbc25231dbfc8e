import { describe, expect, it } from "@jest/globals";
import { COMMANDS } from "../../../cli/commands/index.js";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** The column where the descriptions of a command's option lines start, one per line. */
function descriptionColumns(help: string): { entries: number[]; continuations: number[] } {
  const lines = help.split("\n");
  const options = lines.slice(lines.findIndex((line) => line.startsWith("Usage:")) + 1);
  const entries: number[] = [];
  const continuations: number[] = [];
  for (const line of options) {
    const entry = /^ {2}\S.*? {2,}(?=\S)/.exec(line);
    if (entry) entries.push(entry[0].length);
    else if (/^ {4,}\S/.test(line)) continuations.push(line.length - line.trimStart().length);
  }
  return { entries, continuations };
}

describe("the CLI's help and messages", () => {
  const dir = tempDir();

  it.each(COMMANDS.map((entry) => entry.name))(
    "aligns the option column of `%s --help`",
    async (name) => {
      const run = await spawnCli([name, "--help"], { cwd: dir });
      expect(run.code).toBe(0);
      const { entries, continuations } = descriptionColumns(run.stdout);
      // Every command lists at least its own options and --json.
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(new Set(entries).size).toBe(1);
      for (const column of continuations) expect(column).toBe(entries[0]);
      expect((await spawnCli(["help", name], { cwd: dir })).stdout).toBe(run.stdout);
    },
  );

  it("names the command once in an error", async () => {
    const unknownOption = await spawnCli(["list", "--store", "s", "--bogus"], { cwd: dir });
    expect(unknownOption.code).toBe(64);
    expect(unknownOption.stderr).toMatch(/^snapgate list: Unknown option '--bogus'\./);
    const missing = await spawnCli(["keygen"], { cwd: dir });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/^snapgate keygen: --out is required\./);
    const noPolicy = await spawnCli(["coverage"], { cwd: dir });
    expect(noPolicy.stderr).toMatch(/^snapgate coverage: This command needs the policy/);
    const unknownCommand = await spawnCli(["lsit"], { cwd: dir });
    expect(unknownCommand.stderr).toMatch(/^snapgate: 'lsit' is not a snapgate command\./);
    for (const run of [unknownOption, missing, noPolicy, unknownCommand])
      expect(run.stderr).not.toMatch(/snapgate[^\n]*: snapgate/);
  });
});
