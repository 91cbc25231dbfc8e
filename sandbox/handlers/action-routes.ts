import { parse as parseYaml } from "yaml";
import { findPath } from "../git/find-path.js";
import { resolveCommit } from "../git/resolve-revision.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { workflowRunJson } from "../representations/workflow-run-json.js";
import { createWorkflowRun } from "../state/create-workflow-run.js";
import { workflowJobs } from "../state/workflow-jobs.js";
import type { RepoRecord, WorkflowRunRecord } from "../state/entities.js";
import { answerProtectionRule, gateRunJobs } from "../services/deployment-gates.js";
import { paginate } from "./paginate.js";
import { actingUser, refuseUnsupported, repoOf } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/actions/workflows";

interface DispatchInput {
  required?: boolean;
  default?: unknown;
}

/** The workflow_dispatch trigger of a workflow file: null when it has none. */
function dispatchTrigger(workflow: Record<string | number, unknown> | null): {
  inputs: Record<string, DispatchInput>;
} | null {
  // YAML 1.1 readers turn the key `on` into true; accept both spellings.
  const on = workflow?.on ?? workflow?.true;
  if (on === "workflow_dispatch") return { inputs: {} };
  if (Array.isArray(on)) return on.includes("workflow_dispatch") ? { inputs: {} } : null;
  if (on && typeof on === "object" && "workflow_dispatch" in on) {
    const trigger = (on as Record<string, unknown>).workflow_dispatch as {
      inputs?: Record<string, DispatchInput>;
    } | null;
    return { inputs: trigger?.inputs ?? {} };
  }
  return null;
}

function workflowPath(repo: RepoRecord, workflowId: string): string {
  if (/^\d+$/.test(workflowId)) {
    const found = [...repo.workflowIds].find(([, id]) => id === Number(workflowId));
    if (!found) throw apiError(404, "Not Found", { documentationUrl: DOCS });
    return found[0];
  }
  return `.github/workflows/${workflowId}`;
}

async function dispatch(context: RequestContext) {
  const repo = repoOf(context);
  const body = context.body as {
    ref: string;
    inputs?: Record<string, unknown>;
    return_run_details?: boolean;
  };
  const path = workflowPath(repo, context.params.workflow_id!);
  const branch = body.ref.replace(/^refs\/(heads|tags)\//, "");
  const commit = await resolveCommit(repo.git, body.ref);
  if (!commit) throw apiError(422, `No ref found for: ${body.ref}`, { documentationUrl: DOCS });
  const file = await findPath(repo.git, (await repo.git.readCommit(commit))!.tree, path);
  if (!file || file.type !== "blob") throw apiError(404, "Not Found", { documentationUrl: DOCS });
  const workflow = parseYaml((await repo.git.read(file.oid))!.content.toString("utf8")) as Record<
    string | number,
    unknown
  > | null;
  const trigger = dispatchTrigger(workflow);
  if (!trigger)
    throw apiError(422, "Workflow does not have 'workflow_dispatch' trigger", {
      documentationUrl: DOCS,
    });
  const inputs = body.inputs ?? {};
  const unexpected = Object.keys(inputs).filter((name) => !(name in trigger.inputs));
  if (unexpected.length > 0) {
    throw apiError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, {
      documentationUrl: DOCS,
    });
  }
  for (const [name, input] of Object.entries(trigger.inputs)) {
    if (input?.required && input.default === undefined && inputs[name] === undefined) {
      throw apiError(422, `Required input '${name}' not provided`, { documentationUrl: DOCS });
    }
  }
  const jobs = workflowJobs(workflow, (what) => refuseUnsupported(context, what));
  const run = createWorkflowRun(context.services.world, repo, {
    path,
    branch,
    headSha: commit,
    event: "workflow_dispatch",
    actor: actingUser(context),
    inputs,
  });
  gateRunJobs(context.services.world, run, jobs, context.services, context.now);
  if (!body.return_run_details) return { status: 204 };
  const { urls } = context.services;
  return {
    status: 200,
    body: {
      workflow_run_id: run.id,
      run_url: urls.repoApi(repo.fullName, `/actions/runs/${run.id}`),
      html_url: urls.html(`/${repo.fullName}/actions/runs/${run.id}`),
    },
  };
}

async function runJson(context: RequestContext, run: WorkflowRunRecord) {
  const { world, urls } = context.services;
  const openIssues = [...world.issues.values()].filter(
    (issue) => issue.repo === run.repo && issue.state === "open",
  ).length;
  return workflowRunJson(urls, run, await run.repo.git.readCommit(run.headSha), openIssues);
}

function findRun(context: RequestContext): WorkflowRunRecord {
  const run = context.services.world.workflowRuns.get(Number(context.params.run_id));
  if (!run || run.repo !== repoOf(context))
    throw apiError(404, "Not Found", { documentationUrl: DOCS });
  return run;
}

async function getRun(context: RequestContext) {
  return { status: 200, body: await runJson(context, findRun(context)) };
}

async function listRuns(context: RequestContext) {
  const repo = repoOf(context);
  const { actor, branch, event, status, head_sha: headSha } = context.query;
  const runs = [...context.services.world.workflowRuns.values()]
    .filter(
      (run) =>
        run.repo === repo &&
        (actor === undefined || run.actor.login === actor) &&
        (branch === undefined || run.headBranch === branch) &&
        (event === undefined || run.event === event) &&
        (status === undefined || run.status === status || run.conclusion === status) &&
        (headSha === undefined || run.headSha === headSha),
    )
    .reverse();
  const page = paginate(context, runs, `/repos/${repo.fullName}/actions/runs`);
  const items = [];
  for (const run of page.items) items.push(await runJson(context, run));
  return {
    status: 200,
    headers: page.headers,
    body: { total_count: runs.length, workflow_runs: items },
  };
}

function reviewCustomGate(context: RequestContext) {
  const run = findRun(context);
  const body = context.body as {
    environment_name: string;
    state?: "approved" | "rejected";
    comment?: string;
  };
  const { principal } = context;
  const pending = run.pendingDeployments.find(
    (deployment) => deployment.environment === body.environment_name,
  );
  const app = principal.kind === "token" ? principal.token.installation?.app : undefined;
  if (!pending || pending.app !== app) {
    throw apiError(
      422,
      `No pending deployment protection rule of this app for environment ${body.environment_name}.`,
      {
        documentationUrl:
          "https://docs.github.com/rest/actions/workflow-runs#review-custom-deployment-protection-rules-for-a-workflow-run",
      },
    );
  }
  run.reviews.push({
    environment: body.environment_name,
    state: body.state ?? null,
    comment: body.comment ?? null,
    by: actingUser(context),
    at: context.now,
  });
  // A comment alone is recorded; only a state answers the rule.
  if (body.state) {
    answerProtectionRule(
      run,
      pending,
      body.state,
      body.comment ?? null,
      context.services,
      context.now,
    );
  }
  return { status: 204 };
}

/**
 * A re-run: a new attempt of a completed run, by the requester, whose jobs
 * are gated again (a new deployment, a new protection rule request).
 */
function rerun(context: RequestContext) {
  const run = findRun(context);
  if (run.status !== "completed") {
    throw apiError(
      403,
      `Workflow run ${run.id} is still ${run.status}: only a completed run can be re-run.`,
      {
        documentationUrl: "https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow",
      },
    );
  }
  const jobs = run.jobs.map(({ name, environment }) => ({ name, environment }));
  Object.assign(run, {
    attempt: run.attempt + 1,
    triggeringActor: actingUser(context),
    status: "queued",
    conclusion: null,
    updatedAt: context.now,
    pendingDeployments: [],
    jobs: [],
  });
  gateRunJobs(context.services.world, run, jobs, context.services, context.now);
  return { status: 201, body: {} };
}

/** Workflow dispatch (the workflow file must exist on the ref and declare the inputs) and workflow runs. */
export const actionRoutes: RouteDefinition[] = [
  {
    operationId: "actions/create-workflow-dispatch",
    method: "POST",
    path: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    access: { scope: "repo", permissions: ["actions"], level: "write" },
    handle: dispatch,
  },
  {
    operationId: "actions/get-workflow-run",
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}",
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: getRun,
  },
  {
    operationId: "actions/list-workflow-runs-for-repo",
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/runs",
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: listRuns,
  },
  {
    operationId: "actions/re-run-workflow",
    method: "POST",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun",
    access: { scope: "repo", permissions: ["actions"], level: "write" },
    handle: rerun,
  },
  {
    operationId: "actions/review-custom-gates-for-run",
    method: "POST",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
    access: { scope: "repo", permissions: ["deployments"], level: "write", appsOnly: true },
    handle: reviewCustomGate,
  },
];
