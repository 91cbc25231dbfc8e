import type { Phase } from "../types.js";

/**
 * The normalised, typed policy: what every capability works on. Keys are
 * camelCase, durations are milliseconds, dates are epoch milliseconds (UTC),
 * defaults are filled in. It is plain JSON data so its digest is stable.
 */

export interface WriterKeyRule {
  key: string;
  /** Inclusive start, epoch ms; null when unbounded. */
  validFromMs: number | null;
  /** Exclusive end, epoch ms (a bare date is valid through that UTC day); null when unbounded. */
  validUntilMs: number | null;
}

/** A key epoch: a recipient set that seals new snapshots of some tiers for a period. */
export interface KeyEpoch {
  name: string;
  recipients: string[];
  /** The tiers it applies to; null for every tier. */
  tiers: string[] | null;
  /** Inclusive start, epoch ms; null when unbounded. */
  validFromMs: number | null;
  /** Exclusive end, epoch ms (a bare date is valid through that UTC day); null when unbounded. */
  validUntilMs: number | null;
}

/** The calendar rules restic also has a --keep-within-<rule> flag for. */
export type WithinBucketRule = "hourly" | "daily" | "weekly" | "monthly" | "yearly";

export const WITHIN_BUCKET_RULES: readonly WithinBucketRule[] = [
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly",
];

/** Counts of restic's bucket rules: 0 = off, -1 = unlimited. */
export interface KeepRules {
  last: number;
  hourly: number;
  daily: number;
  weekly: number;
  monthly: number;
  yearly: number;
  /** 0 = off. */
  withinMs: number;
  /**
   * restic's --keep-within-hourly/daily/weekly/monthly/yearly: the newest
   * snapshot of each bucket newer than (newest snapshot - duration), in ms.
   * Absent or 0 = off.
   */
  withinBucketsMs?: Partial<Record<WithinBucketRule, number>>;
  /** Snapshots with any of these tags are kept. */
  tags: string[];
}

export interface RetentionFloor {
  /** 0 = off. */
  minAgeMs: number;
  minCount: number;
  tags: string[];
  legalHold: { reason: string; sinceMs: number | null } | null;
}

export interface RetentionPolicy {
  keep: KeepRules;
  floor: RetentionFloor;
  /**
   * S3 Object Lock mode for this tier's objects in an s3:// store, retained for
   * floor.minAgeMs; absent = none (absent, not null, so older policies keep their digest).
   */
  objectLock?: { mode: "COMPLIANCE" | "GOVERNANCE" };
}

export interface Tier {
  name: string;
  /** 0 = most critical (tier-0). */
  level: number;
  maxAgeMs: number;
  approvals: number;
  requestTtlMs: number;
  /** null = no restore-level verification required. */
  restoreVerificationMs: number | null;
  retention: RetentionPolicy;
  /** Recovery time objective for drills, ms; absent = none (absent, not null, so older policies keep their digest). */
  rtoMs?: number;
  /** Recovery point objective for drills (the drilled snapshot's age), ms; absent = none. */
  rpoMs?: number;
  /** The gate needs a passing drill within this interval, ms; absent = no drill needed. */
  drillIntervalMs?: number;
  /** The drill within drillIntervalMs must be signed off by roles.ops and roles.security; absent = not needed. */
  drillSignoff?: true;
}

export interface Environment {
  name: string;
  tier: string;
  releaseBranches: string[];
  restoreWorkflow: string | null;
  snapshotWorkflow: string | null;
  /** Globs of in-scope files; null = every file. */
  paths: string[] | null;
}

export interface Component {
  name: string;
  paths: string[];
  /** null = the environment's tier. */
  tier: string | null;
  owner: string | null;
  secret: boolean;
  /** null = every environment. */
  environments: string[] | null;
}

export interface PolicyException {
  /** Position in the policy's exceptions list, for messages. */
  index: number;
  paths: string[];
  reason: string;
  acceptedBy: string[];
  /** The text written in the policy. */
  expires: string;
  /** Exclusive end, epoch ms. */
  expiresAtMs: number;
  /** null = every environment. */
  environments: string[] | null;
}

export type ValueFormat = "yaml" | "json" | "env" | "text";

export interface ValueRef {
  file: string;
  path: string | null;
  /** As written; null = from the file name. */
  format: ValueFormat | null;
}

export interface ConsistencyRule {
  name: string;
  left: ValueRef;
  right: ValueRef | null;
  rule: "equal" | "semver" | "regex";
  pattern: string | null;
  range: string | null;
}

export interface ChangeTicketEndpoint {
  url: string;
  timeoutMs: number;
  /** Name of the environment variable holding the bearer token; the edge reads it. */
  tokenEnv: string | null;
}

export interface ChangeTicketPolicy {
  requiredFor: Record<string, Phase[]>;
  pattern: string;
  endpoint: ChangeTicketEndpoint | null;
}

export interface Roles {
  restorers: string[];
  approvers: string[];
  auditors: string[];
  /** Who signs off drills for operations (/snapgate signoff); absent when the policy does not say. */
  ops?: string[];
  /** Who signs off drills for security; absent when the policy does not say. */
  security?: string[];
}

/** What the restore environment's protection rule releases besides dispatched restore runs. */
export interface RestoreEnvironmentPolicy {
  /** Workflow file names (in .github/workflows) whose scheduled default-branch runs may use it. */
  scheduledWorkflows: string[];
}

export interface Alerts {
  lateAfterMs: number;
  consecutiveFailures: number;
}

export interface Policy {
  /** Files the policy was read from, the entry file first (not part of the digest). */
  sources: string[];
  backup: { repository: string; branch: string } | null;
  keys: {
    recipients: string[];
    writers: WriterKeyRule[];
    /** Key epochs (keys.epochs); absent when the policy names none. */
    epochs?: KeyEpoch[];
    /** App verify keys (sga1...) that sign request records; absent when the policy lists none. */
    app?: string[];
  };
  tiers: Record<string, Tier>;
  environments: Record<string, Environment>;
  components: Component[];
  /** The policy's own exclude globs (the defaults are added by isExcluded). */
  exclude: string[];
  exceptions: PolicyException[];
  consistency: ConsistencyRule[];
  changeTickets: ChangeTicketPolicy | null;
  roles: Roles;
  alerts: Alerts;
  /** restore_environment; absent when the policy does not set it (so older policies keep their digest). */
  restoreEnvironment?: RestoreEnvironmentPolicy;
}
