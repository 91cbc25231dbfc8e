import { Probot, ProbotOctokit } from "probot";
import { retryRateLimits } from "../core/github/rate-limit-retry.js";

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

export interface SnapgateProbotOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** GitHub's REST root: https://api.github.com (default), https://HOST/api/v3, or a sandbox's URL. */
  baseUrl?: string;
  logLevel?: LogLevel;
  /** How many times a 5xx or a rate-limited request is retried before it fails (default 3). */
  retries?: number;
  /** Milliseconds per second of backoff and Retry-After (default 1,000; tests shrink it). */
  retryAfterBaseValue?: number;
  /** A logger instead of Probot's pino on stdout (tests read what is logged). */
  log?: ProbotLogger;
}

export type ProbotLogger = NonNullable<NonNullable<ConstructorParameters<typeof Probot>[0]>["log"]>;

type OctokitPlugin = Parameters<typeof ProbotOctokit.plugin>[0];

/** Statuses plugin-retry leaves alone; 429 is retryRateLimits' (it honours Retry-After). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * The Probot instance the Snapgate App runs on. Its Octokit retries 5xx
 * (plugin-retry) and waits out rate limits that reset within a minute
 * (retryRateLimits), a few times each; then the decision fails, never passes.
 * Probot's plugin-throttling is off: its queues cost about 15 ms a request
 * even when nothing is limited (60 ms of a 4-call decision), and it spaces an
 * installation's GraphQL reads 1 s apart as if they were writes. A decision
 * makes at most two content-creating requests, far below GitHub's limits.
 */
export function createSnapgateProbot(options: SnapgateProbotOptions): Probot {
  const retries = options.retries ?? 3;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
  const waitOutRateLimits: OctokitPlugin = (octokit) => {
    octokit.hook.wrap("request", (request, requestOptions) =>
      retryRateLimits(async () => request(requestOptions), {
        retries,
        msPerSecond: retryAfterBaseValue,
      }),
    );
  };
  const Octokit = ProbotOctokit.plugin(waitOutRateLimits).defaults(
    (instance: Record<string, unknown>) => ({
      ...instance,
      retry: {
        ...(instance["retry"] as object | undefined),
        retries,
        retryAfterBaseValue,
        doNotRetry: DO_NOT_RETRY,
      },
      throttle: { ...(instance["throttle"] as object | undefined), enabled: false },
    }),
  );
  return new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    logLevel: options.logLevel ?? "info",
    ...(options.log ? { log: options.log } : {}),
    Octokit,
  });
}
