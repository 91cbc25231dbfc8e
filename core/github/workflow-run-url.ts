/** The GitHub Actions run a step belongs to (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID). */
export interface WorkflowRun {
  serverUrl: string;
  /** owner/name */
  repository: string;
  runId: string;
}

/**
 * `https://github.com/<owner>/<repo>/actions/runs/<id>`: what snapshots record
 * as their run URL, and what a restore compares to tell "this run's own
 * snapshot" from any other. Without an attempt, so a re-run of a failed job
 * still finds the snapshot its first attempt took.
 */
export function workflowRunUrl(run: WorkflowRun): string {
  return `${run.serverUrl.replace(/\/+$/, "")}/${run.repository}/actions/runs/${run.runId}`;
}
