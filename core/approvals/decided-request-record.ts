import { REQUEST_FORMAT, type ApprovalRequest } from "./approval-request.js";
import { countApprovals } from "./count-approvals.js";
import type { LifecycleRequest } from "./request-lifecycle.js";

/**
 * The decided record (`requests/<id>.json`) of an approved request, before
 * the app signs it: what the restore action checks. Only the approvals that
 * count are carried, each with the digest it was given for; the state is
 * `approved` (the action claims the execution record when it runs).
 */
export function decidedRequestRecord(
  request: LifecycleRequest,
): Omit<ApprovalRequest, "signature"> {
  return {
    format: REQUEST_FORMAT,
    id: request.id,
    action: request.action,
    subject: {
      ...request.subject,
      snapshots: [...request.subject.snapshots],
      ...(request.subject.paths ? { paths: [...request.subject.paths] } : {}),
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
