import type { RequestUser } from "./approval-request.js";
import type { CommentCommand } from "./comment-command.js";
import { decideEligibility, type EligibilityFacts } from "./decide-eligibility.js";
import type { EnvironmentLock, Transition } from "./request-lifecycle.js";

export interface LockFacts {
  /** The actor's live eligibility as an approver: locking and unlocking are approvers' acts. */
  eligibility: EligibilityFacts;
  deliveryId: string;
  commentId: number;
}

/**
 * `lock` and `unlock` of one environment: who may (eligible approvers), and
 * the lock record that results. Locking a locked environment or unlocking an
 * unlocked one changes nothing and says who holds the lock and why.
 */
export function applyLockCommand(
  lock: EnvironmentLock | null,
  command: CommentCommand,
  actor: RequestUser,
  facts: LockFacts,
  now: Date,
): Transition<EnvironmentLock | null> {
  const environment = command.environment ?? "";
  const event = (type: string, details: Record<string, unknown>) => ({
    type,
    time: now,
    actor: { kind: "user" as const, login: actor.login, id: actor.id },
    subject: { environment },
    details,
    deliveryId: facts.deliveryId,
  });
  const refuse = (
    refusal: "bot" | "not-eligible" | "locked" | "not-locked" | "unsupported",
    reply: string,
  ): Transition<EnvironmentLock | null> => ({
    state: lock,
    reply,
    reactions: ["confused"],
    // Someone who may not lock or unlock tried: that attempt is a decision, so it is audited.
    auditEvents:
      refusal === "bot" || refusal === "not-eligible"
        ? [event("environment.lock-refused", { command: command.name, refusal })]
        : [],
    refusal,
  });
  if (command.name !== "lock" && command.name !== "unlock")
    return refuse("unsupported", `\`${command.name}\` is not a lock command.`);
  const ineligible = decideEligibility(actor, facts.eligibility, "approver");
  if (ineligible !== null) {
    return refuse(
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `Not ${command.name === "lock" ? "locked" : "unlocked"}: ${ineligible}. Ask an eligible approver.`,
    );
  }
  if (command.name === "lock") {
    if (lock !== null)
      return refuse(
        "locked",
        `${environment} is already locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : ""}.`,
      );
    const next: EnvironmentLock = {
      environment,
      by: { id: actor.id, login: actor.login },
      reason: command.reason,
      at: now.toISOString(),
      commentId: facts.commentId,
    };
    return {
      state: next,
      reply: `🔒 ${environment} is locked by @${actor.login}${command.reason ? `: ${command.reason}` : ""}. Restores of ${environment} are refused until \`/snapgate unlock --env ${environment}\`.`,
      reactions: ["+1"],
      auditEvents: [event("environment.locked", { reason: command.reason })],
      refusal: null,
    };
  }
  if (lock === null) return refuse("not-locked", `${environment} is not locked.`);
  return {
    state: null,
    reply: `🔓 ${environment} is unlocked by @${actor.login} (it was locked by @${lock.by.login} since ${lock.at}). Restores may be requested again.`,
    reactions: ["+1"],
    auditEvents: [
      event("environment.unlocked", {
        lockedBy: { login: lock.by.login, id: lock.by.id },
        lockedAt: lock.at,
      }),
    ],
    refusal: null,
  };
}
