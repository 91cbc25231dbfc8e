import { compileGlobs, normalisePath } from "./glob.js";
import type { Policy, PolicyException } from "./policy.js";

export type ExceptionState = "active" | "expiring-soon" | "expired";

export interface ExceptionStatus {
  exception: PolicyException;
  state: ExceptionState;
  /** Whole days until it expires (0 or less once expired). */
  daysLeft: number;
  /** Of the paths given, those it covers (whatever its state). */
  coveredPaths: string[];
}

export interface ExceptionsEvaluation {
  exceptions: ExceptionStatus[];
  expired: ExceptionStatus[];
  expiringSoon: ExceptionStatus[];
  /** An expired exception fails the gate. */
  failed: boolean;
}

export interface EvaluateExceptionsOptions {
  /** Only exceptions that apply to this environment. */
  environment?: string;
  /** Paths to match against each exception's globs. */
  paths?: readonly string[];
  /** How far ahead an expiry counts as soon; 14 days by default. */
  soonMs?: number;
}

const DAY_MS = 86_400_000;
export const EXPIRING_SOON_MS = 14 * DAY_MS;

/** Sorts the policy's exceptions into active, expiring soon and expired at `now`. */
export function evaluateExceptions(
  policy: Policy,
  now: Date,
  options: EvaluateExceptionsOptions = {},
): ExceptionsEvaluation {
  const soonMs = options.soonMs ?? EXPIRING_SOON_MS;
  const paths = (options.paths ?? []).map(normalisePath);
  const exceptions = policy.exceptions
    .filter(
      (exception) =>
        options.environment === undefined ||
        exception.environments === null ||
        exception.environments.includes(options.environment),
    )
    .map((exception): ExceptionStatus => {
      const left = exception.expiresAtMs - now.getTime();
      const state: ExceptionState =
        left <= 0 ? "expired" : left <= soonMs ? "expiring-soon" : "active";
      const matches = compileGlobs(exception.paths);
      return {
        exception,
        state,
        daysLeft: Math.floor(left / DAY_MS),
        coveredPaths: paths.filter((path) => matches(path)),
      };
    });
  const expired = exceptions.filter((status) => status.state === "expired");
  return {
    exceptions,
    expired,
    expiringSoon: exceptions.filter((status) => status.state === "expiring-soon"),
    failed: expired.length > 0,
  };
}
