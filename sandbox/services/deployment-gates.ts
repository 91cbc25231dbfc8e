import picomatch from "picomatch";
import { rulesetApplies } from "../rules/ruleset-applies.js";
import { ensureEnvironment } from "../state/create-environment.js";
import type {
  AppRecord,
  EnvironmentRecord,
  WorkflowJobRecord,
  WorkflowRunRecord,
} from "../state/entities.js";
import type { World } from "../state/world.js";

export type PendingDeployment = WorkflowRunRecord["pendingDeployments"][number];

/** What GitHub does around a job that names an environment. */
export interface DeploymentGateHooks {
  /** Sends `deployment_protection_rule` (requested) to the rule's app. */
  protectionRuleRequested(run: WorkflowRunRecord, pending: PendingDeployment): void;
  /** Sends `workflow_run` (completed). */
  workflowRunCompleted(run: WorkflowRunRecord): void;
}

/**
 * GitHub's answer when a branch may not deploy to an environment: custom
 * policies match branch names with fnmatch-like patterns; "protected branches
 * only" is read as "an active branch ruleset applies to the branch" (the
 * sandbox has no classic branch protection).
 */
function branchRefusal(environment: EnvironmentRecord, branch: string): string | null {
  const policy = environment.branchPolicy;
  if (!policy) return null;
  const allowed = policy.customBranchPolicies
    ? environment.branchPolicies.some(
        (candidate) => candidate.type === "branch" && picomatch.isMatch(branch, candidate.name),
      )
    : environment.repo.rulesets.some(
        (ruleset) =>
          ruleset.enforcement === "active" &&
          rulesetApplies(environment.repo, ruleset, `refs/heads/${branch}`),
      );
  return allowed
    ? null
    : `Branch "${branch}" is not allowed to deploy to ${environment.name} due to environment protection rules.`;
}

/**
 * Completes the run once every job has: failure when any job failed. A run
 * without jobs (`jobs: {}`) waits for the test's completeWorkflowRun.
 */
function completeIfDone(run: WorkflowRunRecord, now: Date, hooks: DeploymentGateHooks): void {
  if (run.status === "completed" || run.jobs.length === 0) return;
  if (run.jobs.some((job) => job.status !== "completed")) return;
  run.status = "completed";
  run.conclusion = run.jobs.every((job) => job.conclusion === "success") ? "success" : "failure";
  run.updatedAt = now;
  hooks.workflowRunCompleted(run);
}

/**
 * Sets up the jobs of a new run as GitHub does: a job naming an environment
 * creates it if missing; a branch the environment's policy refuses fails the
 * job; each custom protection rule holds the job ("waiting") and asks its app
 * through a `deployment_protection_rule` webhook.
 */
export function gateRunJobs(
  world: World,
  run: WorkflowRunRecord,
  jobs: { name: string; environment: string | null }[],
  hooks: DeploymentGateHooks,
  now: Date,
): void {
  const requests: PendingDeployment[] = [];
  for (const { name, environment: environmentName } of jobs) {
    const job: WorkflowJobRecord = {
      name,
      environment: environmentName,
      status: "queued",
      conclusion: null,
      refusal: null,
    };
    run.jobs.push(job);
    if (environmentName === null) continue;
    const environment = ensureEnvironment(world, run.repo, environmentName, now);
    job.environment = environment.name;
    const refusal = branchRefusal(environment, run.headBranch);
    if (refusal) {
      Object.assign(job, { status: "completed", conclusion: "failure", refusal });
      continue;
    }
    for (const rule of environment.protectionRules) {
      job.status = "waiting";
      const pending = {
        environment: environment.name,
        app: rule.app,
        deploymentId: world.nextId("deployment"),
      };
      run.pendingDeployments.push(pending);
      requests.push(pending);
    }
  }
  if (run.pendingDeployments.length > 0) run.status = "waiting";
  for (const pending of requests) hooks.protectionRuleRequested(run, pending);
  completeIfDone(run, now, hooks);
}

/**
 * An app's answer to its rule: an approval releases the environment's jobs
 * once no other rule of that environment is pending; a rejection fails them
 * and the run.
 */
export function answerProtectionRule(
  run: WorkflowRunRecord,
  pending: PendingDeployment,
  state: "approved" | "rejected",
  comment: string | null,
  hooks: DeploymentGateHooks,
  now: Date,
): void {
  run.pendingDeployments = run.pendingDeployments.filter((candidate) => candidate !== pending);
  run.updatedAt = now;
  const jobs = run.jobs.filter(
    (job) => job.environment === pending.environment && job.status === "waiting",
  );
  if (state === "rejected") {
    for (const job of jobs) {
      Object.assign(job, {
        status: "completed",
        conclusion: "failure",
        refusal: `The deployment protection rule of ${pending.app.slug} rejected the deployment to ${pending.environment}${comment ? `: ${comment}` : "."}`,
      });
    }
    run.pendingDeployments = run.pendingDeployments.filter(
      (candidate) => candidate.environment !== pending.environment,
    );
    // Jobless runs (createWaitingRun) end here, as before; others once every job has.
    if (run.jobs.length === 0) {
      run.status = "completed";
      run.conclusion = "failure";
      hooks.workflowRunCompleted(run);
      return;
    }
  } else if (!run.pendingDeployments.some((other) => other.environment === pending.environment)) {
    for (const job of jobs) job.status = "queued";
  }
  if (run.pendingDeployments.length === 0 && run.status === "waiting") run.status = "queued";
  completeIfDone(run, now, hooks);
}

/** The apps whose rules still hold a job. */
export function waitingOn(run: WorkflowRunRecord, job: WorkflowJobRecord): AppRecord[] {
  return run.pendingDeployments
    .filter((pending) => pending.environment === job.environment)
    .map((pending) => pending.app);
}

/** Completes a job the runner harness ran. */
export function finishJob(
  run: WorkflowRunRecord,
  job: WorkflowJobRecord,
  conclusion: "success" | "failure" | "cancelled",
  hooks: DeploymentGateHooks,
  now: Date,
): void {
  job.status = "completed";
  job.conclusion = conclusion;
  completeIfDone(run, now, hooks);
}
