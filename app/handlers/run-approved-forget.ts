import { requestPath } from "../../core/approvals/approval-request.js";
import { checkApproval } from "../../core/approvals/check-approval.js";
import { countApprovals } from "../../core/approvals/count-approvals.js";
import { decideDispatch } from "../../core/approvals/decide-dispatch.js";
import { decidedRequestRecord } from "../../core/approvals/decided-request-record.js";
import type { EligibilityFacts } from "../../core/approvals/decide-eligibility.js";
import { requestAuditEvent } from "../../core/approvals/request-audit-event.js";
import {
  claimRequestExecution,
  readRequestExecution,
} from "../../core/approvals/request-execution.js";
import type { LifecycleRequest, Reaction } from "../../core/approvals/request-lifecycle.js";
import { signApprovalRequest } from "../../core/approvals/request-signature.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { asSnapgateError, isSnapgateError } from "../../core/errors.js";
import { policyDigest } from "../../core/policy/policy-digest.js";
import { forgetSnapshots } from "../../core/snapshot/forget-snapshots.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import type { ForgetPlan } from "../../core/snapshot/plan-forget.js";
import { planForgetSnapshots } from "../../core/snapshot/plan-forget-snapshots.js";
import type { GateEvent } from "../gate/gate-event.js";
import { changeRequest } from "./change-request.js";
import type { RequestStore } from "./open-request-store.js";

/** What running an approved forget request came to. */
export interface ForgetRun {
  /** The request as it now stands (executed, or unchanged when it did not run). */
  request: LifecycleRequest;
  reply: string;
  reactions: Reaction[];
}

/**
 * Runs an approved forget request in the app itself (ADR 0610): everything
 * is checked again live (decideDispatch: each approver's eligibility now,
 * expiry, digest, policy digest, not executed; and that each snapshot's
 * manifest is the one its catalog names), the approval record is checked as
 * `snapgate forget --approval` would check it, then the request is claimed
 * with its write-once execution record (a second instance or a redelivery
 * is refused there), the signed decided record `requests/<id>.json` is
 * written, and the snapshots are tombstoned by the core forget code with that
 * record. The executed state revision and the audit events follow. Audit is
 * never deleted; blobs go later, with prune.
 */
export async function runApprovedForget(
  opened: RequestStore,
  request: LifecycleRequest,
  event: GateEvent,
): Promise<ForgetRun> {
  const { policy, store, sodium, signingKey } = opened;
  const now = event.now;
  const refuse = async (reasons: string[]): Promise<ForgetRun> => {
    await appendAuditEvents(store, [
      requestAuditEvent("request.dispatch-refused", request, null, event.deliveryId, now, {
        reasons,
      }),
    ]);
    return {
      request,
      reply: `Request ${request.id} does not run: ${reasons.join("; ")}. Nothing was forgotten.`,
      reactions: ["confused"],
    };
  };

  const approvers = new Map<number, EligibilityFacts>();
  for (const approval of countApprovals(request))
    approvers.set(approval.user.id, await opened.eligibility(approval.user, "approver"));
  let plan: ForgetPlan | null = null;
  let planProblem: string | null = null;
  try {
    plan = await planForgetSnapshots(
      store,
      policy,
      request.subject.environment,
      request.subject.snapshots,
      `forget request ${request.id}${request.reason ? `: ${request.reason}` : ""}`,
    );
    for (const decision of plan.drop) await loadSnapshot(store, decision);
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    planProblem = error.message;
  }
  const decision = decideDispatch(
    request,
    {
      deliveryId: event.deliveryId,
      policy,
      approvers,
      lock: null, // locks hold restores, not deletions
      backupVerified: plan !== null,
      executed: (await readRequestExecution(store, request.id)) !== null,
    },
    now,
  );
  if (!decision.dispatch || plan === null)
    return refuse([...decision.reasons, ...(planProblem ? [planProblem] : [])]);

  const digest = `sha256:${policyDigest(policy)}`;
  const record = signApprovalRequest(sodium, decidedRequestRecord(request), signingKey);
  // The record must pass the check `forget --approval` makes, before anything is claimed.
  if (plan.tier0Drops.length > 0) {
    try {
      checkApproval(sodium, record, {
        action: "forget",
        environment: plan.environment,
        snapshots: plan.tier0Drops,
        policyDigest: digest,
        requiredApprovals: plan.requiredApprovals,
        appKeys: policy.keys.app ?? [],
        now,
      });
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      return refuse([error.message]);
    }
  }
  try {
    await claimRequestExecution(store, record, {
      snapshot: record.subject.snapshots[0] ?? "",
      paths: [],
      run: null,
      at: now,
    });
  } catch (error) {
    if (!isSnapgateError(error, "POLICY")) throw error;
    return refuse([asSnapgateError(error).message]);
  }
  await store.writeRecords([
    {
      path: requestPath(request.id),
      bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
    },
  ]);
  const outcome = await forgetSnapshots(store, plan, {
    approval: record,
    policyDigest: digest,
    appKeys: policy.keys.app ?? [],
    now,
    actor: { kind: "app" },
  });
  const approvedBy = record.approvals.map((approval) => approval.user);
  const { changed } = await changeRequest(opened, request.id, async (current) => ({
    state: current?.state === "approved" ? { ...current, state: "executed" } : current,
    reply: "",
    reactions: [],
    auditEvents:
      current?.state === "approved"
        ? [
            ...decision.auditEvents,
            requestAuditEvent("request.executed", request, null, event.deliveryId, now, {
              approvers: approvedBy.map((user) => ({ login: user.login, id: user.id })),
              tombstones: outcome.tombstones,
              alreadyForgotten: outcome.alreadyForgotten,
            }),
          ]
        : [],
    refusal: null,
  }));
  const seqs = plan.drop.map((drop) => `${drop.stream}@${drop.seq}`).join(", ");
  return {
    request: changed ?? { ...request, state: "executed" },
    reply: `Forgotten: ${seqs} (tombstoned, approved by ${approvedBy.map((user) => `@${user.login}`).join(", ")}). The manifests and the audit log stay; \`snapgate prune\` deletes the blobs after its grace period.`,
    reactions: ["rocket"],
  };
}
