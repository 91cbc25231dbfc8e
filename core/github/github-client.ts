import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import { connectionFailure } from "./connection-failure.js";

/**
 * The narrow slice of Octokit that Snapgate's GitHub store uses. Any client
 * with these methods works: the CLI's Octokit, an action's getOctokit(), a
 * Probot context's octokit. Checked against the real type with `satisfies`.
 */
export interface GitHubClient {
  graphql: Octokit["graphql"];
  rest: {
    git: Pick<
      Octokit["rest"]["git"],
      "createTree" | "createCommit" | "updateRef" | "createRef" | "createBlob" | "getBlob"
    >;
    repos: Pick<
      Octokit["rest"]["repos"],
      "get" | "createOrUpdateFileContents" | "getBranchRules" | "getRepoRuleset"
    >;
  };
  request: Octokit["request"];
}

export interface GitHubClientOptions {
  token: string;
  /** https://api.github.com, a GHES URL, or the sandbox's. */
  baseUrl?: string;
  /** How many times a 5xx or a rate limit is retried before the error reaches the caller. */
  retries?: number;
  /** Milliseconds per second of Retry-After (tests shrink it). */
  retryAfterBaseValue?: number;
  /**
   * Minimum milliseconds between two writes or GraphQL queries of this client.
   * plugin-throttling's default (1,000) would make a snapshot's 4 calls take
   * 3 s; a snapshot makes 3 content-creating requests, far below GitHub's 80 a minute.
   */
  writeSpacingMs?: number;
  userAgent?: string;
}

/** Delays before the retries of a request whose connection failed, in units of retryAfterBaseValue. */
const CONNECTION_RETRY_DELAYS = [0.25, 0.75];

type OctokitPlugin = Parameters<typeof Octokit.plugin>[0];

/**
 * A connection that fails (a wrong --api-url, a refused port, an unknown
 * host) is retried twice within a second, then reported at once:
 * plugin-retry would treat it as a 500 and back off for 30 s. Registered
 * first, so its hook runs inside plugin-retry's, which it tells not to retry.
 */
function retryConnectionsBriefly(retryAfterBaseValue: number): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap("request", async (request, options) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(options);
        } catch (error) {
          const delay = CONNECTION_RETRY_DELAYS[attempt];
          if (!connectionFailure(error)) throw error;
          if (delay === undefined) {
            options.request = { ...options.request, retries: 0 };
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, delay * retryAfterBaseValue));
        }
      }
    });
  };
}

/**
 * An Octokit that follows GitHub's rules: waits out primary and secondary
 * rate limits (Retry-After, X-RateLimit-Reset) and retries 5xx with backoff.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 4;
  const ThrottledOctokit = Octokit.plugin(
    retryConnectionsBriefly(options.retryAfterBaseValue ?? 1000),
    throttling,
    retry,
  );
  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? "https://api.github.com",
    userAgent: options.userAgent ?? "snapgate",
    retry: { retries, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
    throttle: {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeSpacingMs ?? 100 }),
      retryAfterBaseValue: options.retryAfterBaseValue ?? 1000,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: (_retryAfter, _request, _octokit, retryCount) => retryCount < retries,
      onSecondaryRateLimit: (_retryAfter, _request, _octokit, retryCount) => retryCount < retries,
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  });
  return octokit satisfies GitHubClient;
}
