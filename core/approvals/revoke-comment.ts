import type { RequestUser } from "./approval-request.js";
import { countApprovals } from "./count-approvals.js";
import { requestAuditEvent } from "./request-audit-event.js";
import type { LifecycleRequest, Transition } from "./request-lifecycle.js";

export interface CommentChange {
  commentId: number;
  kind: "edited" | "deleted";
  /** Who edited or deleted it (a repository admin may edit other people's comments). */
  actor: RequestUser;
  deliveryId: string;
}

/**
 * Editing or deleting a comment revokes what it did: the comment that asked
 * cancels the request, an approval's comment withdraws that approval (an
 * approved request falls back to pending below its quorum). A deny stays:
 * withdrawing a block must not reopen a request someone stopped. Nothing
 * changes once the request ran or closed. A comment the request never used
 * changes nothing and is not audited.
 */
export function revokeComment(
  request: LifecycleRequest,
  change: CommentChange,
  now: Date,
): Transition<LifecycleRequest> {
  const unchanged = (reply: string): Transition<LifecycleRequest> => ({
    state: request,
    reply,
    reactions: [],
    auditEvents: [],
    refusal: null,
  });
  const open = request.state === "pending" || request.state === "approved";
  const actor = { id: change.actor.id, login: change.actor.login };
  const details = { commentId: change.commentId, change: change.kind };
  if (change.commentId === request.commentId) {
    if (!open) return unchanged("");
    return {
      state: {
        ...request,
        state: "cancelled",
        closed: {
          by: actor,
          at: now.toISOString(),
          reason: `the request's comment was ${change.kind}`,
        },
      },
      reply: `Request ${request.id} is cancelled: the comment that asked for it was ${change.kind}.`,
      reactions: [],
      auditEvents: [
        requestAuditEvent("request.revoked", request, actor, change.deliveryId, now, details),
      ],
      refusal: null,
    };
  }
  const revoked = request.approvals.filter((approval) => approval.commentId === change.commentId);
  if (revoked.length === 0 || !open) return unchanged("");
  const approvals = request.approvals.filter((approval) => approval.commentId !== change.commentId);
  const counted = countApprovals({ ...request, approvals }).length;
  const state = counted >= request.quorum.required ? "approved" : "pending";
  const who = revoked.map((approval) => `@${approval.user.login}`).join(", ");
  return {
    state: { ...request, approvals, state },
    reply: `The approval by ${who} is withdrawn: its comment was ${change.kind}. Request ${request.id} has ${counted} of ${request.quorum.required}.`,
    reactions: [],
    auditEvents: [
      requestAuditEvent("approval.revoked", request, actor, change.deliveryId, now, {
        ...details,
        approvers: revoked.map((approval) => ({
          login: approval.user.login,
          id: approval.user.id,
        })),
        approvals: counted,
      }),
    ],
    refusal: null,
  };
}
