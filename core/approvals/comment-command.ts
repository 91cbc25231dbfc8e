import type { SnapgateError } from "../errors.js";

/**
 * A comment command the parser accepted. Values are validated; the snapshot
 * references are syntax only (resolving them needs the store). Flags not
 * given are null (false for --dry-run, [] for --paths).
 */
export interface CommentCommand {
  name: string;
  /** Positional arguments by their grammar name (snapshot, request, a, b, command). */
  args: Readonly<Record<string, string>>;
  /** --env, or for a restore of <env>@<seq> that environment. */
  environment: string | null;
  paths: readonly string[];
  reason: string | null;
  dryRun: boolean;
}

/** What the parser makes of a comment. */
export type ParsedComment =
  /** The first line does not start with the trigger: the comment is not for the app. */
  | { kind: "none" }
  | { kind: "command"; command: CommentCommand }
  /**
   * The first line is (or looks like) a command the app cannot accept. The
   * error (USAGE, or TOO_LARGE) says why and what to type instead; help is the
   * grammar of the subcommand meant (or of all) to reply with.
   */
  | { kind: "refused"; error: SnapgateError; suggestion: string | null; help: string };
