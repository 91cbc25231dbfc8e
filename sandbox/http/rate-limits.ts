interface Window {
  used: number;
  resetAt: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  resource: string;
}

/**
 * GitHub's primary rate limit: a budget of requests per hour per token and
 * resource (core, graphql), reported on every answer in x-ratelimit-* headers.
 */
export class RateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perHour: number) {}

  /** Counts one request; `exceeded` when the budget was already spent. */
  consume(
    key: string,
    resource: string,
    nowSeconds: number,
  ): RateLimitState & { exceeded: boolean } {
    const limit = key === "anonymous" ? Math.min(60, this.perHour) : this.perHour;
    const windowKey = `${resource}:${key}`;
    let window = this.windows.get(windowKey);
    if (!window || window.resetAt <= nowSeconds) {
      window = { used: 0, resetAt: nowSeconds + 3600 };
      this.windows.set(windowKey, window);
    }
    const exceeded = window.used >= limit;
    if (!exceeded) window.used += 1;
    return {
      limit,
      remaining: limit - window.used,
      used: window.used,
      reset: window.resetAt,
      resource,
      exceeded,
    };
  }

  static headers(state: RateLimitState): Record<string, string> {
    return {
      "x-ratelimit-limit": String(state.limit),
      "x-ratelimit-remaining": String(state.remaining),
      "x-ratelimit-reset": String(state.reset),
      "x-ratelimit-used": String(state.used),
      "x-ratelimit-resource": state.resource,
    };
  }
}
