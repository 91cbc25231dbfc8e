import type { LifecycleRequest, RecordedApproval } from "./request-lifecycle.js";

/**
 * The approvals that count toward the quorum: bound to the request's digest,
 * not by the requester, not by a bot, made while the request was open, one
 * per numeric user id (the first). Eligibility is the caller's live check.
 */
export function countApprovals(
  request: Pick<LifecycleRequest, "approvals" | "digest" | "requester" | "createdAt" | "expiresAt">,
): RecordedApproval[] {
  const created = Date.parse(request.createdAt);
  const expires = Date.parse(request.expiresAt);
  const seen = new Set<number>();
  const counted: RecordedApproval[] = [];
  for (const approval of request.approvals) {
    const at = Date.parse(approval.at);
    if (approval.digest !== request.digest) continue;
    if (approval.user.id === request.requester.id) continue;
    if (approval.user.login.endsWith("[bot]")) continue;
    if (!(at >= created && at < expires)) continue;
    if (seen.has(approval.user.id)) continue;
    seen.add(approval.user.id);
    counted.push(approval);
  }
  return counted;
}
