import Bottleneck from "bottleneck";
import { Probot, ProbotOctokit } from "probot";

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
}

/**
 * plugin-throttling counts every POST, PATCH and GraphQL query of an
 * installation as a "write" and spaces them 1 s apart, which would make a
 * decision (3 GraphQL reads and 1 check run) take 3 s. A decision makes at
 * most two content-creating requests, so the app does not space them; it
 * waits out the limits GitHub signals (Retry-After, X-RateLimit-Reset) instead.
 */
const unspacedWrites = new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });

/**
 * The Probot instance the Snapgate App runs on: its Octokit retries 5xx and
 * rate limits a few times (then the decision fails, never passes) and does
 * not serialise an installation's GraphQL reads.
 */
export function createSnapgateProbot(options: SnapgateProbotOptions): Probot {
  const retries = options.retries ?? 3;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
  const keepRetrying = (
    _retryAfter: number,
    _request: unknown,
    _octokit: unknown,
    retryCount: number,
  ): boolean => retryCount < retries;
  const Octokit = ProbotOctokit.defaults((instance: Record<string, unknown>) => ({
    ...instance,
    retry: { ...(instance["retry"] as object | undefined), retries, retryAfterBaseValue },
    throttle: {
      ...(instance["throttle"] as object | undefined),
      write: unspacedWrites,
      retryAfterBaseValue,
      onRateLimit: keepRetrying,
      onSecondaryRateLimit: keepRetrying,
    },
  }));
  return new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    logLevel: options.logLevel ?? "info",
    Octokit,
  });
}
