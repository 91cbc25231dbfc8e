import type { AlertIssueRecord, CanarySummary } from "./alert-issue-record.js";
/** The monthly compliance report: what `snapgate report` computes and renders. */

export interface LatePeriod {
  /** When the environment became late: its newest snapshot plus max_age plus alerts.late_after. */
  raisedAt: string;
  /** The next snapshot's time; null = still late at the end of the period. */
  resolvedAt: string | null;
}

export interface ReportDrill {
  path: string;
  time: string;
  seq: number;
  ok: boolean;
  /** The signature verifies with keys.writers. */
  trusted: boolean;
  rtoMs: number | null;
  rtoSlaMs: number | null;
  rtoMet: boolean | null;
  rpoMs: number | null;
  rpoSlaMs: number | null;
  rpoMet: boolean | null;
  /** Its sign-offs as people read them ("ops: @olivia (2026-11-27)"), app-signed ones only. */
  signoffs: string[];
  /** Signed off by both roles (ops and security), and the drill record itself verifies. */
  signedOff: boolean;
}

export interface ReportEnvironment {
  environment: string;
  tier: string | null;
  /** Snapshots whose time falls in the month. */
  snapshots: number;
  /** The newest snapshot at the end of the month. */
  latestAtEnd: { seq: number; time: string } | null;
  coverage: { state: "pass" | "fail" | "unknown" | "none"; missingComponents: string[] };
  /** Age of the newest snapshot at the end of each day (ms; null = none yet). */
  backupAge: Array<{ day: string; ageMs: number | null }>;
  /** Verification records and drills of the month. */
  checks: { total: number; ok: number };
  retention: {
    /** Snapshots held at the end of the month (taken by then, not forgotten by then). */
    held: number;
    forgottenInMonth: number;
    minCount: number;
    legalHold: string | null;
    adheres: boolean;
    problems: string[];
  };
  drills: ReportDrill[];
  alerts: LatePeriod[];
}

export interface ReportEvent {
  time: string;
  type: string;
  stream: string | null;
  seq: number | null;
  actor: string;
  approvers: string[];
  request: string | null;
}

export interface ReportException {
  index: number;
  paths: string[];
  reason: string;
  acceptedBy: string[];
  expires: string;
  /** Expired by the end of the month. */
  expired: boolean;
  expiresInMonth: boolean;
}

export interface MonthlyReport {
  month: string;
  from: string;
  /** Exclusive end of the period: the month's end, or the time of the report when earlier. */
  until: string;
  generatedAt: string;
  store: string;
  environments: ReportEnvironment[];
  /** Per tier: environments, and how many have full coverage at the end of the month. */
  tiers: Array<{ tier: string; environments: number; covered: number }>;
  restores: ReportEvent[];
  deletions: ReportEvent[];
  exceptions: ReportException[];
  /** Alert issues open at some time in the period, from the audit log (ADR 1204). */
  alertIssues: AlertIssueRecord[];
  canary: CanarySummary;
  totals: {
    snapshots: number;
    drills: number;
    drillsPassed: number;
    /** Drills of the month signed off by ops and security. */
    drillsSignedOff: number;
    restores: number;
    deletions: number;
    alertsRaised: number;
    alertsResolved: number;
    /** From the audit log: alert issues opened and closed in the period. */
    alertIssuesRaised: number;
    alertIssuesResolved: number;
  };
}
