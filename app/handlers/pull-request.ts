import type { Context } from "probot";
import { gatedEnvironments } from "../../core/policy/gated-environments.js";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/** pull_request opened, synchronize or reopened: gate the head for the environments of the base branch. */
export async function onPullRequest(
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  event: GateEvent,
): Promise<void> {
  const { action, pull_request: pull } = context.payload;
  // A new head pushed to a branch of this repository arrives as that branch's push
  // at the same moment: the push gates the environments the head branch releases (ADR 0604).
  const headPushedHere = action === "synchronize" && pull.head.repo?.id === pull.base.repo.id;
  await evaluateGates(event, {
    headSha: pull.head.sha,
    branches: [pull.base.ref],
    // Reopening is a fresh look; opened and synchronize gate a head the first time.
    mode: action === "reopened" ? "again" : "first",
    ...(headPushedHere
      ? { skipEnvironments: (policy) => gatedEnvironments(policy, pull.head.ref) }
      : {}),
    reportPolicyProblems: true,
    reason: `pull request #${pull.number} (${action})`,
  });
}
