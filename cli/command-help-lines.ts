import { alignHelpLines } from "./align-help-lines.js";
import type { Command } from "./command.js";
import { GITHUB_STORE_HELP, S3_STORE_HELP } from "./open-store.js";

/** A command's option lines as `--help` prints them and docs/cli.md lists them: one source for both. */
export function commandHelpLines(command: Command): string[] {
  const store = [
    ...("token" in command.options ? GITHUB_STORE_HELP : []),
    ...("endpoint" in command.options ? S3_STORE_HELP : []),
  ];
  return alignHelpLines([...command.help, ...store, "--json  machine-readable output"]);
}
