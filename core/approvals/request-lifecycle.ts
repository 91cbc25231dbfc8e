import type { AuditEventInput } from "../audit/audit-event.js";
import type {
  Approval,
  RequestAction,
  RequestState,
  RequestSubject,
  RequestUser,
} from "./approval-request.js";
import type { RequestQuorum } from "./request-quorum.js";

/**
 * The types of a request's life in the app (docs/adr/0605). The app keeps no
 * database: this state is cached in the request's status comment and the
 * record the app writes to the backup repository is the source of truth.
 */

/** An approval as the app recorded it: the comment it came from can revoke it. */
export interface RecordedApproval extends Approval {
  commentId: number;
  deliveryId: string;
}

export interface RecordedDenial {
  user: RequestUser;
  at: string;
  digest: string;
  commentId: number;
  reason: string | null;
}

/**
 * A request's state in the app: the decided-record states, plus `dispatched`
 * (its restore workflow run was started and has not finished) and `failed`
 * (dispatching failed, or the run ended without success). Both mean it ran
 * its one chance.
 */
export type LifecycleState = RequestState | "dispatched" | "failed";

/** The restore workflow run the app dispatched for a request (signed with the state). */
export interface RequestRun {
  /** The workflow file, e.g. snapgate-restore.yml. */
  workflow: string;
  /** The branch it was dispatched on (the repository's default branch). */
  ref: string;
  /** The issue or pull request the request lives in (its status comment is there). */
  issue: number;
  /** GitHub's run id and link; null when dispatching failed before GitHub answered. */
  id: number | null;
  url: string | null;
  dispatchedAt: string;
  /** The run's conclusion once it completed (success, failure, cancelled, ...); null while it runs. */
  conclusion: string | null;
  completedAt: string | null;
}

export interface LifecycleRequest {
  v: 1;
  id: string;
  action: RequestAction;
  /** Environment, snapshot ids (sha256 of their manifests), paths and policy digest. */
  subject: RequestSubject;
  /** requestDigest of the request: what every approval is bound to. */
  digest: string;
  requester: RequestUser;
  reason: string | null;
  /** The comment that asked for it: editing or deleting it cancels the request. */
  commentId: number;
  createdAt: string;
  expiresAt: string;
  quorum: RequestQuorum;
  approvals: RecordedApproval[];
  denials: RecordedDenial[];
  state: LifecycleState;
  /** The restore run, once the app dispatched it (absent before). */
  run?: RequestRun;
  /** Why it left pending/approved without running, and who (null: the app itself). */
  closed: { by: RequestUser | null; at: string; reason: string } | null;
}

/** Why a command changed nothing. */
export type RefusalReason =
  | "bot"
  | "not-eligible"
  | "self-approval"
  | "duplicate-approval"
  | "wrong-request"
  | "wrong-environment"
  | "no-request"
  | "expired"
  | "policy-changed"
  | "already-executed"
  | "not-pending"
  | "not-requester"
  | "locked"
  | "not-locked"
  | "tampered"
  | "backup-unverified"
  | "dry-run"
  | "unsupported";

/** Reactions the app puts on the command comment. */
export type Reaction = "+1" | "-1" | "confused" | "rocket" | "eyes";

/** What a transition decided: the new state, one reply, reactions and audit events to append. */
export interface Transition<S> {
  state: S;
  reply: string;
  reactions: Reaction[];
  auditEvents: AuditEventInput[];
  /** null when the command took effect. */
  refusal: RefusalReason | null;
}

/** `/snapgate lock --env ENV`: restores of ENV are refused until someone unlocks it. */
export interface EnvironmentLock {
  environment: string;
  by: RequestUser;
  reason: string | null;
  at: string;
  commentId: number;
}
