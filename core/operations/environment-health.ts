import type { SignoffRole } from "./drill-signoff-path.js";
/** One environment's health, as `snapgate health`, the report and the dashboard show it. */
export type HealthProblemKind =
  | "no-snapshot"
  | "late"
  | "failures"
  | "coverage"
  | "drift"
  | "drill-failed"
  | "replica-behind"
  | "replica-diverged"
  | "unknown-environment";

export interface HealthProblem {
  kind: HealthProblemKind;
  message: string;
  fix: string;
}

/** A recorded outcome: a verification record or a drill, by its name. */
export interface HealthOutcome {
  kind: "verification" | "drill";
  time: string;
  ok: boolean;
  /**
   * The newest drill's sign-offs present, by role, from their file names (the
   * gate and the report check the app signatures); absent where the tier asks
   * for none and none was given.
   */
  signoffs?: SignoffRole[];
}

export interface DriftSummary {
  drifted: boolean;
  added: number;
  removed: number;
  changed: number;
}

export interface ReplicaLag {
  location: string;
  /** The replica's newest seq of the environment (0: none). */
  seq: number;
  /** Snapshots this store has that the replica lacks. */
  behind: number;
  /** How long the oldest snapshot the replica lacks has been written (0 when it lacks none). */
  lagMs: number;
  /** The replica's newest snapshot is not this store's at that seq. */
  diverged: boolean;
}

export interface EnvironmentHealth {
  environment: string;
  tier: string | null;
  latest: { id: string; seq: number; time: string; ageMs: number } | null;
  /** Snapshots not forgotten. */
  snapshots: number;
  /** The schedule: a new snapshot is due max_age after the latest, and late alerts.late_after after that. */
  maxAgeMs: number | null;
  dueAt: string | null;
  lateAt: string | null;
  late: boolean;
  /** The current run of passing or failing outcomes (verifications and drills), newest first. */
  streak: { ok: boolean; length: number; since: string } | null;
  /** alerts.consecutive_failures: a failure streak this long alerts. */
  failureThreshold: number;
  coverage: {
    state: "pass" | "fail" | "unknown";
    missingComponents: string[];
    uncoveredTier0: number;
  };
  lastVerification: HealthOutcome | null;
  lastDrill: HealthOutcome | null;
  drift: DriftSummary | null;
  /** With a replica (`health --replica`): how far it trails this store. */
  replica?: ReplicaLag;
  problems: HealthProblem[];
  healthy: boolean;
}
