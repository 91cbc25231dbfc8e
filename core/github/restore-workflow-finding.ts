import { parse } from "yaml";
import type { ProtectionFinding } from "./check-backup-repository.js";
import type { GitHubClient } from "./github-client.js";
import { githubError, httpStatus } from "./github-error.js";

/** Workflow files read at most: a repository's restore workflow is one of a handful. */
const MAX_WORKFLOWS = 30;

interface ContentEntry {
  name: string;
  path: string;
  type: string;
}

/** The names of a workflow's jobs that run in `environment` (a name or `{ name }`; expressions never match). */
function jobsIn(text: string, environment: string): string[] {
  let workflow: unknown;
  try {
    workflow = parse(text);
  } catch {
    return [];
  }
  const jobs = (workflow as { jobs?: unknown } | null)?.jobs;
  if (!jobs || typeof jobs !== "object") return [];
  return Object.entries(jobs as Record<string, unknown>).flatMap(([name, job]) => {
    const named = (job as { environment?: unknown } | null)?.environment;
    const value =
      typeof named === "string" ? named : (named as { name?: unknown } | undefined)?.name;
    return typeof value === "string" && value.toLowerCase() === environment.toLowerCase()
      ? [name]
      : [];
  });
}

/**
 * Whether a workflow on the default branch runs a job in the restore
 * environment: without one the protected environment protects nothing that
 * runs, and no approved restore can run. Reads the `.github/workflows`
 * listing and each workflow file (one request each, 30 at most).
 */
export async function restoreWorkflowFinding(
  client: GitHubClient,
  where: { owner: string; repo: string; environment: string },
  location: string,
): Promise<ProtectionFinding> {
  const { owner, repo, environment } = where;
  const check = `a workflow's job runs in ${environment}`;
  const fix = `Add the restore workflow to ${owner}/${repo} on its default branch as .github/workflows/snapgate-restore.yml (docs/examples/snapgate-restore.yml: its job names "environment: ${environment}"), and name it in the policy's environments.<env>.restore_workflow.`;
  let entries: ContentEntry[];
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path: ".github/workflows",
    });
    entries = Array.isArray(data) ? (data as ContentEntry[]) : [];
  } catch (error) {
    if (httpStatus(error) === 404)
      return {
        check,
        ok: false,
        detail: `${owner}/${repo} has no .github/workflows: no restore can run there`,
        fix,
      };
    if (httpStatus(error) === 403) {
      return {
        check,
        ok: null,
        detail: "this token cannot read the repository's workflows",
        fix: `Run doctor with a token that may read ${owner}/${repo}'s contents, or check by hand. ${fix}`,
      };
    }
    throw githubError(error, "listing the repository's workflows", location);
  }
  const files = entries
    .filter((entry) => entry.type === "file" && /\.ya?ml$/i.test(entry.name))
    .slice(0, MAX_WORKFLOWS);
  const found: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner,
        repo,
        path: file.path,
        headers: { accept: "application/vnd.github.raw+json" },
      });
      text = typeof data === "string" ? data : String(data);
    } catch (error) {
      throw githubError(error, `reading ${file.path}`, location);
    }
    for (const job of jobsIn(text, environment)) found.push(`${file.name} (job ${job})`);
  }
  return found.length > 0
    ? { check, ok: true, detail: found.join(", ") }
    : {
        check,
        ok: false,
        detail: `none of the ${files.length} workflow(s) in .github/workflows runs a job in ${environment}: no restore can run there`,
        fix,
      };
}
