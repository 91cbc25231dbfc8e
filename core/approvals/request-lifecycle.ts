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
  state: RequestState;
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
