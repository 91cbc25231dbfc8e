import type { Context } from "probot";
import { asSnapgateError } from "../../core/errors.js";
import { githubMessage, httpStatus } from "../../core/github/github-error.js";
import { readGateContext } from "../../core/github/read-gate-context.js";
import { environmentOfCheckName } from "../../core/gate/gate-check-name.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { GateEvent } from "../gate/gate-event.js";
import { SNAPSHOT_NOW_ACTION } from "../gate/post-gate-check.js";

/**
 * check_run requested_action "Snapshot now": dispatches the environment's
 * snapshot workflow (environments.<env>.snapshot_workflow, from the default
 * branch's policy) on the default branch with the input `environment`, and
 * notes it in the check run's text. The note carries the delivery id, so a
 * redelivery dispatches nothing more. When the snapshot lands in the backup
 * repository, the push re-evaluates the gate.
 */
export async function onSnapshotNow(
  context: Context<"check_run.requested_action">,
  event: GateEvent,
): Promise<void> {
  const { check_run: run, requested_action: action, sender } = context.payload;
  if (action?.identifier !== SNAPSHOT_NOW_ACTION.identifier) return;
  const environment = environmentOfCheckName(run.name);
  if (typeof environment !== "string") return;
  const { octokit, owner, repo } = event;
  const marker = `(delivery ${event.deliveryId})`;
  const current = (await octokit.rest.checks.get({ owner, repo, check_run_id: run.id })).data;
  if (current.output.text?.includes(marker)) return;

  let note: string;
  try {
    const gate = await readGateContext(octokit, { owner, repo, headSha: null, appId: event.appId });
    const policy = await loadPolicy(gate.policySource, { owner, repo });
    const workflow = policy.environments[environment]?.snapshotWorkflow ?? null;
    if (workflow === null || gate.defaultBranch === null) {
      note = `@${sender.login} asked for a snapshot, but the policy names no snapshot workflow for ${environment}: add environments.${environment}.snapshot_workflow to .github/snapgate.yml.`;
    } else {
      note = await dispatch(event, workflow, gate.defaultBranch, environment, sender.login);
    }
  } catch (error) {
    note = `@${sender.login} asked for a snapshot, but the policy could not be used: ${asSnapgateError(error).message}`;
  }
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: run.id,
    output: {
      title: current.output.title ?? run.name,
      summary: current.output.summary ?? "",
      text: `${current.output.text ? `${current.output.text}\n\n` : ""}${note} ${marker}`,
    },
  });
}

async function dispatch(
  event: GateEvent,
  workflow: string,
  ref: string,
  environment: string,
  login: string,
): Promise<string> {
  try {
    await event.octokit.rest.actions.createWorkflowDispatch({
      owner: event.owner,
      repo: event.repo,
      workflow_id: workflow,
      ref,
      inputs: { environment },
    });
  } catch (error) {
    return `@${login} asked for a snapshot, but dispatching ${workflow} on ${ref} failed (${httpStatus(error) ?? "no response"}: ${githubMessage(error)}). Check that .github/workflows/${workflow} exists on ${ref} with a workflow_dispatch trigger that takes an \`environment\` input, and that the app may run workflows (actions: write).`;
  }
  return `Snapshot requested by @${login} at ${event.now.toISOString()}: ${workflow} dispatched on ${ref} with environment=${environment}. This check is decided again when the snapshot reaches the backup repository.`;
}
