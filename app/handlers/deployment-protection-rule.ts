import type { Context } from "probot";
import type { AppKey } from "../../core/crypto/app-key.js";
import { isSnapgateError } from "../../core/errors.js";
import { httpStatus } from "../../core/github/github-error.js";
import { readGateContext } from "../../core/github/read-gate-context.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import { policyErrorDecision } from "../../core/gate/policy-error-decision.js";
import { policyReadErrorDecision } from "../../core/gate/policy-read-error-decision.js";
import { renderGateComment } from "../../core/gate/render-gate-comment.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import { decideEnvironment } from "../gate/decide-environment.js";
import type { GateEvent } from "../gate/gate-event.js";
import { answerRestoreRun, RESTORE_ENVIRONMENT } from "./answer-restore-run.js";

const CALLBACK_RUN = /\/actions\/runs\/(\d+)\/deployment_protection_rule$/;

/**
 * deployment_protection_rule requested: the deployment's environment is
 * gated like a check run (same policy, same decision) and the answer is the
 * review: approved only on success, rejected otherwise (an unreadable policy
 * or backup is unknown, so rejected), with the decision as the comment. A
 * second answer to the same rule (a redelivery) is refused by GitHub with
 * 422 and ignored. The restore environment (`snapgate-restore`) is not a
 * gate: only the run the app dispatched for an approved request is released
 * there (answerRestoreRun).
 */
export async function onDeploymentProtectionRule(
  context: Context<"deployment_protection_rule.requested">,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<void> {
  const { environment, deployment_callback_url: callback } = context.payload;
  const runId = CALLBACK_RUN.exec(callback ?? "")?.[1];
  if (!environment || !runId) {
    event.log.warn("deployment_protection_rule without an environment or a callback URL");
    return;
  }
  if (environment === RESTORE_ENVIRONMENT) {
    await answerRestoreRun(event, Number(runId), environment, signingKey);
    return;
  }
  const decision = await decide(event, environment);
  try {
    await event.octokit.rest.actions.reviewCustomGatesForRun({
      owner: event.owner,
      repo: event.repo,
      run_id: Number(runId),
      environment_name: environment,
      state: decision.conclusion === "success" ? "approved" : "rejected",
      comment: renderGateComment(decision),
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    event.log.info(`deployment of run ${runId} to ${environment} was already answered`);
  }
}

async function decide(event: GateEvent, environment: string): Promise<GateDecision> {
  const { owner, repo } = event;
  let gate;
  try {
    gate = await readGateContext(event.octokit, { owner, repo, headSha: null, appId: event.appId });
  } catch (error) {
    return policyReadErrorDecision(environment, error);
  }
  try {
    const policy = await loadPolicy(gate.policySource, { owner, repo });
    return await decideEnvironment(policy, environment, { ...event, gatedOwner: owner });
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    return policyErrorDecision(environment, error);
  }
}
