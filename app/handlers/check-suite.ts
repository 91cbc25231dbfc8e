import type { Context } from "probot";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/**
 * check_suite rerequested ("Re-run all checks"): gate the suite's commit
 * again for its branch and the base branches of its pull requests.
 * check_suite requested (GitHub's "new code was pushed") posts nothing: it
 * comes with the push of that code, and with pull_request.synchronize for the
 * pull requests it lists, which gate the same commit; had it posted too,
 * instances racing on one commit would post twice (ADR 0604).
 */
export async function onCheckSuite(
  context: Context<"check_suite.requested" | "check_suite.rerequested">,
  event: GateEvent,
): Promise<void> {
  const { action, check_suite: suite, repository } = context.payload;
  if (action === "requested") return;
  const bases = suite.pull_requests.map((pull) => pull.base.ref);
  await evaluateGates(event, {
    headSha: suite.head_sha,
    branches: [...(suite.head_branch ? [suite.head_branch] : []), ...bases],
    mode: "again",
    reportPolicyProblems: bases.length > 0 || suite.head_branch === repository.default_branch,
    reason: `check suite ${suite.id} (${action})`,
  });
}
