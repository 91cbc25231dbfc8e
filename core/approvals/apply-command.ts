import type { Policy } from "../policy/policy.js";
import { policyDigest } from "../policy/policy-digest.js";
import { REQUEST_FORMAT, type RequestAction, type RequestUser } from "./approval-request.js";
import type { CommentCommand } from "./comment-command.js";
import { countApprovals } from "./count-approvals.js";
import { decideEligibility, type EligibilityFacts } from "./decide-eligibility.js";
import { requestAuditEvent } from "./request-audit-event.js";
import { requestDigest } from "./request-digest.js";
import type {
  EnvironmentLock,
  LifecycleRequest,
  RefusalReason,
  Transition,
} from "./request-lifecycle.js";
import { requestQuorum } from "./request-quorum.js";

/** What the edge gathered, live, for one command. */
export interface CommandFacts {
  deliveryId: string;
  /** The comment holding the command (it can revoke what it did). */
  commentId: number;
  /** The current policy: its digest binds approvals, its tiers set the quorum. */
  policy: Policy;
  /** The actor's live eligibility, in the role the command needs (restorer to ask, approver to approve or deny). */
  eligibility: EligibilityFacts;
  /** The lock of the request's environment, if any. */
  lock: EnvironmentLock | null;
  /** Creating a restore or forget: the new request's id and what it resolved to. */
  create?: {
    id: string;
    /** The environment (stream) of the resolved snapshots, as their manifests say. */
    environment: string;
    /** Snapshot ids (sha256 of their manifests). */
    snapshots: string[];
    /** The files of those snapshots: the most critical one the paths match sets the quorum. */
    files: string[];
  };
}

/**
 * One comment command's effect on one request: `restore` and `forget`
 * create it (state null before), `approve`, `deny` and `cancel` move it.
 * Pure: the edge gathers the facts (live eligibility, lock, policy) and
 * writes the result (status comment, reply, reactions, audit events).
 * Every refusal leaves the request as it was, except that a request found
 * expired, or asked under another policy, is closed on the way.
 */
export function applyCommand(
  request: LifecycleRequest | null,
  command: CommentCommand,
  actor: RequestUser,
  facts: CommandFacts,
  now: Date,
): Transition<LifecycleRequest | null> {
  if (command.name === "restore" || command.name === "forget")
    return create(request, command.name, command, actor, facts, now);
  if (command.name !== "approve" && command.name !== "deny" && command.name !== "cancel")
    return refused(request, "unsupported", `\`${command.name}\` does not change a request.`);
  if (request === null)
    return refused(
      null,
      "no-request",
      `There is no request ${command.args["request"] ?? ""} here. Check the id in the request's status comment.`,
    );
  if (command.args["request"] !== request.id)
    return refused(
      request,
      "wrong-request",
      `This is request ${request.id}; your command names ${command.args["request"] ?? "no request"}. Nothing was recorded: repeat it on the status comment of the request you mean.`,
    );
  if (request.state === "executed" || request.state === "dispatched" || request.state === "failed")
    return refused(
      request,
      "already-executed",
      `Request ${request.id} already ran (${request.state}); a request runs once.`,
    );
  if (request.state !== "pending" && request.state !== "approved")
    return refused(
      request,
      "not-pending",
      `Request ${request.id} is ${request.state}${request.closed ? ` (${request.closed.reason})` : ""}. Ask for a new one if it is still needed.`,
    );
  const closedNow = staleness(request, facts.policy, now, facts.deliveryId);
  if (closedNow) return closedNow;

  if (command.name === "cancel") {
    if (actor.id !== request.requester.id)
      return refused(
        request,
        "not-requester",
        `Only @${request.requester.login}, who asked, can cancel request ${request.id}; approvers deny instead (\`/snapgate deny ${request.id} --reason ...\`).`,
      );
    const next = close(request, "cancelled", actor, now, "cancelled by the requester");
    return {
      state: next,
      reply: `Request ${request.id} is cancelled.`,
      reactions: ["+1"],
      auditEvents: [requestAuditEvent("request.cancelled", request, actor, facts.deliveryId, now)],
      refusal: null,
    };
  }

  const ineligible = decideEligibility(actor, facts.eligibility, "approver");
  if (ineligible !== null)
    return refusedAudited(
      request,
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `Not recorded: ${ineligible}.`,
      actor,
      facts.deliveryId,
      now,
    );
  if (actor.id === request.requester.id)
    return refusedAudited(
      request,
      "self-approval",
      `Not recorded: you asked for request ${request.id}, so you cannot ${command.name} it. ${command.name === "deny" ? `Cancel it instead (\`/snapgate cancel ${request.id}\`).` : "Other eligible approvers must approve it."}`,
      actor,
      facts.deliveryId,
      now,
    );

  if (command.name === "deny") {
    const next: LifecycleRequest = {
      ...close(request, "denied", actor, now, `denied by @${actor.login}`),
      denials: [
        ...request.denials,
        {
          user: { id: actor.id, login: actor.login },
          at: now.toISOString(),
          digest: request.digest,
          commentId: facts.commentId,
          reason: command.reason,
        },
      ],
    };
    return {
      state: next,
      reply: `Request ${request.id} is denied by @${actor.login}${command.reason ? `: ${command.reason}` : ""}. One eligible deny blocks it; ask for a new request if it is still needed.`,
      reactions: ["-1"],
      auditEvents: [
        requestAuditEvent("request.denied", request, actor, facts.deliveryId, now, {
          reason: command.reason,
        }),
      ],
      refusal: null,
    };
  }

  if (request.action === "restore" && facts.lock !== null)
    return refusedAudited(request, "locked", lockedReply(facts.lock), actor, facts.deliveryId, now);
  if (request.approvals.some((approval) => approval.user.id === actor.id))
    return refused(
      request,
      "duplicate-approval",
      `@${actor.login} already approved request ${request.id}; each person counts once.`,
    );
  const approvals = [
    ...request.approvals,
    {
      user: { id: actor.id, login: actor.login },
      at: now.toISOString(),
      digest: request.digest,
      commentId: facts.commentId,
      deliveryId: facts.deliveryId,
    },
  ];
  const counted = countApprovals({ ...request, approvals }).length;
  const state = counted >= request.quorum.required ? "approved" : "pending";
  return {
    state: { ...request, approvals, state },
    reply:
      state === "approved"
        ? `Request ${request.id} is approved (${counted} of ${request.quorum.required}). It runs once, after everything is checked again.`
        : `Approval by @${actor.login} recorded: ${counted} of ${request.quorum.required}.`,
    reactions: state === "approved" ? ["+1", "rocket"] : ["+1"],
    auditEvents: [
      requestAuditEvent("request.approved", request, actor, facts.deliveryId, now, {
        approvals: counted,
        required: request.quorum.required,
      }),
    ],
    refusal: null,
  };
}

function create(
  request: LifecycleRequest | null,
  action: RequestAction,
  command: CommentCommand,
  actor: RequestUser,
  facts: CommandFacts,
  now: Date,
): Transition<LifecycleRequest | null> {
  if (command.dryRun)
    return refused(request, "dry-run", "A dry run asks for nothing; no request was created.");
  if (request !== null || facts.create === undefined)
    return refused(
      request,
      "unsupported",
      "A request is created once, from a new command comment.",
    );
  const ineligible = decideEligibility(actor, facts.eligibility, "restorer");
  if (ineligible !== null)
    return refused(
      null,
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `No request created: ${ineligible}.`,
    );
  // The snapshots' own stream decides: a forget by snapshot id names no environment.
  const environment = facts.create.environment;
  if (command.environment !== null && command.environment !== environment)
    return refused(
      null,
      "wrong-environment",
      `The snapshot is of ${environment}, but the command says ${command.environment}. Name a snapshot of ${command.environment}, or drop --env.`,
    );
  if (action === "restore" && facts.lock !== null)
    return refused(null, "locked", lockedReply(facts.lock));
  const paths = action === "restore" ? [...command.paths] : [];
  const quorum = requestQuorum(facts.policy, environment, facts.create.files, paths);
  const requester = { id: actor.id, login: actor.login };
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + quorum.ttlMs).toISOString();
  const subject = {
    environment,
    snapshots: [...facts.create.snapshots].sort(),
    ...(action === "restore" ? { paths } : {}),
    policyDigest: `sha256:${policyDigest(facts.policy)}`,
  };
  const id = facts.create.id;
  const digest = requestDigest({
    format: REQUEST_FORMAT,
    id,
    action,
    subject,
    requester,
    createdAt,
    expiresAt,
  });
  const next: LifecycleRequest = {
    v: 1,
    id,
    action,
    subject,
    digest,
    requester,
    reason: command.reason,
    commentId: facts.commentId,
    createdAt,
    expiresAt,
    quorum,
    approvals: [],
    denials: [],
    state: quorum.required <= 0 ? "approved" : "pending",
    closed: null,
  };
  return {
    state: next,
    reply: `Request ${id} created: ${action} in ${environment} needs ${quorum.required} approval(s) from eligible approvers other than @${actor.login} (tier ${quorum.tier}${quorum.file ? `, set by ${quorum.file}` : ""}) before ${expiresAt}. Approve with \`/snapgate approve ${id}\`.`,
    reactions: ["+1"],
    auditEvents: [
      requestAuditEvent("request.created", next, actor, facts.deliveryId, now, {
        reason: command.reason,
        tier: quorum.tier,
        required: quorum.required,
        expiresAt,
      }),
    ],
    refusal: null,
  };
}

/** Closes a request that expired or whose policy changed; null when it is still live. */
function staleness(
  request: LifecycleRequest,
  policy: Policy,
  now: Date,
  deliveryId: string,
): Transition<LifecycleRequest> | null {
  if (!(now.getTime() < Date.parse(request.expiresAt))) {
    return {
      state: close(request, "expired", null, now, `expired at ${request.expiresAt}`),
      reply: `Request ${request.id} expired at ${request.expiresAt}; its approvals are void. Ask for a new request if it is still needed.`,
      reactions: ["confused"],
      auditEvents: [requestAuditEvent("request.expired", request, null, deliveryId, now)],
      refusal: "expired",
    };
  }
  if (request.subject.policyDigest !== `sha256:${policyDigest(policy)}`) {
    const reason = "the policy changed since it was asked; its approvals are void";
    return {
      state: close(request, "cancelled", null, now, reason),
      reply: `Request ${request.id} is void: ${reason}. Ask for a new request under the current policy.`,
      reactions: ["confused"],
      auditEvents: [
        requestAuditEvent("request.voided", request, null, deliveryId, now, { reason }),
      ],
      refusal: "policy-changed",
    };
  }
  return null;
}

function close(
  request: LifecycleRequest,
  state: "denied" | "cancelled" | "expired",
  by: RequestUser | null,
  now: Date,
  reason: string,
): LifecycleRequest {
  return {
    ...request,
    state,
    closed: { by: by && { id: by.id, login: by.login }, at: now.toISOString(), reason },
  };
}

function lockedReply(lock: EnvironmentLock): string {
  return `${lock.environment} is locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : ""}. Restores are refused until an approver runs \`/snapgate unlock --env ${lock.environment}\`.`;
}

function refused<S>(state: S, refusal: RefusalReason, reply: string): Transition<S> {
  return { state, reply, reactions: ["confused"], auditEvents: [], refusal };
}

/** A refused approval or deny is audited: who tried what matters for a review. */
function refusedAudited(
  request: LifecycleRequest,
  refusal: RefusalReason,
  reply: string,
  actor: RequestUser,
  deliveryId: string,
  now: Date,
): Transition<LifecycleRequest> {
  return {
    ...refused(request, refusal, reply),
    auditEvents: [
      requestAuditEvent("request.refused", request, actor, deliveryId, now, { refusal }),
    ],
  };
}
