/**
 * The grammar of the app's comment commands, in one place: the parser reads
 * it to accept a command, and the help reply and docs/comment-commands.md are
 * rendered from it, so help and parser cannot disagree.
 */

/** What a value must look like; the parser validates each kind. */
export type ValueKind =
  /** An environment name (the policy's pattern, like a snapshot stream). */
  | "environment"
  /** latest, <env>@<seq>, <env>@latest or a snapshot id (6+ hex), as the CLI accepts. */
  | "snapshot"
  /** A snapshot named exactly: <env>@<seq> or a snapshot id (not latest). */
  | "exact-snapshot"
  /** A request id as the app shows it: r- and 12 characters of base32 (a-z, 2-7). */
  | "request"
  /** A relative path glob (k8s/**), no '..' and not absolute. */
  | "glob"
  /** Free text for people, one line, bounded. */
  | "reason"
  /** A subcommand's name (help <command>). */
  | "command"
  /** A drill record: drills/<env>/<time>-<ok|fail>-<snapshot>.json, or <env>/<that name>. */
  | "drill";

export interface ArgumentSpec {
  name: string;
  kind: ValueKind;
  required: boolean;
}

export interface FlagSpec {
  /** Without the leading --. */
  name: string;
  /** null for a switch that takes no value (--dry-run). */
  kind: ValueKind | null;
  required: boolean;
  /** May be given more than once (--paths a --paths b); values accumulate. */
  repeatable: boolean;
  /** What it does, for help. */
  summary: string;
}

export interface SubcommandSpec {
  name: string;
  summary: string;
  args: readonly ArgumentSpec[];
  flags: readonly FlagSpec[];
}

/** The word that starts a command: exactly this, in ASCII, at the start of the first line. */
export const COMMAND_TRIGGER = "/snapgate";

/** Request ids the app hands out (r-, then 12 base32 characters: 60 random bits). */
export const REQUEST_ID_PATTERN = /^r-[a-z2-7]{12}$/;

/** The longest first line (the command) the app reads; longer is refused, not truncated. */
export const MAX_COMMAND_LINE = 1000;
/** GitHub's own limit for a comment body. */
export const MAX_COMMENT_BODY = 65536;
/** The longest --reason. */
export const MAX_REASON = 300;
/** The most --paths globs one restore may name. */
export const MAX_PATHS = 20;
/** The longest single glob. */
export const MAX_GLOB = 200;

const reason = (summary: string, required = false): FlagSpec => ({
  name: "reason",
  kind: "reason",
  required,
  repeatable: false,
  summary,
});
const env = (summary: string, required: boolean): FlagSpec => ({
  name: "env",
  kind: "environment",
  required,
  repeatable: false,
  summary,
});
const request = (required: boolean): ArgumentSpec => ({
  name: "request",
  kind: "request",
  required,
});

export const SUBCOMMANDS: readonly SubcommandSpec[] = [
  {
    name: "restore",
    summary:
      "Ask to restore a snapshot of an environment; it runs once enough eligible people approve.",
    args: [{ name: "snapshot", kind: "snapshot", required: true }],
    flags: [
      env("The environment (may be left out when the snapshot is <env>@<seq>).", false),
      {
        name: "paths",
        kind: "glob",
        required: false,
        repeatable: true,
        summary: "Restore only files matching this glob (repeatable).",
      },
      reason("Why (shown to approvers and in the audit log)."),
      {
        name: "dry-run",
        kind: null,
        required: false,
        repeatable: false,
        summary: "Show what would be restored; nothing is written.",
      },
    ],
  },
  {
    name: "approve",
    summary: "Approve a pending request (not your own).",
    args: [request(true)],
    flags: [],
  },
  {
    name: "deny",
    summary: "Deny a pending request; one eligible deny blocks it.",
    args: [request(true)],
    flags: [reason("Why it is denied.")],
  },
  {
    name: "cancel",
    summary: "Cancel your own pending request.",
    args: [request(true)],
    flags: [],
  },
  {
    name: "status",
    summary: "Show a request, or an environment's lock (who holds it and why) and open requests.",
    args: [request(false)],
    flags: [env("Show this environment's lock and open requests.", false)],
  },
  {
    name: "list",
    summary: "List the snapshots of an environment (or of all).",
    args: [],
    flags: [env("Only this environment.", false)],
  },
  {
    name: "show",
    summary: "Show a snapshot's files and metadata.",
    args: [{ name: "snapshot", kind: "snapshot", required: true }],
    flags: [env("The environment (may be left out when the snapshot is <env>@<seq>).", false)],
  },
  {
    name: "diff",
    summary: "Compare two snapshots, or one with the one before it.",
    args: [
      { name: "a", kind: "snapshot", required: true },
      { name: "b", kind: "snapshot", required: false },
    ],
    flags: [env("The environment (may be left out when a snapshot is <env>@<seq>).", false)],
  },
  {
    name: "help",
    summary: "Show these commands, or one command's flags.",
    args: [{ name: "command", kind: "command", required: false }],
    flags: [],
  },
  {
    name: "lock",
    summary: "Refuse restores of an environment until it is unlocked.",
    args: [],
    flags: [env("The environment to lock.", true), reason("Why it is locked.")],
  },
  {
    name: "unlock",
    summary: "Allow restores of a locked environment again.",
    args: [],
    flags: [env("The environment to unlock.", true)],
  },
  {
    name: "forget",
    summary: "Ask to delete a snapshot for good (approved like a restore).",
    args: [{ name: "snapshot", kind: "exact-snapshot", required: true }],
    flags: [
      env("The environment (may be left out when the snapshot is <env>@<seq>).", false),
      reason("Why it must go (required).", true),
    ],
  },
  {
    name: "signoff",
    summary: "Sign off a passing drill for your role (ops or security); it needs one of each.",
    args: [{ name: "drill", kind: "drill", required: true }],
    flags: [],
  },
];
