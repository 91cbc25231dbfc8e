import type { RestoreRelease, RestoreRunFacts } from "./restore-release.js";

/**
 * The restore environment's rule for a run no dispatch record names but
 * GitHub's scheduler started (event `schedule`): released only when the
 * default branch's policy lists its workflow file in
 * restore_environment.scheduled_workflows, it runs on the default branch, it
 * is the first attempt (a re-run is started by a person, with the original
 * event) and no environment is locked. Anything else is rejected, each
 * failed condition with why. Least privilege: a listed workflow run any
 * other way (workflow_dispatch, push) never gets the identity.
 */
export function decideScheduledRelease(facts: RestoreRunFacts): RestoreRelease {
  const { run } = facts;
  const listed = facts.schedule?.workflows ?? [];
  const defaultBranch = facts.schedule?.defaultBranch ?? null;
  const reasons: string[] = [];
  const file = run.path.startsWith(".github/workflows/")
    ? run.path.slice(".github/workflows/".length)
    : null;
  if (file === null || !listed.includes(file))
    reasons.push(
      `run ${run.id} is a scheduled run of ${run.path}, which restore_environment.scheduled_workflows in the default branch's policy does not list (it lists ${listed.length > 0 ? listed.join(", ") : "none"}); list the file there if its scheduled runs need the restore identity`,
    );
  if (defaultBranch === null || run.headBranch !== defaultBranch)
    reasons.push(
      `scheduled run ${run.id} is of branch ${run.headBranch ?? "(none)"}, not of the default branch${defaultBranch ? ` ${defaultBranch}` : ""}: only the default branch's scheduled runs may use the restore environment`,
    );
  if (run.attempt > 1)
    reasons.push(
      `this is attempt ${run.attempt} of scheduled run ${run.id}: a re-run never gets the restore identity; wait for the next scheduled run`,
    );
  if (facts.lock !== null)
    reasons.push(
      `${facts.lock.environment} is locked by @${facts.lock.by.login}${facts.lock.reason ? ` (${facts.lock.reason})` : ""}: scheduled runs get the restore identity only while no environment is locked`,
    );
  return reasons.length === 0
    ? { answer: "approved", reasons: [], requestId: null, rule: "scheduled-workflow" }
    : { answer: "rejected", reasons, requestId: null, rule: null };
}
