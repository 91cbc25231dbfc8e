import { resolveCommit } from "../git/resolve-revision.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { checkRunJson } from "../representations/check-run-json.js";
import type { AppRecord, CheckRunRecord, CheckSuiteRecord, RepoRecord } from "../state/entities.js";
import { paginate } from "./paginate.js";
import { repoOf } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/checks/runs";

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunRecord["status"];
  started_at?: string;
  conclusion?: string;
  completed_at?: string;
  output?: {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: Record<string, unknown>[];
  };
  actions?: { label: string; description: string; identifier: string }[];
}

function installationApp(context: RequestContext): AppRecord {
  const { principal } = context;
  if (principal.kind !== "token" || !principal.token.installation) {
    throw apiError(403, "You must authenticate via a GitHub App.", { documentationUrl: DOCS });
  }
  return principal.token.installation.app;
}

function suiteFor(
  context: RequestContext,
  repo: RepoRecord,
  app: AppRecord,
  headSha: string,
): CheckSuiteRecord {
  const { world } = context.services;
  const existing = [...world.checkSuites.values()].find(
    (suite) => suite.repo === repo && suite.app === app && suite.headSha === headSha,
  );
  if (existing) return existing;
  const suite: CheckSuiteRecord = {
    id: world.nextId("suite"),
    repo,
    app,
    headSha,
    headBranch: null,
    createdAt: context.now,
    updatedAt: context.now,
  };
  world.checkSuites.set(suite.id, suite);
  return suite;
}

function validate(body: CheckRunBody): void {
  if ((body.output?.annotations?.length ?? 0) > 50) {
    throw apiError(422, "Invalid request.\n\nOnly 50 annotations can be sent per request.", {
      documentationUrl: DOCS,
    });
  }
  if ((body.actions?.length ?? 0) > 3) {
    throw apiError(422, "Invalid request.\n\nOnly 3 actions can be sent per request.", {
      documentationUrl: DOCS,
    });
  }
  if (body.status === "completed" && body.conclusion === undefined) {
    throw apiError(422, "Invalid request.\n\nA conclusion is required when status is completed.", {
      documentationUrl: DOCS,
    });
  }
}

function date(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw apiError(422, `Invalid request.\n\n${value} is not a valid date-time.`, {
      documentationUrl: DOCS,
    });
  return parsed;
}

/** Applies the mutable fields of a create or update body to a run. */
function apply(run: CheckRunRecord, body: CheckRunBody, now: Date): void {
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = date(body.started_at, now);
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    // A conclusion completes the run, as GitHub documents.
    run.conclusion = body.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed") run.completedAt = date(body.completed_at, run.completedAt ?? now);
  if (body.output) {
    run.output.title = body.output.title ?? run.output.title;
    run.output.summary = body.output.summary ?? run.output.summary;
    run.output.text = body.output.text ?? run.output.text;
    // Annotations accumulate across updates on GitHub.
    run.output.annotations.push(...(body.output.annotations ?? []));
  }
  if (body.actions) run.actions = body.actions.map((action) => ({ ...action }));
}

async function createCheckRun(context: RequestContext) {
  const repo = repoOf(context);
  const app = installationApp(context);
  const body = context.body as CheckRunBody;
  validate(body);
  if ((await repo.git.objectType(body.head_sha!)) !== "commit") {
    throw apiError(422, `No commit found for SHA: ${body.head_sha}`, { documentationUrl: DOCS });
  }
  const { world, urls } = context.services;
  const run: CheckRunRecord = {
    id: world.nextId("run"),
    repo,
    suite: suiteFor(context, repo, app, body.head_sha!),
    app,
    name: body.name!,
    headSha: body.head_sha!,
    externalId: null,
    detailsUrl: null,
    status: "queued",
    conclusion: null,
    startedAt: context.now,
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
    actions: [],
  };
  apply(run, body, context.now);
  world.checkRuns.set(run.id, run);
  return { status: 201, body: checkRunJson(urls, world, run) };
}

function findRun(context: RequestContext): CheckRunRecord {
  const run = context.services.world.checkRuns.get(Number(context.params.check_run_id));
  if (!run || run.repo !== repoOf(context))
    throw apiError(404, "Not Found", { documentationUrl: DOCS });
  return run;
}

function getCheckRun(context: RequestContext) {
  const { world, urls } = context.services;
  return { status: 200, body: checkRunJson(urls, world, findRun(context)) };
}

function updateCheckRun(context: RequestContext) {
  const app = installationApp(context);
  const run = findRun(context);
  if (run.app !== app) {
    throw apiError(
      403,
      `Invalid app_id \`${app.id}\` - check run can only be modified by the GitHub App that created it.`,
      {
        documentationUrl: DOCS,
      },
    );
  }
  const body = context.body as CheckRunBody;
  validate({
    ...body,
    status: body.status ?? run.status,
    conclusion: body.conclusion ?? run.conclusion ?? undefined,
  });
  apply(run, body, context.now);
  const { world, urls } = context.services;
  return { status: 200, body: checkRunJson(urls, world, run) };
}

async function listForRef(context: RequestContext) {
  const repo = repoOf(context);
  const sha = await resolveCommit(repo.git, context.params.ref!);
  if (!sha)
    throw apiError(422, `No commit found for SHA: ${context.params.ref}`, {
      documentationUrl: DOCS,
    });
  const { world, urls } = context.services;
  const { check_name: name, status, filter, app_id: appId } = context.query;
  let runs = [...world.checkRuns.values()].filter(
    (run) =>
      run.repo === repo &&
      run.headSha === sha &&
      (name === undefined || run.name === name) &&
      (status === undefined || run.status === status) &&
      (appId === undefined || run.app.id === Number(appId)),
  );
  if (filter !== "all") {
    // "latest": only the newest run of each name in each suite.
    const newest = new Map<string, CheckRunRecord>();
    for (const run of runs) newest.set(`${run.suite.id}:${run.name}`, run);
    runs = [...newest.values()];
  }
  runs.sort((a, b) => b.id - a.id);
  const page = paginate(
    context,
    runs,
    `/repos/${repo.fullName}/commits/${context.params.ref}/check-runs`,
  );
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: runs.length,
      check_runs: page.items.map((run) => checkRunJson(urls, world, run)),
    },
  };
}

const checksWrite = {
  scope: "repo",
  permissions: ["checks"],
  level: "write",
  appsOnly: true,
} as const;
const checksRead = { scope: "repo", permissions: ["checks"], level: "read" } as const;

/** Check runs: only GitHub Apps may write them; each belongs to a suite per app and commit. */
export const checkRoutes: RouteDefinition[] = [
  {
    operationId: "checks/create",
    method: "POST",
    path: "/repos/{owner}/{repo}/check-runs",
    access: checksWrite,
    handle: createCheckRun,
  },
  {
    operationId: "checks/get",
    method: "GET",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    access: checksRead,
    handle: getCheckRun,
  },
  {
    operationId: "checks/update",
    method: "PATCH",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    access: checksWrite,
    handle: updateCheckRun,
  },
  {
    operationId: "checks/list-for-ref",
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    access: checksRead,
    handle: listForRef,
  },
];
