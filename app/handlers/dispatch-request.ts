import { randomUUID } from "node:crypto";
import { signApprovalRequest } from "../../core/approvals/request-signature.js";
import { countApprovals } from "../../core/approvals/count-approvals.js";
import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import { decidedRequestRecord } from "../../core/approvals/decided-request-record.js";
import { decideDispatch } from "../../core/approvals/decide-dispatch.js";
import type { EligibilityFacts } from "../../core/approvals/decide-eligibility.js";
import { recordDispatchFailure } from "../../core/approvals/record-dispatch-failure.js";
import { requestPath } from "../../core/approvals/approval-request.js";
import { requestClaimRef } from "../../core/approvals/request-claim-ref.js";
import { sealRequestDispatch } from "../../core/approvals/request-dispatch-record.js";
import {
  claimRequestExecution,
  readRequestExecution,
} from "../../core/approvals/request-execution.js";
import type {
  LifecycleRequest,
  Reaction,
  RequestRun,
  Transition,
} from "../../core/approvals/request-lifecycle.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { asSnapgateError, isSnapgateError, SnapgateError } from "../../core/errors.js";
import { claimRef } from "../../core/github/claim-ref.js";
import { httpStatus } from "../../core/github/github-error.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import { verifySnapshots } from "../../core/snapshot/verify-snapshots.js";
import type { GateEvent } from "../gate/gate-event.js";
import { answerRestoreRun, RESTORE_ENVIRONMENT } from "./answer-restore-run.js";
import { changeRequest } from "./change-request.js";
import type { RequestStore } from "./open-request-store.js";

/** The documented restore workflow (docs/examples/snapgate-restore.yml) when the policy names none. */
export const DEFAULT_RESTORE_WORKFLOW = "snapgate-restore.yml";

export interface DispatchOutcome {
  /** The request's state afterwards (unchanged when nothing was dispatched). */
  request: LifecycleRequest;
  reply: string;
  reactions: Reaction[];
}

/**
 * Runs an approved restore request, once: re-checks everything live
 * (decideDispatch), claims the request with an atomic ref creation in the
 * backup repository (whoever loses the race does nothing more), writes the
 * signed decided record the restore action checks, dispatches the policy's
 * restore workflow with `request-id` (learning the run id from
 * return_run_details), records the run (a signed dispatch record and the
 * next state revision) and answers the restore environment's protection
 * rule for it. A failure after the claim fails the request for good, burns
 * its execution record and says why, in the status comment and the audit log.
 */
export async function dispatchRequest(
  opened: RequestStore,
  approved: LifecycleRequest,
  event: GateEvent,
  where: { issueNumber: number; defaultBranch: string },
): Promise<DispatchOutcome> {
  const { policy, store, sodium, signingKey } = opened;
  const approvers = new Map<number, EligibilityFacts>();
  for (const approval of countApprovals(approved))
    approvers.set(approval.user.id, await opened.eligibility(approval.user, "approver"));
  const decision = decideDispatch(
    approved,
    {
      deliveryId: event.deliveryId,
      policy,
      approvers,
      // Read live; a lock record that is not the app's throws INTEGRITY: nothing is claimed.
      lock: await readEnvironmentLock(store, approved.subject.environment, policy.keys.app ?? []),
      backupVerified: await backupVerifies(opened, approved),
      executed: (await readRequestExecution(store, approved.id)) !== null,
    },
    event.now,
  );
  if (!decision.dispatch) {
    await appendAuditEvents(store, decision.auditEvents);
    return { request: approved, reply: decision.reply, reactions: [] };
  }

  // Run once: only the instance (or delivery) that creates the claim ref goes on.
  if (!(await claim(opened, approved.id, event))) {
    return {
      request: approved,
      reply: `Request ${approved.id} is already being dispatched (${requestClaimRef(approved.id)} exists): nothing more runs.`,
      reactions: [],
    };
  }

  const workflow =
    policy.environments[approved.subject.environment]?.restoreWorkflow ?? DEFAULT_RESTORE_WORKFLOW;
  const attempt = { workflow, ref: where.defaultBranch, issue: where.issueNumber };
  let run: { id: number; url: string };
  try {
    await store.writeRecords([
      {
        path: requestPath(approved.id),
        bytes: new TextEncoder().encode(
          `${JSON.stringify(signApprovalRequest(sodium, decidedRequestRecord(approved), signingKey), null, 2)}\n`,
        ),
      },
    ]);
    run = await dispatchWorkflow(event, approved.id, attempt);
  } catch (error) {
    return failed(opened, approved, attempt, error, event);
  }

  const at = event.now.toISOString();
  const dispatchRecord = sealRequestDispatch(
    sodium,
    {
      request: approved.id,
      digest: approved.digest,
      repository: `${event.owner}/${event.repo}`,
      workflow,
      ref: attempt.ref,
      issue: attempt.issue,
      run,
      at,
      deliveryId: event.deliveryId,
    },
    signingKey,
  );
  const requestRun: RequestRun = {
    ...attempt,
    id: run.id,
    url: run.url,
    dispatchedAt: at,
    conclusion: null,
    completedAt: null,
  };
  let changed: LifecycleRequest | null;
  try {
    ({ changed } = await changeRequest(
      opened,
      approved.id,
      async (current) => ({
        ...decision,
        // The run started: whatever moved the request meanwhile, it is now this run's.
        state: current === null ? null : { ...current, state: "dispatched", run: requestRun },
        auditEvents: decision.auditEvents.map((audit) => ({
          ...audit,
          details: { ...audit.details, runId: run.id, run: run.url, workflow, ref: attempt.ref },
        })),
      }),
      [dispatchRecord],
    ));
  } catch (error) {
    // Unrecorded, the run is never released (no dispatch record names it): the request failed.
    const problem = asSnapgateError(error);
    return failed(
      opened,
      approved,
      attempt,
      new SnapgateError(
        problem.code,
        `run ${run.url} started, but recording it failed (${problem.summary}); it never gets the restore identity.`,
        problem.fix ? { fix: problem.fix } : {},
      ),
      event,
    );
  }
  // GitHub may have asked before the dispatch record existed: answer now (a second answer is a 422).
  await answerRestoreRun(event, run.id, RESTORE_ENVIRONMENT, signingKey, opened).catch(
    (error: unknown) =>
      event.log.warn({ err: error }, `answering the protection rule of run ${run.id} failed`),
  );
  return {
    request: changed ?? { ...decision.state, run: requestRun },
    reply: `${decision.reply} Run: ${run.url}`,
    reactions: ["rocket"],
  };
}

/**
 * Creates the claim ref at a commit only this attempt made (the store
 * head's tree, a message naming the delivery and a nonce), so that a 422
 * after a lost answer and a retry is told apart: the ref at our own commit
 * is our claim; at another, someone else's.
 */
async function claim(opened: RequestStore, requestId: string, event: GateEvent): Promise<boolean> {
  const { client, owner, repo, branch } = opened.backup;
  const head = (await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object
    .sha;
  const tree = (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
  const mine = (
    await client.rest.git.createCommit({
      owner,
      repo,
      tree,
      parents: [head],
      message: `snapgate: claim request ${requestId} (delivery ${event.deliveryId}, ${randomUUID()})`,
    })
  ).data.sha;
  const ref = requestClaimRef(requestId);
  if (await claimRef(client, { owner, repo }, ref, mine)) return true;
  const held = await client.rest.git.getRef({ owner, repo, ref: ref.slice("refs/".length) });
  return held.data.object.sha === mine;
}

/** Signatures, hashes and chain of each snapshot the request names, at manifest level (nothing decrypted). */
async function backupVerifies(opened: RequestStore, request: LifecycleRequest): Promise<boolean> {
  try {
    const entries = await Promise.all(
      request.subject.snapshots.map((id) =>
        resolveSnapshot(opened.store, id, { stream: request.subject.environment }),
      ),
    );
    const report = await verifySnapshots({
      store: opened.store,
      snapshots: entries,
      trustedKeys: opened.policy.keys.writers.map((writer) => writer.key),
      level: "structure",
    });
    return report.ok;
  } catch (error) {
    if (isSnapgateError(error)) return false;
    throw error;
  }
}

/** workflow_dispatch with the request id; the run id from return_run_details. Never retried: a retry could start a second run. */
async function dispatchWorkflow(
  event: GateEvent,
  requestId: string,
  attempt: { workflow: string; ref: string },
): Promise<{ id: number; url: string }> {
  const { octokit, owner, repo } = event;
  let answer;
  try {
    answer = await octokit.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner,
        repo,
        workflow_id: attempt.workflow,
        ref: attempt.ref,
        inputs: { "request-id": requestId },
        return_run_details: true,
        request: { retries: 0 },
      },
    );
  } catch (error) {
    const status = httpStatus(error);
    throw new SnapgateError(
      "REMOTE",
      `GitHub answered ${status ?? "nothing"} to dispatching ${attempt.workflow} on ${attempt.ref} of ${owner}/${repo}${error instanceof Error ? ` (${error.message})` : ""}.`,
      {
        fix:
          status === 404
            ? `Add .github/workflows/${attempt.workflow} (docs/examples/snapgate-restore.yml) to the default branch, or name the restore workflow in the policy (environments.<env>.restore_workflow).`
            : status === 422
              ? "The workflow must have a workflow_dispatch trigger with a request-id input, as docs/examples/snapgate-restore.yml does."
              : "Check GitHub's status; if a run started anyway, it never gets the restore identity (it is not in a dispatch record).",
      },
    );
  }
  const details = answer.data as unknown as { workflow_run_id?: number; html_url?: string };
  if (typeof details.workflow_run_id !== "number" || typeof details.html_url !== "string") {
    throw new SnapgateError(
      "REMOTE",
      `GitHub dispatched ${attempt.workflow} but did not say which run it started (no return_run_details).`,
      {
        fix: "The run cannot be told apart from a manual one, so it never gets the restore identity. Ask for a new request once GitHub returns run details.",
      },
    );
  }
  return { id: details.workflow_run_id, url: details.html_url };
}

/** After the claim: the request fails for good, with why, and its execution record is burnt so no run restores with it. */
async function failed(
  opened: RequestStore,
  approved: LifecycleRequest,
  attempt: Pick<RequestRun, "workflow" | "ref" | "issue">,
  error: unknown,
  event: GateEvent,
): Promise<DispatchOutcome> {
  if (!isSnapgateError(error)) event.log.error({ err: error }, "dispatching a request failed");
  const problem = asSnapgateError(error);
  const fix = problem.fix ?? "";
  // The reason (the status comment, the audit log) without the fix; the reply says both.
  let transition: Transition<LifecycleRequest> | null = null;
  const { changed } = await changeRequest(opened, approved.id, async (current) => {
    transition = recordDispatchFailure(
      current ?? approved,
      attempt,
      { message: problem.summary, fix },
      event.deliveryId,
      event.now,
    );
    return transition;
  });
  await claimRequestExecution(
    opened.store,
    signApprovalRequest(opened.sodium, decidedRequestRecord(approved), opened.signingKey),
    {
      snapshot: approved.subject.snapshots[0] ?? "",
      paths: approved.subject.paths ?? [],
      run: null,
      at: event.now,
    },
  ).catch((burn: unknown) =>
    event.log.warn({ err: burn }, `burning request ${approved.id} failed`),
  );
  const done = transition as Transition<LifecycleRequest> | null;
  return {
    request: changed ?? done?.state ?? approved,
    reply: done?.reply ?? `Request ${approved.id} did not run: ${problem.message}`,
    reactions: ["confused"],
  };
}
