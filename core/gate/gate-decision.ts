import type { ConsistencyOutcome } from "../types.js";
import type { RecipientGap } from "../snapshot/recipient-gaps.js";
import type { Policy } from "../policy/policy.js";
import type { EnvironmentLock } from "../approvals/request-lifecycle.js";
import type { DrillFact } from "./drill-fact.js";

/** Facts about the newest snapshot of the environment, gathered by the caller from the store. */
export type SignatureFact =
  | { state: "ok"; key: string }
  | { state: "unknown-key"; key: string }
  | { state: "bad"; key?: string; detail?: string };

export type ChainFact = { state: "ok" } | { state: "broken"; atSeq: number; detail?: string };

export interface SnapshotFacts {
  id: string;
  seq: number;
  /** The snapshot's time (ISO 8601). */
  time: string;
  /** When its manifest was written; freshness uses the earlier of the two, so --time cannot make a snapshot look newer than it is. */
  writtenAt?: string;
  /** null = could not be checked (unknown, so the gate fails). */
  signature: SignatureFact | null;
  chain: ChainFact | null;
  /** Blob ids that are absent or whose ciphertext sha256 does not match; null = not checked. */
  missingBlobs: string[] | null;
  /** Files some listed recipient cannot open, as the manifest records it; null = not checked. */
  recipientGaps: RecipientGap[] | null;
  /** Components with at least one file in the snapshot. */
  components: string[];
  /** Tier-0 paths the snapshot job found in no component and no active exception; null = not recorded. */
  uncoveredTier0Paths: string[] | null;
  /** The consistency outcomes recorded in the manifest; null = none recorded. */
  consistency: ConsistencyOutcome[] | null;
}

/** The environment's lock (`/snapgate lock`), from its newest app-signed lock revision. */
export type LockFact =
  | { state: "unlocked" }
  | { state: "locked"; lock: EnvironmentLock }
  /** A lock record that is not the app's, or was altered: never read as unlocked. */
  | { state: "untrusted"; detail: string; fix: string | null };

export interface GateInput {
  policy: Policy;
  environment: string;
  now: Date;
  /** null = the environment has no snapshot. */
  snapshot: SnapshotFacts | null;
  /** Time (ISO 8601) of the newest restore-level verification or drill of the environment; null = none. */
  lastRestoreVerification: string | null;
  /**
   * Set when the newest restore-level verification of the environment failed
   * (a passing one older than it does not make up for it).
   */
  failedRestoreVerification?: { time: string; snapshot: string; detail: string } | null;
  /** Absent: not read (the lock is then not a condition). */
  lock?: LockFact;
  /** The newest drill, for tiers with drill_interval; null = none; absent = not read (unknown). */
  drill?: DrillFact | null;
}

export type ConditionState = "pass" | "fail" | "unknown";

export type ConditionName =
  | "policy"
  /** The backup repository could not be read (the app's check run; the CLI reports an error instead). */
  | "store"
  | "environment"
  | "snapshot"
  | "signature"
  | "chain"
  | "blobs"
  | "freshness"
  | "coverage"
  | "exceptions"
  | "consistency"
  | "restore-verification"
  /** The environment is locked (`/snapgate lock`), or its lock record cannot be trusted. */
  | "lock"
  /** Tiers with drill_interval: a passing, signed drill within the interval. */
  | "drill";

export interface GateCondition {
  name: ConditionName;
  state: ConditionState;
  detail: string;
  /** What to do; null when the condition passes. */
  fix: string | null;
  /** Files that cause a failure, for check run annotations. */
  paths?: string[];
  /** Where in a file the cause is (an invalid policy's lines), for check run annotations. */
  locations?: Array<{ file: string; line: number | null; message: string }>;
}

export interface GateDecision {
  environment: string;
  /** Unknown is failure: success needs every condition to pass. */
  conclusion: "success" | "failure";
  /** One line for a check run title. */
  summary: string;
  conditions: GateCondition[];
}
