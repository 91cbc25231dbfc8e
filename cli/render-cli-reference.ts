import type { Command } from "./command.js";
import { commandHelpLines } from "./command-help-lines.js";
import { EXIT_CODE_TABLE } from "./exit-codes.js";

/**
 * docs/cli.md, from the same definitions `--help` prints (`npm run docs:cli`);
 * test/contract/cli-reference.test.ts fails when the file is out of date.
 * Options go in code blocks exactly as help aligns them, so Prettier leaves them alone.
 */
export function renderCliReference(commands: readonly Command[]): string {
  const sections = commands.map((command) =>
    [
      `## ${command.name}`,
      "",
      `${command.summary}.`,
      "",
      "```",
      command.usage,
      "```",
      "",
      "Options:",
      "",
      "```",
      ...commandHelpLines(command),
      "```",
      ...(command.json ? ["", `JSON output (\`--json\`): ${command.json}`] : []),
      "",
    ].join("\n"),
  );
  return [
    "# CLI reference",
    "",
    "<!-- Generated from cli/commands/*.ts by `npm run docs:cli`: edit the command definitions, not this file. -->",
    "",
    "Every command takes `--json` (machine-readable output on stdout; errors as",
    '`{"ok": false, "error": {"code", "message", "fix", "details"}}`) and `--help` (`snapgate help COMMAND`',
    "prints the same). The [CLI guide](cli-guide.md) explains the commands in context.",
    "",
    ...commands.map((command) => `- [\`${command.name}\`](#${command.name}): ${command.summary}`),
    "",
    "## Exit codes",
    "",
    "| code | meaning |",
    "| ---- | ------- |",
    ...EXIT_CODE_TABLE.map(({ code, meaning }) => `| ${code} | ${meaning} |`),
    "",
    ...sections,
  ].join("\n");
}
