/** An alert issue as the audit log tells it: opened, updated, resolved (ADR 1204). */
export interface AlertIssueRecord {
  environment: string;
  problem: string;
  /** owner/repo of the issue. */
  repository: string;
  issue: number;
  url: string | null;
  raisedAt: string;
  /** null: still open at the end of the period. */
  resolvedAt: string | null;
  /** `alert.updated` events up to the end of the period. */
  updates: number;
}

/** The synthetic canary's runs in a period (`canary.checked` events). */
export interface CanarySummary {
  runs: number;
  passed: number;
  failed: number;
  lastFailure: string | null;
}
