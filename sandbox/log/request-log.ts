/** One request the sandbox received. */
export interface LoggedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The operation id ("git/create-tree", "graphql", "git-http"), or null for an unknown route. */
  operationId: string | null;
  status: number;
  /** The login behind the token, "app:<slug>" for an app JWT, null when anonymous or unknown. */
  actor: string | null;
  time: Date;
  /**
   * Milliseconds the sandbox spent on the request, from its body being read to
   * its answer being written (injected delays included): benchmarks subtract
   * it to measure the client's own time.
   */
  handlingMs: number;
  /** Set when an injected fault shaped the answer. */
  fault?: string;
}

/** Every request, in order of arrival, so tests can assert exact API call counts. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  all(): readonly LoggedRequest[] {
    return [...this.entries];
  }

  reset(): void {
    this.entries.splice(0);
  }

  /** How many requests had this operation id (all requests without one). */
  count(operationId?: string): number {
    return operationId === undefined
      ? this.entries.length
      : this.entries.filter((entry) => entry.operationId === operationId).length;
  }

  /** Milliseconds the sandbox spent on the logged requests (see LoggedRequest.handlingMs). */
  handlingMs(): number {
    return this.entries.reduce((sum, entry) => sum + entry.handlingMs, 0);
  }

  /** Requests per operation id, e.g. { "git/create-tree": 1, "git/update-ref": 1 }. */
  countsByOperation(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.entries) {
      const key = entry.operationId ?? "(unknown route)";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}
