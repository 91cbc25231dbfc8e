import type { Context } from "probot";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/** pull_request opened, synchronize or reopened: gate the head for the environments of the base branch. */
export async function onPullRequest(
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  event: GateEvent,
): Promise<void> {
  const { action, pull_request: pull } = context.payload;
  await evaluateGates(event, {
    headSha: pull.head.sha,
    branches: [pull.base.ref],
    // Reopening is a fresh look; opened and synchronize gate a head the first time.
    mode: action === "reopened" ? "again" : "first",
    reportPolicyProblems: true,
    reason: `pull request #${pull.number} (${action})`,
  });
}
