import { parseArgs, type ParseArgsConfig } from "node:util";
import { SnapgateError } from "../core/errors.js";
import { didYouMean } from "../core/did-you-mean.js";

/** What a command may touch: injected so integration tests can run commands in-process too. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines go to stderr only on a terminal, and never with --json. */
  interactive: boolean;
  /**
   * The unescaped stderr, for the CLI's own control sequences (the progress
   * line). main() escapes control characters in stdout (human output) and stderr.
   */
  terminal?: (text: string) => void;
}

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** One line per option, for help. */
  help: string[];
  /** The shape of the `--json` output, for help and docs/cli.md (`npm run docs:cli`). */
  json?: string;
  options: OptionSpec;
  /** Returns the exit code. */
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

export const COMMON_OPTIONS: OptionSpec = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const suggestion = unknown
      ? didYouMean(unknown.replace(/^-+/, ""), Object.keys(options))
      : undefined;
    throw new SnapgateError("USAGE", `${message.replace(/\. To specify.*$/s, "")}.`, {
      fix: suggestion
        ? `Did you mean --${suggestion}? Usage: ${command.usage}`
        : `Usage: ${command.usage}`,
    });
  }
}

export function stringValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function listValue(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function requireValue(
  args: ParsedArgs,
  name: string,
  command: Command,
  hint: string,
): string {
  const value = stringValue(args, name);
  if (value === undefined || value === "") {
    throw new SnapgateError("USAGE", `--${name} is required.`, {
      fix: `${hint} Usage: ${command.usage}`,
    });
  }
  return value;
}
