/**
 * The one error family of Snapgate. Every failure that reaches a user is a
 * SnapgateError with a stable code and a message that says what to do; each
 * edge maps it to its own surface (exit code, setFailed, check run, comment).
 */
export type ErrorCode =
  /** The command line or action inputs are wrong. */
  | "USAGE"
  /** A key, policy or configuration value is malformed or missing. */
  | "CONFIG"
  /** The store does not exist or is not a Snapgate store. */
  | "STORE_MISSING"
  /** A snapshot, request or file that was asked for does not exist. */
  | "NOT_FOUND"
  /** Something stored does not match what was signed or recorded. */
  | "INTEGRITY"
  /** The identity given cannot decrypt what was asked for. */
  | "WRONG_KEY"
  /** A manifest or input names a path that would escape or clobber the target. */
  | "UNSAFE_PATH"
  /** Another writer won; the operation may be retried. */
  | "CONFLICT"
  /** The policy refuses the operation (gate, quorum, change ticket, consistency). */
  | "POLICY"
  /** The caller lacks a permission. */
  | "PERMISSION"
  /** A remote service failed in a way retries did not fix. */
  | "REMOTE"
  /** The limit of a remote service was reached. */
  | "RATE_LIMIT"
  /** Input is larger than Snapgate accepts. */
  | "TOO_LARGE"
  /** A local file system operation failed. */
  | "IO";

export interface SnapgateErrorOptions {
  /** What the user should do about it; appended to the message. */
  fix?: string;
  /** Machine-readable context for --json output and logs (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class SnapgateError extends Error {
  readonly code: ErrorCode;
  /** The message without the fix. */
  readonly summary: string;
  readonly fix: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: SnapgateErrorOptions = {}) {
    super(options.fix ? `${message} ${options.fix}` : message, { cause: options.cause });
    this.name = "SnapgateError";
    this.code = code;
    this.summary = message;
    this.fix = options.fix;
    this.details = options.details ?? {};
  }

  /** The JSON shape the CLI prints with --json and the actions log. */
  toJSON(): { code: ErrorCode; message: string; fix?: string; details: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.fix ? { fix: this.fix } : {}),
      details: this.details,
    };
  }
}

export function isSnapgateError(error: unknown, code?: ErrorCode): error is SnapgateError {
  return error instanceof SnapgateError && (code === undefined || error.code === code);
}

/** Wraps an unexpected error so edges always deal with one family. */
export function asSnapgateError(error: unknown): SnapgateError {
  if (error instanceof SnapgateError) return error;
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError && typeof nodeError.code === "string" && nodeError.syscall) {
    return new SnapgateError("IO", `${nodeError.message}.`, {
      fix: "Check that the path exists and that you may read and write it.",
      cause: error,
      details: { errno: nodeError.code, path: nodeError.path },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SnapgateError("REMOTE", `Unexpected failure: ${message}`, {
    fix: "This is a bug if it repeats; report it with the command you ran.",
    cause: error,
  });
}
