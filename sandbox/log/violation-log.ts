/**
 * Why a test must fail though its requests got answers: a request GitHub's
 * description forbids, a route the sandbox does not serve, a GraphQL field it
 * does not implement, or a response the sandbox got wrong (a sandbox bug).
 */
export interface Violation {
  kind: "invalid-request" | "unexpected-route" | "unsupported" | "invalid-response";
  method: string;
  path: string;
  operationId: string | null;
  problems: string[];
}

export class ViolationLog {
  private readonly entries: Violation[] = [];

  record(violation: Violation): void {
    this.entries.push(violation);
  }

  all(): readonly Violation[] {
    return [...this.entries];
  }

  /** Returns and forgets the violations, for tests that send bad requests on purpose. */
  take(): Violation[] {
    return this.entries.splice(0);
  }
}
