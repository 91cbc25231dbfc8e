import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import type { EnvironmentLock } from "../../core/approvals/request-lifecycle.js";
import { readApprovalRequest } from "../../core/approvals/approval-request.js";
import { checkApproval } from "../../core/approvals/check-approval.js";
import {
  decideRestoreRelease,
  type RestoreRelease,
} from "../../core/approvals/decide-restore-release.js";
import { readNewestRequestState } from "../../core/approvals/read-newest-request-state.js";
import { requestAuditEvent } from "../../core/approvals/request-audit-event.js";
import {
  openRequestDispatch,
  requestDispatchPath,
  type RequestDispatchRecord,
} from "../../core/approvals/request-dispatch-record.js";
import { readRequestExecution } from "../../core/approvals/request-execution.js";
import type { LifecycleRequest } from "../../core/approvals/request-lifecycle.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { asSnapgateError, isSnapgateError } from "../../core/errors.js";
import { httpStatus } from "../../core/github/github-error.js";
import { policyDigest } from "../../core/policy/policy-digest.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore, type RequestStore } from "./open-request-store.js";

/** The documented name of the environment restore jobs run in (docs/restore-environment.md). */
export const RESTORE_ENVIRONMENT = "snapgate-restore";

/**
 * The Snapgate App as the restore environment's protection rule: gathers
 * what decideRestoreRelease needs about run `runId` (the run itself, the
 * signed dispatch record naming it, the request's signed state and decided
 * record, whether it ran) and answers GitHub: approved, or rejected with why.
 * A run the app dispatched whose record is not written yet is left waiting:
 * the dispatcher answers it once it is. Unknown state (an unreadable policy
 * or store) is a rejection. A second answer (422) is ignored.
 */
export async function answerRestoreRun(
  event: GateEvent,
  runId: number,
  environment: string,
  signingKey: AppKey | null,
  opened?: RequestStore,
): Promise<RestoreRelease["answer"]> {
  const { octokit, owner, repo } = event;
  let release: RestoreRelease;
  let request: LifecycleRequest | null = null;
  let store: RequestStore | null = opened ?? null;
  try {
    store ??= await openRequestStore(event, signingKey);
    ({ release, request } = await decide(event, store, runId));
  } catch (error) {
    if (!isSnapgateError(error)) event.log.error({ err: error }, "restore protection rule failed");
    const problem = asSnapgateError(error);
    release = {
      answer: "rejected",
      reasons: [`Snapgate could not check the run: ${problem.message}`],
      requestId: null,
      rule: null,
    };
  }
  if (release.answer === "wait") {
    event.log.info(`run ${runId} was dispatched by an app; its dispatcher answers ${environment}`);
    return "wait";
  }
  const approved = release.answer === "approved";
  try {
    await octokit.rest.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: environment,
      state: approved ? "approved" : "rejected",
      comment: approved
        ? approvalComment(release, runId, environment)
        : `Snapgate refuses ${environment} to run ${runId}: ${release.reasons.join("; ")}.`,
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    event.log.info(`the deployment of run ${runId} to ${environment} was already answered`);
    return release.answer;
  }
  if (store !== null && request !== null) {
    await appendAuditEvents(store.store, [
      requestAuditEvent(
        approved ? "request.run-released" : "request.run-refused",
        request,
        null,
        event.deliveryId,
        event.now,
        { runId, environment, ...(approved ? {} : { reasons: release.reasons }) },
      ),
    ]);
  }
  return release.answer;
}

/** Which rule approved the run, in the words of docs/restore-environment.md. */
function approvalComment(release: RestoreRelease, runId: number, environment: string): string {
  if (release.rule === "scheduled-workflow")
    return `Snapgate: run ${runId} is a first-attempt scheduled run of the default branch of a workflow that restore_environment.scheduled_workflows in the policy lists, and no environment is locked (rule: scheduled workflow); ${environment} may release its secrets to it.`;
  return `Snapgate: run ${runId} is the run dispatched for the approved request ${release.requestId} (rule: dispatched restore request); ${environment} may release its secrets to it.`;
}

async function decide(
  event: GateEvent,
  opened: RequestStore,
  runId: number,
): Promise<{ release: RestoreRelease; request: LifecycleRequest | null }> {
  const { octokit, owner, repo, now } = event;
  const { store, sodium, policy } = opened;
  const appKeys = policy.keys.app ?? [];
  const run = (await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
  let dispatch: RequestDispatchRecord | null | string = null;
  const bytes = await store.readRecord(requestDispatchPath(runId));
  if (bytes !== null) {
    try {
      dispatch = openRequestDispatch(sodium, bytes, runId, appKeys);
      if (dispatch.repository !== `${owner}/${repo}`)
        dispatch = `the dispatch record of run ${runId} is for ${dispatch.repository}, not ${owner}/${repo}`;
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      dispatch = error.message;
    }
  }
  let request: LifecycleRequest | null = null;
  let recordProblem: string | null = null;
  let executed = false;
  let lock: EnvironmentLock | null = null;
  if (dispatch !== null && typeof dispatch !== "string") {
    try {
      request =
        (await readNewestRequestState(store, sodium, dispatch.request, appKeys))?.request ?? null;
      executed = (await readRequestExecution(store, dispatch.request)) !== null;
      if (request !== null) {
        // A lock taken after the dispatch still holds the job; an untrusted lock record rejects it.
        lock = await readEnvironmentLock(store, request.subject.environment, appKeys);
        const decided = await readApprovalRequest(store, dispatch.request);
        checkApproval(sodium, decided, {
          action: "restore",
          environment: request.subject.environment,
          snapshots: request.subject.snapshots,
          paths: request.subject.paths ?? [],
          policyDigest: `sha256:${policyDigest(policy)}`,
          requiredApprovals: request.quorum.required,
          appKeys,
          now,
        });
      }
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      recordProblem = error.message;
    }
  }
  // A scheduled run no record names: any environment's lock holds it (the identity opens them all).
  if (dispatch === null && run.event === "schedule") {
    for (const environment of Object.keys(policy.environments)) {
      lock ??= await readEnvironmentLock(store, environment, appKeys);
    }
  }
  const release = decideRestoreRelease({
    run: {
      id: run.id,
      attempt: run.run_attempt ?? 1,
      event: run.event,
      path: run.path,
      triggeringActor: {
        login: run.triggering_actor?.login ?? run.actor?.login ?? "unknown",
        type: run.triggering_actor?.type ?? run.actor?.type ?? "User",
      },
      headBranch: run.head_branch,
    },
    dispatch,
    request,
    recordProblem,
    executed,
    lock,
    schedule: {
      workflows: policy.restoreEnvironment?.scheduledWorkflows ?? [],
      defaultBranch: opened.defaultBranch,
    },
  });
  return { release, request };
}
