import type { WorkflowRun } from "../../core/github/workflow-run-url.js";
import { workflowRunUrl } from "../../core/github/workflow-run-url.js";

/** What a step knows about the workflow run it is part of (the GitHub context). */
export interface RunContext {
  /** null outside GitHub Actions (no GITHUB_RUN_ID or GITHUB_REPOSITORY). */
  run: WorkflowRun | null;
  runUrl: string | undefined;
  sha: string | undefined;
  ref: string | undefined;
  actor: string | undefined;
  workflow: string | undefined;
  repository: string | undefined;
  /** The API the runner is connected to (GITHUB_API_URL: github.com, GHES, or a test's). */
  apiUrl: string;
}

/**
 * Reads the GitHub context. @actions/github builds its context when it is
 * imported, so it is imported here, after the runner's variables are set,
 * never at the top of a module.
 */
export async function readRunContext(): Promise<RunContext> {
  const { context } = await import("@actions/github");
  const repository = process.env.GITHUB_REPOSITORY || undefined;
  const run =
    repository && Number.isSafeInteger(context.runId) && context.runId > 0
      ? { serverUrl: context.serverUrl, repository, runId: String(context.runId) }
      : null;
  return {
    run,
    runUrl: run ? workflowRunUrl(run) : undefined,
    sha: context.sha || undefined,
    ref: context.ref || undefined,
    actor: context.actor || undefined,
    workflow: context.workflow || undefined,
    repository,
    apiUrl: context.apiUrl,
  };
}
