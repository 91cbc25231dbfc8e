import type { Context } from "probot";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";

/**
 * check_suite requested (GitHub's "new code was pushed") or rerequested
 * ("Re-run all checks"): gate the suite's commit for its branch and the base
 * branches of its pull requests.
 */
export async function onCheckSuite(
  context: Context<"check_suite.requested" | "check_suite.rerequested">,
  event: GateEvent,
): Promise<void> {
  const { action, check_suite: suite, repository } = context.payload;
  const bases = suite.pull_requests.map((pull) => pull.base.ref);
  await evaluateGates(event, {
    headSha: suite.head_sha,
    branches: [...(suite.head_branch ? [suite.head_branch] : []), ...bases],
    mode: action === "rerequested" ? "again" : "first",
    reportPolicyProblems: bases.length > 0 || suite.head_branch === repository.default_branch,
    reason: `check suite ${suite.id} (${action})`,
  });
}
