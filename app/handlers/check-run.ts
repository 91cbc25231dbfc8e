import type { Context } from "probot";
import { environmentOfCheckName } from "../../core/gate/gate-check-name.js";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/** check_run rerequested ("Re-run"): decide that check run's environment again, as a new check run. */
export async function onCheckRunRerequested(
  context: Context<"check_run.rerequested">,
  event: GateEvent,
): Promise<void> {
  const run = context.payload.check_run;
  const environment = environmentOfCheckName(run.name);
  if (environment === undefined) return;
  await evaluateGates(event, {
    headSha: run.head_sha,
    branches: [
      ...(run.check_suite.head_branch ? [run.check_suite.head_branch] : []),
      ...run.pull_requests.map((pull) => pull.base.ref),
    ],
    environment,
    mode: "again",
    reportPolicyProblems: true,
    reason: `a re-run of check run ${run.id}`,
  });
}
