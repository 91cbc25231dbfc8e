import { SUBCOMMANDS } from "./comment-command-grammar.js";
import { commentCommandUsage } from "./comment-command-usage.js";

/**
 * The help reply (Markdown), rendered from the grammar: every command's usage
 * line and summary, or for one command also each flag. An unknown name gives
 * the overview.
 */
export function commentCommandHelp(subcommand: string | null = null): string {
  const one = SUBCOMMANDS.find((spec) => spec.name === subcommand);
  if (one) {
    const flags = one.flags.map(
      (flag) => `- \`--${flag.name}\`${flag.required ? " (required)" : ""}: ${flag.summary}`,
    );
    return [
      "```",
      commentCommandUsage(one),
      "```",
      "",
      one.summary,
      ...(flags.length ? ["", ...flags] : []),
    ].join("\n");
  }
  return [
    "Snapgate commands (the first line of a comment):",
    "",
    "```",
    ...SUBCOMMANDS.map(commentCommandUsage),
    "```",
    "",
    ...SUBCOMMANDS.map((spec) => `- \`${spec.name}\`: ${spec.summary}`),
    "",
    'Quote values with spaces (`--reason "INC-3321 bad ingress"`). `/snapgate help <command>` shows one command.',
  ].join("\n");
}
