import type { Context } from "probot";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/** merge_group checks_requested: gate the merge queue's commit for the environments of its base branch. */
export async function onMergeGroup(
  context: Context<"merge_group.checks_requested">,
  event: GateEvent,
): Promise<void> {
  const group = context.payload.merge_group;
  await evaluateGates(event, {
    headSha: group.head_sha,
    branches: [group.base_ref.replace(/^refs\/heads\//, "")],
    mode: "first",
    reportPolicyProblems: true,
    reason: `the merge queue (${group.head_ref})`,
  });
}
