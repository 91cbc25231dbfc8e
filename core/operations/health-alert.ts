/**
 * Alert issues: one GitHub issue per environment and problem, labelled
 * `snapgate-alert`, found again by a marker in its body (ADR 1204).
 */
export const ALERT_LABEL = "snapgate-alert";

/** A problem that should have an open alert issue now. */
export interface HealthAlert {
  environment: string;
  /** A health problem kind (`late`, `failures`, ...) or `canary`. */
  problem: string;
  message: string;
  fix: string;
  /**
   * What the problem's state is, apart from the clock (the late snapshot, the
   * streak's length): the issue is rewritten when it changes, not on every
   * run whose message only names a larger age. Default: the message.
   */
  revision?: string;
}

/** An issue carrying the alert label, as the port lists it. */
export interface AlertIssue {
  number: number;
  url: string;
  state: "open" | "closed";
  body: string;
}

/**
 * Where alert issues live, and the write-once claim that makes their
 * creation happen once however many runs race (an atomic ref creation in
 * the backup repository on GitHub).
 */
export interface AlertIssues {
  /** owner/repo, for messages and refs. */
  readonly where: string;
  /** Every issue with the alert label, open and closed. */
  list(): Promise<AlertIssue[]>;
  create(title: string, body: string): Promise<AlertIssue>;
  update(number: number, change: { body?: string; state?: "closed" }): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  /** True for exactly one caller per key (and again for that caller when it asks twice). */
  claim(key: string): Promise<boolean>;
}

export interface AlertChange {
  action: "opened" | "updated" | "resolved";
  environment: string;
  problem: string;
  issue: number;
  url: string;
}
