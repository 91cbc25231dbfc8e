import { didYouMean } from "../did-you-mean.js";
import { SnapgateError } from "../errors.js";
import { parseDrillReference } from "../operations/parse-drill-reference.js";
import { parseSnapshotReference } from "../snapshot/parse-snapshot-reference.js";
import { STREAM_PATTERN } from "../types.js";
import type { CommentCommand, ParsedComment } from "./comment-command.js";
import {
  COMMAND_TRIGGER,
  MAX_COMMAND_LINE,
  MAX_COMMENT_BODY,
  MAX_GLOB,
  MAX_PATHS,
  MAX_REASON,
  REQUEST_ID_PATTERN,
  SUBCOMMANDS,
  type SubcommandSpec,
  type ValueKind,
} from "./comment-command-grammar.js";
import { commentCommandHelp } from "./comment-command-help.js";
import { commentCommandUsage } from "./comment-command-usage.js";

/** Unquoted, these would mean something to a shell; the app refuses rather than guess. */
const SHELL_METACHARACTERS = new Set([";", "|", "&", "<", ">", "(", ")", "$", "`"]);
/** Inside double quotes a backslash escapes only these (as in a POSIX shell). */
const DOUBLE_QUOTE_ESCAPES = new Set(['"', "\\", "$", "`"]);
/** Controls (but tab) and invisible format characters (zero-width, bidi overrides). */
const HIDDEN = /[\p{Cc}\p{Cf}]/u;
const HIDDEN_BUT_TAB = /(?!\t)[\p{Cc}\p{Cf}]/u;
/** Letters of other scripts that look like the trigger's (NFKC handles fullwidth forms). */
const CONFUSABLES: Record<string, string> = {
  "\u0430": "a", // Cyrillic a
  "\u0435": "e", // Cyrillic ie
  "\u0441": "c",
  "\u0455": "s", // Cyrillic dze
  "\u0440": "p", // Cyrillic er
  "\u0261": "g", // Latin script g
  "\u0442": "t",
  "\u03b1": "a", // Greek alpha
  "\u03c4": "t", // Greek tau
  "\u0251": "a", // Latin alpha
  "\u2215": "/", // division slash
  "\u2044": "/", // fraction slash
  "\u29f8": "/", // big solidus
  "\u2571": "/", // box drawings diagonal
};

interface Token {
  text: string;
  /** How many leading characters were typed unquoted and unescaped: only those can make a flag. */
  plain: number;
}

class Refusal extends Error {
  constructor(
    readonly error: SnapgateError,
    readonly suggestion: string | null = null,
    readonly subcommand: string | null = null,
  ) {
    super(error.message);
  }
}

function refusal(
  message: string,
  fix: string,
  options: {
    suggestion?: string | null;
    subcommand?: string | null;
    code?: "USAGE" | "TOO_LARGE";
  } = {},
): Refusal {
  return new Refusal(
    new SnapgateError(options.code ?? "USAGE", message, { fix }),
    options.suggestion ?? null,
    options.subcommand ?? null,
  );
}

/** User text inside a reply: short, in a code span (no mentions, no Markdown). */
function shown(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

/**
 * Reads a comment's first line as a Snapgate command. The trigger is exactly
 * ASCII `/snapgate` (after spaces or tabs), then a space, a tab or the end of
 * the line; later lines are never read, so a quoted or pasted command is not
 * run. Tokens are shell-like (single quotes, double quotes, backslash) but
 * nothing is expanded, and unquoted shell operators are refused. Every
 * subcommand, flag and value is checked against the grammar
 * (comment-command-grammar.ts); anything else is refused with a fix, a "did
 * you mean" and help. A line that only looks like the trigger (other
 * scripts' letters, fullwidth or invisible characters, capitals) is refused
 * too, so its author learns why nothing happened. Work is linear in the
 * first line, which is bounded; the rest of a huge body is never scanned.
 */
export function parseCommentCommand(body: string): ParsedComment {
  const head = body.slice(0, MAX_COMMAND_LINE + 2);
  const newline = head.indexOf("\n");
  let line = newline >= 0 ? head.slice(0, newline) : head;
  if (line.endsWith("\r")) line = line.slice(0, -1);
  const start = line.length - line.replace(/^[ \t]+/, "").length;
  const after = line[start + COMMAND_TRIGGER.length];
  const isTrigger =
    line.startsWith(COMMAND_TRIGGER, start) &&
    (after === undefined || after === " " || after === "\t");
  try {
    if (!isTrigger) {
      lookAlike(line);
      return { kind: "none" };
    }
    if (body.length > MAX_COMMENT_BODY || line.length > MAX_COMMAND_LINE) {
      throw refusal(
        body.length > MAX_COMMENT_BODY
          ? `The comment is longer than ${MAX_COMMENT_BODY} characters.`
          : `The command line is longer than ${MAX_COMMAND_LINE} characters.`,
        "Put the command alone on the first line and keep the reason short.",
        { code: "TOO_LARGE" },
      );
    }
    const hidden = HIDDEN_BUT_TAB.exec(line);
    if (hidden) {
      throw refusal(
        `The command contains an invisible or control character (${codePoint(hidden[0])}).`,
        "Type the command again without pasting it (zero-width and direction-changing characters are not accepted).",
      );
    }
    const tokens = tokenize(line.slice(start + COMMAND_TRIGGER.length));
    return { kind: "command", command: parseTokens(tokens) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      kind: "refused",
      error: error.error,
      suggestion: error.suggestion,
      help: commentCommandHelp(error.subcommand),
    };
  }
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Refuses a first line that reads as the trigger once normalised, folded and lower-cased. */
function lookAlike(line: string): void {
  let folded = "";
  for (const char of line.normalize("NFKC")) {
    folded += HIDDEN_BUT_TAB.test(char) ? "" : (CONFUSABLES[char] ?? char.toLowerCase());
  }
  folded = folded.trimStart();
  if (!folded.startsWith(COMMAND_TRIGGER)) return;
  const next = folded[COMMAND_TRIGGER.length];
  if (next !== undefined && !/\s/.test(next)) return;
  const odd = [...line.replace(/^[ \t]+/, "").slice(0, COMMAND_TRIGGER.length + 4)].filter(
    (char) => char.codePointAt(0)! > 0x7e || HIDDEN.test(char),
  );
  throw refusal(
    odd.length > 0
      ? `This looks like a Snapgate command, but its start is not plain ASCII /snapgate (it contains ${[...new Set(odd)].map(codePoint).join(", ")}).`
      : "This looks like a Snapgate command, but its start is not lower-case /snapgate.",
    "Type /snapgate in plain lower-case ASCII at the start of the first line, followed by a space.",
  );
}

/** Shell-style words, nothing expanded; unquoted shell operators and unterminated quotes are refused. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  let plainSoFar = true;
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === " " || char === "\t") {
      if (current) tokens.push(current);
      current = null;
      i += 1;
      continue;
    }
    if (!current) {
      current = { text: "", plain: 0 };
      plainSoFar = true;
    }
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0)
        throw refusal(
          "A single quote is not closed.",
          "Close it, or escape a literal quote as \\'.",
        );
      current.text += text.slice(i + 1, end);
      plainSoFar = false;
      i = end + 1;
    } else if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        const next = text[i + 1];
        if (text[i] === "\\" && next !== undefined && DOUBLE_QUOTE_ESCAPES.has(next)) {
          current.text += next;
          i += 2;
        } else {
          current.text += text[i];
          i += 1;
        }
      }
      if (i >= text.length)
        throw refusal(
          "A double quote is not closed.",
          'Close it, or escape a literal quote as \\".',
        );
      plainSoFar = false;
      i += 1;
    } else if (char === "\\") {
      const next = text[i + 1];
      if (next === undefined)
        throw refusal(
          "The command ends with a backslash.",
          "A command is one line: remove the trailing backslash.",
        );
      current.text += next;
      plainSoFar = false;
      i += 2;
    } else if (SHELL_METACHARACTERS.has(char)) {
      throw refusal(
        `${shown(char)} is not accepted outside quotes (nothing is run by a shell, and one comment is one command).`,
        `Quote the value that contains it, e.g. --reason "fix a | b".`,
      );
    } else {
      current.text += char;
      if (plainSoFar) current.plain += 1;
      i += 1;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTokens(tokens: readonly Token[]): CommentCommand {
  const [first, ...rest] = tokens;
  const names = SUBCOMMANDS.map((spec) => spec.name);
  if (!first) {
    throw refusal("The command names no subcommand.", "Add one, e.g. `/snapgate help`.");
  }
  const spec =
    first.plain === first.text.length ? SUBCOMMANDS.find((s) => s.name === first.text) : undefined;
  if (!spec) {
    const suggestion = didYouMean(first.text, names);
    throw refusal(
      `${shown(first.text)} is not a Snapgate command.`,
      suggestion ? `Did you mean \`/snapgate ${suggestion}\`?` : "See `/snapgate help`.",
      { suggestion },
    );
  }
  const usage = `Usage: \`${commentCommandUsage(spec)}\`.`;
  const fail = (message: string, fix = usage, suggestion: string | null = null): Refusal =>
    refusal(message, fix, { suggestion, subcommand: spec.name });

  const args: Record<string, string> = {};
  const flags = new Map<string, string[] | true>();
  let positional = 0;
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index] as Token;
    if (token.plain > 0 && token.text.startsWith("-")) {
      const equals = token.text.indexOf("=");
      const name = token.text.slice(2, equals < 0 ? undefined : equals);
      if (
        !token.text.startsWith("--") ||
        name === "" ||
        (equals < 0 ? token.text.length : equals) > token.plain
      ) {
        const suggestion = didYouMean(
          token.text.replace(/^-+/, ""),
          spec.flags.map((f) => f.name),
        );
        throw fail(
          `${shown(token.text)} is not a flag of ${spec.name}.`,
          suggestion ? `Did you mean \`--${suggestion}\`? ${usage}` : usage,
          suggestion && `--${suggestion}`,
        );
      }
      const flag = spec.flags.find((f) => f.name === name);
      if (!flag) {
        const suggestion = didYouMean(
          name,
          spec.flags.map((f) => f.name),
        );
        throw fail(
          `${shown(`--${name}`)} is not a flag of ${spec.name}${spec.flags.length ? "" : " (it takes none)"}.`,
          suggestion ? `Did you mean \`--${suggestion}\`? ${usage}` : usage,
          suggestion && `--${suggestion}`,
        );
      }
      if (flags.has(name) && !flag.repeatable)
        throw fail(`--${name} is given twice.`, `Give it once. ${usage}`);
      if (flag.kind === null) {
        if (equals >= 0) throw fail(`--${name} takes no value.`, `Write just --${name}. ${usage}`);
        flags.set(name, true);
        continue;
      }
      let value: string;
      if (equals >= 0) {
        value = token.text.slice(equals + 1);
      } else {
        const next = rest[index + 1];
        if (!next || (next.plain > 0 && next.text.startsWith("-"))) {
          throw fail(
            `--${name} needs a value.`,
            `Write --${name} ${flag.kind === "reason" ? '"..."' : "VALUE"} (quote a value that starts with -). ${usage}`,
          );
        }
        value = next.text;
        index += 1;
      }
      checkValue(spec, flag.kind, `--${name}`, value);
      const values = flags.get(name);
      flags.set(name, [...(Array.isArray(values) ? values : []), value]);
      continue;
    }
    const arg = spec.args[positional];
    if (!arg) {
      throw fail(
        `${shown(token.text)} is one argument too many for ${spec.name}.`,
        `${usage} (Text in quotes is never a flag; quote a reason that contains spaces.)`,
      );
    }
    checkValue(spec, arg.kind, `<${arg.name}>`, token.text);
    args[arg.name] = token.text;
    positional += 1;
  }

  for (const arg of spec.args) {
    if (arg.required && args[arg.name] === undefined)
      throw fail(`${spec.name} needs <${arg.name}>.`);
  }
  for (const flag of spec.flags) {
    if (flag.required && !flags.has(flag.name)) throw fail(`${spec.name} needs --${flag.name}.`);
  }
  const single = (name: string): string | null => {
    const values = flags.get(name);
    return Array.isArray(values) ? (values[0] as string) : null;
  };
  const paths = flags.get("paths");
  if (Array.isArray(paths) && paths.length > MAX_PATHS) {
    throw fail(
      `A restore names at most ${MAX_PATHS} --paths globs.`,
      "Use fewer, broader globs (k8s/**).",
    );
  }

  let environment = single("env");
  for (const arg of spec.args) {
    const value = args[arg.name];
    // A drill names its environment (drills/<env>/...); checkValue accepted it.
    if (value !== undefined && arg.kind === "drill")
      environment = parseDrillReference(value)?.stream ?? null;
    if (value === undefined || arg.kind !== "snapshot") continue;
    const reference = parseSnapshotReference(value);
    if (reference?.kind === "latest" && !spec.flags.some((f) => f.name === "env")) {
      throw fail(
        `${spec.name} cannot tell whose latest snapshot: it has no --env.`,
        "Name the environment, e.g. prod@latest.",
      );
    }
    if (reference?.kind === "latest" && environment === null) {
      throw fail(
        "Which environment's latest snapshot?",
        `Add --env, or write <env>@latest. ${usage}`,
      );
    }
    if (reference?.kind === "stream") {
      if (environment !== null && environment !== reference.stream) {
        throw fail(
          `${value} is a snapshot of ${reference.stream}, but --env says ${environment}.`,
          `Drop --env, or name a snapshot of ${environment}.`,
        );
      }
      if (spec.flags.some((f) => f.name === "env")) environment = reference.stream;
    }
    if (
      reference?.kind === "id" &&
      environment === null &&
      spec.flags.some((f) => f.name === "env")
    ) {
      throw fail(
        `${spec.name} of a snapshot id needs --env.`,
        `Add --env, or write <env>@<seq>. ${usage}`,
      );
    }
  }

  return {
    name: spec.name,
    args,
    environment,
    paths: Array.isArray(paths) ? paths : [],
    reason: single("reason"),
    dryRun: flags.get("dry-run") === true,
  };
}

function checkValue(spec: SubcommandSpec, kind: ValueKind, what: string, value: string): void {
  const fail = (problem: string, fix: string, suggestion: string | null = null): Refusal =>
    refusal(`${what} ${shown(value)} ${problem}`, fix, { suggestion, subcommand: spec.name });
  switch (kind) {
    case "environment":
      if (!STREAM_PATTERN.test(value))
        throw fail(
          "is not an environment name.",
          "Environment names are as in the policy: lower case letters, digits, '.', '_' and '-', at most 63.",
        );
      return;
    case "snapshot":
    case "exact-snapshot": {
      const reference = parseSnapshotReference(value);
      if (reference === null)
        throw fail(
          "is not a snapshot reference.",
          "Use <env>@<seq> such as prod@41, <env>@latest, latest with --env, or a snapshot id (at least 6 hex characters).",
        );
      if (
        kind === "exact-snapshot" &&
        (reference.kind === "latest" || (reference.kind === "stream" && reference.seq === null))
      )
        throw fail(
          "does not name one snapshot for good (latest moves).",
          "Name it exactly: <env>@<seq> such as prod@41, or its id.",
        );
      return;
    }
    case "request":
      if (!REQUEST_ID_PATTERN.test(value))
        throw fail(
          "is not a request id.",
          "Copy the id from the app's status comment (r- and 12 letters or digits, e.g. r-abcdefgh2345).",
        );
      return;
    case "glob":
      if (value.length === 0 || value.length > MAX_GLOB)
        throw fail(
          `must have 1 to ${MAX_GLOB} characters.`,
          "Give a relative glob such as k8s/**.",
        );
      if (value.startsWith("/") || value.includes("\\") || value.split("/").includes(".."))
        throw fail(
          "must be relative, without '..' or backslashes.",
          "Give a glob relative to the snapshot's root, such as k8s/**.",
        );
      return;
    case "reason":
      if (value.trim().length === 0 || value.length > MAX_REASON)
        throw fail(
          `must have 1 to ${MAX_REASON} characters.`,
          'Say briefly why, e.g. --reason "INC-3321 bad ingress".',
        );
      return;
    case "drill":
      if (parseDrillReference(value) === undefined)
        throw fail(
          "is not a drill record.",
          "Copy the drill's record path from its job summary or `snapgate drill` (drills/<env>/<time>-ok-<snapshot>.json).",
        );
      return;
    case "command":
      if (!SUBCOMMANDS.some((s) => s.name === value)) {
        const suggestion = didYouMean(
          value,
          SUBCOMMANDS.map((s) => s.name),
        );
        throw fail(
          "is not a Snapgate command.",
          suggestion ? `Did you mean \`/snapgate help ${suggestion}\`?` : "See `/snapgate help`.",
          suggestion,
        );
      }
      return;
  }
}
