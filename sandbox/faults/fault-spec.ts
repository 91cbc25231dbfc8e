/** One fault to inject into matching requests (see README "Fault injection"). */
export interface FaultSpec {
  /** HTTP method to match; any if omitted. */
  method?: string;
  /**
   * An operation id ("git/update-ref", "graphql"), a path glob with `*` for
   * one segment and `**` for any ("/repos/acme/*\/git/refs/**"), or a RegExp
   * on the path. Any request if omitted.
   */
  route?: string | RegExp;
  /**
   * "owner/name": only requests about this repository, i.e. REST paths under
   * /repos/owner/name and GraphQL requests whose variables `owner` and
   * `name` name it (e.g. a store's reads, not other repositories' queries).
   */
  repo?: string;
  /** Answer with a server error instead of handling the request. */
  status?: 500 | 502 | 503;
  /** Answer as GitHub does when a rate limit is hit. */
  rateLimit?: "primary" | "secondary";
  /** Status of a rate-limit answer: GitHub sends 403 or 429 (default 403). */
  rateLimitStatus?: 403 | 429;
  /** Seconds until the limit resets / retry-after (default 1). */
  retryAfterSeconds?: number;
  /** Wait this long before handling (or failing) the request. */
  delayMs?: number;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /**
   * Apply `status` or `drop` (and `delayMs`) after the request was handled:
   * its effect persists and only the answer is lost, as when GitHub lands a
   * commit or a ref update and then answers 502 or its front end times out.
   */
  afterHandling?: boolean;
  /**
   * Another writer commits to a branch just before this request is handled:
   * by default the branch of a ref update, else the default branch of the
   * request's repository. GraphQL requests name the repository.
   */
  concurrentRefMove?: boolean | ConcurrentRefMove;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

export interface InjectedFault {
  readonly spec: FaultSpec;
  /** Matching requests it has yet to apply to. */
  readonly remaining: number;
}

export interface ConcurrentRefMove {
  /** "owner/name"; needed for GraphQL, where the path names no repository. */
  repo?: string;
  branch?: string;
  /** What the other writer commits (default: one new file under .sandbox-concurrent/). */
  files?: Record<string, string>;
}
