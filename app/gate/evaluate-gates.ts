import { readGateContext, type GateContext } from "../../core/github/read-gate-context.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import { policyErrorDecision } from "../../core/gate/policy-error-decision.js";
import { policyReadErrorDecision } from "../../core/gate/policy-read-error-decision.js";
import { gatedEnvironments } from "../../core/policy/gated-environments.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { Policy } from "../../core/policy/policy.js";
import { decideEnvironment, mayUseBackup } from "./decide-environment.js";
import type { GateEvent } from "./gate-event.js";
import { openGateLock } from "./open-gate-lock.js";
import { postOnce } from "./post-once.js";
import { postGateCheck } from "./post-gate-check.js";

/** A commit to gate, and why. */
export interface GateTarget {
  headSha: string;
  /**
   * The branches whose environments gate this commit: a pull request's base,
   * a pushed branch, a merge queue's base, a check suite's branch and the
   * bases of its pull requests.
   */
  branches: readonly string[];
  /**
   * Set when the event names the check run (check_run.rerequested): only that
   * environment is decided; null is the policy-wide check run.
   */
  environment?: string | null;
  /**
   * "first": an environment that already has a check run on the commit is
   * skipped (one push reaches the app as push, check_suite and pull_request;
   * GitHub's runs and this process's ledger are consulted);
   * "again": a new check run, unless this delivery already posted one.
   */
  mode: "first" | "again";
  /**
   * Environments another event of the same commit is responsible for (see
   * ADR 0604): a pull request's synchronize leaves those its head branch
   * releases to the push of that branch.
   */
  skipEnvironments?: (policy: Policy) => readonly string[];
  /** Post the policy-wide failing check run when the policy cannot be used (pull requests, merge queues, the default branch). */
  reportPolicyProblems: boolean;
  /** What asked for the decision, for the check run's text. */
  reason: string;
}

/** The label of the policy-wide check run's table, where an environment's name would be. */
export const ALL_ENVIRONMENTS = "all environments";

/**
 * Decides every environment gated on the target and posts a check run each:
 * one GraphQL read of the repository (the policy from the default branch,
 * the owner's `.github` fallback, the app's runs on the commit), two reads of
 * the backup repository per environment, one check run each; a check run
 * that is due also takes its cross-instance lock in the backup repository
 * (one ref creation each, and one read of the backup branch's head per
 * event: ADR 0611). A policy that
 * cannot be read or is invalid gives one failing policy-wide check run that
 * says where and how to fix it; a repository without a policy is not gated.
 */
export async function evaluateGates(event: GateEvent, target: GateTarget): Promise<void> {
  const decided = `Decided at ${event.now.toISOString()} for ${target.reason} (delivery ${event.deliveryId}).`;
  let context: GateContext;
  try {
    context = await readGateContext(event.octokit, {
      owner: event.owner,
      repo: event.repo,
      headSha: target.headSha,
      appId: event.appId,
    });
  } catch (error) {
    // Without the policy the environments are unknown: one failing check run says why,
    // where a merge is gated (pull requests, merge queues, the default branch), not on every push.
    if (target.environment === undefined && !target.reportPolicyProblems) {
      event.log.warn(`${event.owner}/${event.repo}: ${String(error)}`);
      return;
    }
    const name = target.environment ?? null;
    // No policy, no backup repository to lock in: this instance's ledger only (ADR 0611).
    await postOnce(event, target, name, [], openGateLock(event, null), async () =>
      postGateCheck(
        event,
        target.headSha,
        name,
        policyReadErrorDecision(name ?? ALL_ENVIRONMENTS, error),
        [decided],
      ),
    );
    return;
  }
  if (!context.hasPolicy && target.environment === undefined) {
    event.log.info(`${event.owner}/${event.repo} has no Snapgate policy: nothing to gate`);
    return;
  }
  const policyRead = `The policy is read from the default branch${context.defaultBranch ? ` (${context.defaultBranch})` : ""} only: a pull request cannot change its own gate.`;

  let policy: Policy;
  try {
    policy = await loadPolicy(context.policySource, { owner: event.owner, repo: event.repo });
  } catch (error) {
    const name = target.environment ?? null;
    if (name === null && !target.reportPolicyProblems) return;
    await postOnce(event, target, name, context.checkRuns, openGateLock(event, null), async () =>
      postGateCheck(
        event,
        target.headSha,
        name,
        policyErrorDecision(name ?? ALL_ENVIRONMENTS, error),
        [decided, policyRead],
      ),
    );
    return;
  }

  const environments =
    typeof target.environment === "string"
      ? [target.environment]
      : [...new Set(target.branches.flatMap((branch) => gatedEnvironments(policy, branch)))];
  const skipped = new Set(target.skipEnvironments?.(policy) ?? []);
  const claim = openGateLock(event, lockPlace(event, policy));
  const posts = environments
    .filter((environment) => !skipped.has(environment))
    .map((environment) =>
      postOnce(event, target, environment, context.checkRuns, claim, async () => {
        const decision = await decideEnvironment(policy, environment, {
          ...event,
          gatedOwner: event.owner,
        });
        const backup = policy.backup
          ? `Backup repository: ${policy.backup.repository}@${policy.backup.branch}.`
          : "No backup repository in the policy.";
        return postGateCheck(
          event,
          target.headSha,
          environment,
          decision,
          [decided, `Policy: ${policy.sources.join(" extends ")}. ${policyRead}`, backup],
          policy.environments[environment]?.snapshotWorkflow ?? null,
        );
      }),
    );
  if (target.environment === null) {
    // The policy-wide check run was re-run and the policy loads now: clear it.
    posts.push(
      postOnce(event, target, null, context.checkRuns, claim, async () =>
        postGateCheck(event, target.headSha, null, policyLoadsDecision(policy), [
          decided,
          policyRead,
        ]),
      ),
    );
  }
  // Every environment finishes (posted, or its lock released) before the delivery answers:
  // a failure of one must not leave another's retry running after GitHub was told to redeliver.
  const failed = (await Promise.allSettled(posts)).find(
    (outcome): outcome is PromiseRejectedResult => outcome.status === "rejected",
  );
  if (failed) throw failed.reason;
}

/** Where the gate's locks go: the policy's backup repository, if the gated account may use it. */
function lockPlace(
  event: GateEvent,
  policy: Policy,
): { owner: string; repo: string; branch: string } | null {
  const backup = policy.backup;
  if (!backup) return null;
  const [owner = "", repo = ""] = backup.repository.split("/");
  if (!mayUseBackup(event.owner, owner, event.backupAccounts)) return null;
  return { owner, repo, branch: backup.branch };
}

function policyLoadsDecision(policy: Policy): GateDecision {
  return {
    environment: ALL_ENVIRONMENTS,
    conclusion: "success",
    summary: "The policy loads; each environment has its own check run.",
    conditions: [
      {
        name: "policy",
        state: "pass",
        detail: `Read from ${policy.sources.join(", ")}.`,
        fix: null,
      },
    ],
  };
}
