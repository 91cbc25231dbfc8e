import type { Policy } from "../policy/policy.js";
import { policyDigest } from "../policy/policy-digest.js";
import { REQUEST_FORMAT, type RequestUser } from "./approval-request.js";
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

/** Everything checked again, live, right before the app dispatches an approved request. */
export interface DispatchFacts {
  deliveryId: string;
  policy: Policy;
  /** Each approver's live eligibility as an approver now, by numeric user id (missing: not eligible). */
  approvers: ReadonlyMap<number, EligibilityFacts>;
  /** The environment's lock, if any. */
  lock: EnvironmentLock | null;
  /** The backup's signatures, hashes and chain verified for each snapshot the request names. */
  backupVerified: boolean;
  /** The store already holds an execution record for this request. */
  executed: boolean;
}

/**
 * Whether an approved request may run now. Everything is checked again, not
 * trusted from the moment of the last approval: the state, the expiry, the
 * digest against the request's contents and the current policy, each
 * approval's live eligibility, the lock, that the backup verifies and that it
 * never ran. Every reason it may not is listed. When it may, the request
 * becomes dispatched, so it runs once; the edge claims the request (an
 * atomic ref creation in the backup repository) before acting.
 */
export function decideDispatch(
  request: LifecycleRequest,
  facts: DispatchFacts,
  now: Date,
): Transition<LifecycleRequest> & { dispatch: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const codes: RefusalReason[] = [];
  const refuse = (code: RefusalReason, reason: string) => {
    codes.push(code);
    reasons.push(reason);
  };
  if (
    facts.executed ||
    request.state === "executed" ||
    request.state === "dispatched" ||
    request.state === "failed"
  )
    refuse("already-executed", "it already ran; a request runs once");
  else if (request.state !== "approved")
    refuse("not-pending", `it is ${request.state}, not approved`);
  if (!(now.getTime() < Date.parse(request.expiresAt)))
    refuse("expired", `it expired at ${request.expiresAt}`);
  if (requestDigest({ format: REQUEST_FORMAT, ...request }) !== request.digest)
    refuse("tampered", "its digest does not match its contents");
  if (request.subject.policyDigest !== `sha256:${policyDigest(facts.policy)}`)
    refuse("policy-changed", "the policy changed since it was asked");
  if (request.action === "restore" && facts.lock !== null)
    refuse(
      "locked",
      `${facts.lock.environment} is locked by @${facts.lock.by.login}${facts.lock.reason ? ` (${facts.lock.reason})` : ""}`,
    );
  if (!facts.backupVerified) refuse("backup-unverified", "the backup does not verify");
  const eligible: RequestUser[] = [];
  for (const approval of countApprovals(request)) {
    const live = facts.approvers.get(approval.user.id);
    if (live && decideEligibility(approval.user, live, "approver") === null)
      eligible.push(approval.user);
  }
  if (eligible.length < request.quorum.required)
    refuse(
      "not-eligible",
      `${eligible.length} of its approvers are eligible now; the tier needs ${request.quorum.required}`,
    );
  if (reasons.length > 0) {
    return {
      dispatch: false,
      reasons,
      state: request,
      reply: `Request ${request.id} does not run: ${reasons.join("; ")}.`,
      reactions: ["confused"],
      auditEvents: [
        requestAuditEvent("request.dispatch-refused", request, null, facts.deliveryId, now, {
          reasons,
        }),
      ],
      refusal: codes[0] as RefusalReason,
    };
  }
  return {
    dispatch: true,
    reasons,
    state: { ...request, state: "dispatched" },
    reply: `Request ${request.id} runs now, approved by ${eligible.map((user) => `@${user.login}`).join(", ")}.`,
    reactions: ["rocket"],
    auditEvents: [
      requestAuditEvent("request.dispatched", request, null, facts.deliveryId, now, {
        approvers: eligible.map((user) => ({ login: user.login, id: user.id })),
      }),
    ],
    refusal: null,
  };
}
