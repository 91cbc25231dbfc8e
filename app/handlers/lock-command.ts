import { applyLockCommand } from "../../core/approvals/apply-lock-command.js";
import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { sealEnvironmentLock } from "../../core/approvals/environment-lock-record.js";
import { readNewestEnvironmentLock } from "../../core/approvals/read-newest-environment-lock.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { isSnapgateError } from "../../core/errors.js";
import { policyEnvironment } from "../../core/policy/policy-environment.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore } from "./open-request-store.js";
import type { RequestAnswer } from "./restore-command.js";

/** Tries of a lock change that lost the race for its revision to another writer. */
const ATTEMPTS = 3;

/**
 * `/snapgate lock --env E [--reason]` and `/snapgate unlock --env E`: asks
 * the actor's eligibility live (approvers lock and unlock), lets
 * applyLockCommand decide over the environment's newest signed lock
 * revision, writes the next revision (write-once: a concurrent writer or a
 * redelivery makes this read and decide again, and then changes nothing)
 * and appends the audit events.
 */
export async function lockCommand(
  command: CommentCommand,
  actor: { id: number; login: string },
  commentId: number,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestAnswer> {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store, sodium } = opened;
  const environment = command.environment ?? "";
  policyEnvironment(policy, environment);
  const eligibility = await opened.eligibility(actor, "approver");
  for (let attempt = 1; ; attempt++) {
    // A forged or altered newest revision throws INTEGRITY here: nothing is written over it.
    const newest = await readNewestEnvironmentLock(
      store,
      sodium,
      environment,
      policy.keys.app ?? [],
    );
    const transition = applyLockCommand(
      newest?.lock ?? null,
      command,
      actor,
      { eligibility, deliveryId: event.deliveryId, commentId },
      event.now,
    );
    if (transition.refusal === null) {
      try {
        await store.writeRecords([
          sealEnvironmentLock(
            sodium,
            {
              environment,
              revision: (newest?.revision ?? 0) + 1,
              lock: transition.state,
              by: { id: actor.id, login: actor.login },
              at: event.now.toISOString(),
            },
            opened.signingKey,
          ),
        ]);
      } catch (error) {
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, transition.auditEvents);
    if (transition.refusal !== null)
      return { body: `**Not run:** ${transition.reply}`, reactions: ["-1"] };
    return { body: transition.reply, reactions: transition.reactions };
  }
}
