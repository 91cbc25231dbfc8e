import { applyCommand, type CommandFacts } from "../../../core/approvals/apply-command.js";
import type { RequestUser } from "../../../core/approvals/approval-request.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import type { Policy } from "../../../core/policy/policy.js";
import {
  ALICE,
  ELIGIBLE,
  FILES,
  NOW,
  SNAP,
  command,
  lifecyclePolicy,
} from "./lifecycle-fixtures.js";

export const REQUEST_ID = "r-abcdefghijkl";
/** The comment that asked for the fixture request. */
export const ASKING_COMMENT = 500;
let comment = 1000;

/** Facts for one command, each on a comment of its own. */
export function commandFacts(policy: Policy, changes: Partial<CommandFacts> = {}): CommandFacts {
  comment += 1;
  return {
    deliveryId: `delivery-${comment}`,
    commentId: comment,
    policy,
    eligibility: ELIGIBLE,
    lock: null,
    ...changes,
  };
}

/** A restore of prod (tier-0 quorum: 2) asked by alice at NOW, through applyCommand. */
export async function askedRestore(): Promise<{ policy: Policy; request: LifecycleRequest }> {
  const policy = await lifecyclePolicy();
  const outcome = applyCommand(
    null,
    command("restore", { environment: "prod", reason: "roll back" }),
    ALICE,
    commandFacts(policy, {
      commentId: ASKING_COMMENT,
      create: { id: REQUEST_ID, environment: "prod", snapshots: [SNAP], files: FILES },
    }),
    NOW,
  );
  if (outcome.refusal !== null) throw new Error(outcome.reply);
  return { policy, request: outcome.state as LifecycleRequest };
}

/** Approves through applyCommand; throws when refused. */
export function approved(
  request: LifecycleRequest,
  policy: Policy,
  actor: RequestUser,
  at: Date,
  commentId: number,
): LifecycleRequest {
  const outcome = applyCommand(
    request,
    command("approve", { args: { request: request.id } }),
    actor,
    commandFacts(policy, { commentId }),
    at,
  );
  if (outcome.refusal !== null) throw new Error(outcome.reply);
  return outcome.state as LifecycleRequest;
}
