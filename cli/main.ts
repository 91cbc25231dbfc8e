import { asSnapgateError, SnapgateError, type ErrorCode } from "../core/errors.js";
import { didYouMean } from "../core/did-you-mean.js";
import { parseCommandArgs, type CliContext, type Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { json } from "./output.js";
import { escapeTerminalText } from "./escape-terminal-text.js";
import { EXIT_USAGE } from "./exit-codes.js";
import { commandHelpLines } from "./command-help-lines.js";

/** The exit code of an error other than 1 (every code: EXIT_CODE_TABLE in exit-codes.ts). */
export const EXIT_CODES: Partial<Record<ErrorCode, number>> = { USAGE: EXIT_USAGE };

async function generalHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    [
      "snapgate: encrypted, verifiable configuration backups",
      "",
      "Usage: snapgate <command> [options]",
      "",
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      "",
      "Every command takes --json for machine-readable output and --help for its options.",
      "Run `snapgate help <command>` for details.",
    ].join("\n") + "\n"
  );
}

function commandHelp(command: Command): string {
  return [
    `${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    ...commandHelpLines(command).map((line) => `  ${line}`),
    "",
    ...(command.json ? [`JSON output (--json): ${command.json}`, ""] : []),
  ].join("\n");
}

/** `snapgate list:` for a known command, else `snapgate:`. */
function errorPrefix(name: string | undefined): string {
  return COMMANDS.some((c) => c.name === name) ? `snapgate ${name}` : "snapgate";
}

/** The prefix is added once, when the error is printed; a message that starts with one loses it. */
function withoutPrefix(summary: string): string {
  return summary.replace(/^snapgate(?: [a-z-]+)?: /, "");
}

/** Runs one command line and returns the exit code; never throws. */
export async function main(argv: readonly string[], cliContext: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  const wantsJson = argv.includes("--json");
  // Every command's human output passes here: names and metadata from a crafted
  // store or tree must not drive the terminal. JSON escapes control characters itself.
  const context: CliContext = {
    ...cliContext,
    stdout: wantsJson ? cliContext.stdout : (text) => cliContext.stdout(escapeTerminalText(text)),
    stderr: (text) => cliContext.stderr(escapeTerminalText(text)),
    terminal: cliContext.terminal ?? cliContext.stderr,
    interactive: cliContext.interactive && !wantsJson,
  };
  try {
    if (!name || name === "help" || name === "--help" || name === "-h") {
      const topic = COMMANDS.find((c) => c.name === rest[0]);
      context.stdout(topic ? commandHelp(await topic.load()) : await generalHelp());
      return 0;
    }
    if (name === "--version" || name === "version") {
      context.stdout("snapgate 0.1.0\n");
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      const suggestion = didYouMean(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new SnapgateError("USAGE", `'${name}' is not a snapgate command.`, {
        fix: suggestion
          ? `Did you mean \`snapgate ${suggestion}\`? Run \`snapgate help\` for the list.`
          : "Run `snapgate help` for the list of commands.",
      });
    }
    const command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, context);
  } catch (thrown) {
    const error = asSnapgateError(thrown);
    if (wantsJson) context.stdout(json({ ok: false, error: error.toJSON() }));
    context.stderr(
      `${errorPrefix(name)}: ${withoutPrefix(error.summary).trimEnd()}\n${error.fix ? `  fix: ${error.fix}\n` : ""}`,
    );
    if (error.code === "REMOTE" && context.env.SNAPGATE_DEBUG)
      context.stderr(`${String((thrown as Error)?.stack)}\n`);
    return EXIT_CODES[error.code] ?? 1;
  }
}
