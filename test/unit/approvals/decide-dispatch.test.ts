import { describe, expect, it } from "@jest/globals";
import type { EligibilityFacts } from "../../../core/approvals/decide-eligibility.js";
import { decideDispatch, type DispatchFacts } from "../../../core/approvals/decide-dispatch.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import type { Policy } from "../../../core/policy/policy.js";
import { BOB, CAROL, ELIGIBLE, lifecyclePolicy, minutesLater } from "./lifecycle-fixtures.js";
import { approved, askedRestore } from "./lifecycle-requests.js";

async function approvedRestore(): Promise<{ policy: Policy; request: LifecycleRequest }> {
  const { policy, request } = await askedRestore();
  const one = approved(request, policy, BOB, minutesLater(5), 601);
  return { policy, request: approved(one, policy, CAROL, minutesLater(6), 602) };
}

function facts(policy: Policy, changes: Partial<DispatchFacts> = {}): DispatchFacts {
  return {
    deliveryId: "d-dispatch",
    policy,
    approvers: new Map<number, EligibilityFacts>([
      [BOB.id, ELIGIBLE],
      [CAROL.id, ELIGIBLE],
    ]),
    lock: null,
    backupVerified: true,
    executed: false,
    ...changes,
  };
}

describe("decideDispatch", () => {
  it("dispatches an approved request once: it becomes dispatched and a second decision refuses", async () => {
    const { policy, request } = await approvedRestore();
    const first = decideDispatch(request, facts(policy), minutesLater(10));
    expect(first).toMatchObject({ dispatch: true, reasons: [], refusal: null });
    expect(first.state.state).toBe("dispatched");
    expect(first.auditEvents[0]).toMatchObject({
      type: "request.dispatched",
      requestDigest: request.digest,
      details: {
        approvers: [
          { login: "bob", id: BOB.id },
          { login: "carol", id: CAROL.id },
        ],
      },
    });
    const second = decideDispatch(first.state, facts(policy), minutesLater(11));
    expect(second).toMatchObject({ dispatch: false, refusal: "already-executed" });
    const recorded = decideDispatch(request, facts(policy, { executed: true }), minutesLater(11));
    expect(recorded).toMatchObject({ dispatch: false, refusal: "already-executed" });
  });

  it("re-checks each approver's eligibility live: one who lost access no longer counts", async () => {
    const { policy, request } = await approvedRestore();
    const approvers = new Map<number, EligibilityFacts>([
      [BOB.id, ELIGIBLE],
      [CAROL.id, { ...ELIGIBLE, inRole: false }],
    ]);
    const outcome = decideDispatch(request, facts(policy, { approvers }), minutesLater(10));
    expect(outcome).toMatchObject({ dispatch: false, state: request, refusal: "not-eligible" });
    expect(outcome.reasons).toEqual(["1 of its approvers are eligible now; the tier needs 2"]);
  });

  it("refuses a locked environment, a backup that does not verify, an expired request and a changed policy, listing each", async () => {
    const { request } = await approvedRestore();
    const lock = { environment: "prod", by: BOB, reason: "freeze", at: "", commentId: 1 };
    const changed = await lifecyclePolicy("alerts: { late_after: 30m }\n");
    const outcome = decideDispatch(
      request,
      facts(changed, { lock, backupVerified: false }),
      minutesLater(240),
    );
    expect(outcome.dispatch).toBe(false);
    expect(outcome.refusal).toBe("expired");
    expect(outcome.reasons).toEqual([
      `it expired at ${request.expiresAt}`,
      "the policy changed since it was asked",
      "prod is locked by @bob (freeze)",
      "the backup does not verify",
    ]);
  });

  it("refuses a request whose contents no longer match its digest, and one that is not approved", async () => {
    const { policy, request } = await approvedRestore();
    const moved = { ...request, subject: { ...request.subject, environment: "vault" } };
    expect(decideDispatch(moved, facts(policy), minutesLater(10)).refusal).toBe("tampered");
    const pending = { ...request, state: "pending" as const };
    expect(decideDispatch(pending, facts(policy), minutesLater(10)).refusal).toBe("not-pending");
  });
});
