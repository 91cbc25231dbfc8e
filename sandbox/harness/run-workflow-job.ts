import { isSnapgateError } from "../../core/errors.js";
import type { Sandbox } from "../../sandbox/index.js";

export interface WorkflowJobRun {
  /** Whether GitHub handed the job to the runner at all. */
  started: boolean;
  /** GitHub's reason when it did not (waiting on or rejected by a protection rule, a branch policy). */
  refusal: string | null;
  /** The step's exit code when it ran. */
  code: number | null;
}

/**
 * Plays the runner for one job of a sandbox run: asks the sandbox for the
 * job, which hands over the secrets (organization, repository, then the
 * job's environment) only once GitHub released it, runs `step` with them,
 * and reports the job's end. Refused, the step never runs: the job gets no
 * secret, as on GitHub.
 */
export async function runWorkflowJob(
  gh: Sandbox,
  options: {
    runId: number;
    job: string;
    step: (secrets: Readonly<Record<string, string>>) => Promise<{ code: number }>;
  },
): Promise<WorkflowJobRun> {
  let secrets: Record<string, string>;
  try {
    ({ secrets } = gh.startJob(options.runId, options.job));
  } catch (error) {
    if (isSnapgateError(error, "PERMISSION"))
      return { started: false, refusal: error.message, code: null };
    throw error;
  }
  let code = 1;
  try {
    ({ code } = await options.step(secrets));
  } finally {
    gh.completeJob(options.runId, options.job, code === 0 ? "success" : "failure");
  }
  return { started: true, refusal: null, code };
}

/**
 * A step's input from a secret, as `${{ secrets.NAME }}` gives it: the value,
 * or an empty string when the job received no such secret.
 */
export function secretInput(secrets: Readonly<Record<string, string>>, name: string): string {
  return secrets[name.toUpperCase()] ?? "";
}
