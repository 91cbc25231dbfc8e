import { decideScheduledRelease } from "./decide-scheduled-release.js";
import type { RestoreRelease, RestoreRunFacts } from "./restore-release.js";

export type { RestoreRelease, RestoreRunFacts } from "./restore-release.js";

/**
 * Whether GitHub may release the restore environment (and its identity
 * secret) to a run: only the first attempt of the very run the app
 * dispatched, named by a dispatch record signed with the app key, for a
 * request whose signed state says it is running as this run and whose signed
 * decided record is approved, unexpired, digest-bound and not yet executed.
 * Besides, a scheduled run of a workflow the policy lists
 * (decideScheduledRelease). A manual dispatch, a re-run, a run of another
 * workflow or for another request, and a forged record are rejected, each
 * with why.
 */
export function decideRestoreRelease(facts: RestoreRunFacts): RestoreRelease {
  const { run, dispatch, request } = facts;
  const reasons: string[] = [];
  if (run.attempt > 1)
    reasons.push(
      `this is attempt ${run.attempt} of run ${run.id}: a re-run never gets the restore identity (a request runs once; ask for a new one)`,
    );
  if (typeof dispatch === "string") {
    reasons.push(dispatch);
    return { answer: "rejected", reasons, requestId: null, rule: null };
  }
  if (dispatch === null && run.event === "schedule") return decideScheduledRelease(facts);
  if (dispatch === null) {
    const bot = run.triggeringActor.type === "Bot";
    if (bot && run.event === "workflow_dispatch" && reasons.length === 0)
      return { answer: "wait", reasons: [], requestId: null, rule: null };
    reasons.push(
      `run ${run.id} (${run.event} by @${run.triggeringActor.login}) is not a run the Snapgate App dispatched for an approved request: a manual dispatch never gets the restore identity; ask with \`/snapgate restore\``,
    );
    return { answer: "rejected", reasons, requestId: null, rule: null };
  }
  const id = dispatch.request;
  if (run.path !== `.github/workflows/${dispatch.workflow}`)
    reasons.push(`run ${run.id} is of ${run.path}, not of the dispatched ${dispatch.workflow}`);
  if (request === null) reasons.push(`there is no request ${id}`);
  else {
    if (request.digest !== dispatch.digest)
      reasons.push(`request ${id} is not the request the run was dispatched for (digest differs)`);
    if (request.run?.id !== run.id)
      reasons.push(
        request.run?.id
          ? `request ${id} runs as run ${request.run.id}, not as run ${run.id}`
          : `request ${id} was not dispatched as run ${run.id}`,
      );
    else if (request.state !== "dispatched")
      reasons.push(`request ${id} is ${request.state}, not waiting for its run`);
  }
  if (facts.lock !== null)
    reasons.push(
      `${facts.lock.environment} is locked by @${facts.lock.by.login}${facts.lock.reason ? ` (${facts.lock.reason})` : ""}`,
    );
  if (facts.executed) reasons.push(`request ${id} already ran; a request runs once`);
  if (facts.recordProblem !== null) reasons.push(facts.recordProblem);
  return reasons.length === 0
    ? { answer: "approved", reasons, requestId: id, rule: "dispatched-request" }
    : { answer: "rejected", reasons, requestId: id, rule: null };
}
