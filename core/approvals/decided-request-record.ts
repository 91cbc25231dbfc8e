import { REQUEST_FORMAT, type ApprovalRequest } from "./approval-request.js";
import { countApprovals } from "./count-approvals.js";
import type { LifecycleRequest } from "./request-lifecycle.js";

/**
 * The record `requests/<id>.json` of an approved request, before the app
 * signs it: what `forget --approval`, prune and the restore action check.
 * Only the approvals that count are kept (digest-bound, not the requester,
 * no bot, in time), with what checkApproval reads; the comment and delivery
 * ids stay in the state revisions. The state is `approved`: the record says
 * what was allowed, the execution record says that it ran.
 */
export function decidedRequestRecord(
  request: LifecycleRequest,
): Omit<ApprovalRequest, "signature"> {
  return {
    format: REQUEST_FORMAT,
    id: request.id,
    action: request.action,
    subject: {
      environment: request.subject.environment,
      snapshots: [...request.subject.snapshots].sort(),
      ...(request.subject.paths ? { paths: [...request.subject.paths] } : {}),
      policyDigest: request.subject.policyDigest,
    },
    digest: request.digest,
    requester: { id: request.requester.id, login: request.requester.login },
    ...(request.reason !== null ? { reason: request.reason } : {}),
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    approvals: countApprovals(request).map((approval) => ({
      user: { id: approval.user.id, login: approval.user.login },
      at: approval.at,
      digest: approval.digest,
    })),
    state: "approved",
  };
}
