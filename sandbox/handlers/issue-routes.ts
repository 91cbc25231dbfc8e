import { pullStats } from "../git/pull-stats.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { commentJson, issueJson, reactionJson } from "../representations/issue-json.js";
import { pullRequestJson } from "../representations/pull-request-json.js";
import type { CommentRecord, IssueRecord } from "../state/entities.js";
import { roleAtLeast } from "../state/world.js";
import { paginate } from "./paginate.js";
import { actingUser, refuseUnsupported, repoOf } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/issues";

function findIssue(context: RequestContext): IssueRecord {
  const issue = context.services.world.issue(repoOf(context), Number(context.params.issue_number));
  if (!issue) throw apiError(404, "Not Found", { documentationUrl: DOCS });
  return issue;
}

function findComment(context: RequestContext): CommentRecord {
  const comment = context.services.world.comments.get(Number(context.params.comment_id));
  if (!comment || comment.deleted || comment.repo !== repoOf(context)) {
    throw apiError(404, "Not Found", { documentationUrl: DOCS });
  }
  return comment;
}

type LabelInput = string | { name?: string };

/**
 * The label names a request may set: GitHub silently drops labels from
 * people without triage access; an installation with issues write may set them.
 */
function labelsFrom(
  context: RequestContext,
  repo: IssueRecord["repo"],
  labels: LabelInput[] | undefined,
) {
  if (labels === undefined) return undefined;
  const { principal } = context;
  const byApp = principal.kind === "token" && principal.token.installation !== null;
  if (!byApp && !roleAtLeast(context.services.world.roleOf(actingUser(context), repo), "triage")) {
    return undefined;
  }
  const names = labels.flatMap((label) =>
    typeof label === "string" ? [label] : label.name ? [label.name] : [],
  );
  for (const name of names) context.services.world.label(repo, name);
  return [...new Set(names)];
}

function createIssue(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const body = context.body as {
    title: string | number;
    body?: string | null;
    labels?: LabelInput[];
  };
  const labels = labelsFrom(context, repo, body.labels);
  const number = world.nextIssueNumber(repo);
  const issue: IssueRecord = {
    id: world.nextId("issue"),
    number,
    repo,
    title: String(body.title),
    body: body.body ?? null,
    user: actingUser(context),
    state: "open",
    createdAt: context.now,
    updatedAt: context.now,
    pull: null,
    ...(labels ? { labels } : {}),
  };
  world.issues.set(`${repo.fullName}#${number}`.toLowerCase(), issue);
  const json = issueJson(urls, world, issue);
  return { status: 201, headers: { location: json.url }, body: json };
}

function getIssue(context: RequestContext) {
  const { world, urls } = context.services;
  return { status: 200, body: issueJson(urls, world, findIssue(context)) };
}

/** Issues and pull requests of a repository, newest first, filtered as GitHub filters them. */
function listIssues(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const state = typeof context.query.state === "string" ? context.query.state : "open";
  const wanted =
    typeof context.query.labels === "string" && context.query.labels !== ""
      ? context.query.labels.split(",").map((name) => name.trim().toLowerCase())
      : [];
  const since =
    typeof context.query.since === "string" ? Date.parse(context.query.since) : Number.NaN;
  if (context.query.sort !== undefined && context.query.sort !== "created") {
    refuseUnsupported(context, `sort=${String(context.query.sort)}`);
  }
  for (const name of ["milestone", "assignee", "creator", "mentioned", "type"]) {
    if (context.query[name] !== undefined) refuseUnsupported(context, `filtering by ${name}`);
  }
  const ascending = context.query.direction === "asc";
  const issues = [...world.issues.values()]
    .filter(
      (issue) =>
        issue.repo === repo &&
        (state === "all" || issue.state === state) &&
        wanted.every((name) =>
          (issue.labels ?? []).some((label) => label.toLowerCase() === name),
        ) &&
        (Number.isNaN(since) || issue.updatedAt.getTime() >= since),
    )
    .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  const page = paginate(context, issues, `/repos/${repo.fullName}/issues`);
  return {
    status: 200,
    headers: page.headers,
    body: page.items.map((issue) => issueJson(urls, world, issue)),
  };
}

/** Title, body, state (with its reason) and labels; what the sandbox does not model is refused. */
function updateIssue(context: RequestContext) {
  const issue = findIssue(context);
  const { world, urls } = context.services;
  const body = context.body as {
    title?: string | number | null;
    body?: string | null;
    state?: "open" | "closed";
    state_reason?: IssueRecord["stateReason"];
    labels?: LabelInput[];
  };
  for (const name of ["assignee", "assignees", "milestone", "type", "duplicate_issue_id"]) {
    if ((body as Record<string, unknown>)[name] !== undefined) {
      refuseUnsupported(context, `setting ${name}`);
    }
  }
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = body.body;
  if (body.state !== undefined && body.state !== issue.state) {
    issue.state = body.state;
    issue.closedAt = body.state === "closed" ? context.now : null;
    issue.stateReason = body.state === "closed" ? (body.state_reason ?? "completed") : "reopened";
  }
  const labels = labelsFrom(context, issue.repo, body.labels);
  if (labels) issue.labels = labels;
  issue.updatedAt = context.now;
  return { status: 200, body: issueJson(urls, world, issue) };
}

function createComment(context: RequestContext) {
  const issue = findIssue(context);
  const { world, urls } = context.services;
  const body = context.body as { body: string };
  const comment: CommentRecord = {
    id: world.nextId("comment"),
    repo: issue.repo,
    issue,
    user: actingUser(context),
    body: body.body,
    createdAt: context.now,
    updatedAt: context.now,
    reactions: [],
    deleted: false,
  };
  world.comments.set(comment.id, comment);
  issue.updatedAt = context.now;
  const json = commentJson(urls, world, comment);
  return { status: 201, headers: { location: json.url }, body: json };
}

function listComments(context: RequestContext) {
  const issue = findIssue(context);
  const { world, urls } = context.services;
  const since =
    typeof context.query.since === "string" ? Date.parse(context.query.since) : Number.NaN;
  const comments = [...world.comments.values()].filter(
    (comment) =>
      comment.issue === issue &&
      !comment.deleted &&
      (Number.isNaN(since) || comment.updatedAt.getTime() >= since),
  );
  const page = paginate(
    context,
    comments,
    `/repos/${issue.repo.fullName}/issues/${issue.number}/comments`,
  );
  return {
    status: 200,
    headers: page.headers,
    body: page.items.map((comment) => commentJson(urls, world, comment)),
  };
}

function getComment(context: RequestContext) {
  const { world, urls } = context.services;
  return { status: 200, body: commentJson(urls, world, findComment(context)) };
}

function updateComment(context: RequestContext) {
  const comment = findComment(context);
  const user = actingUser(context);
  const { world, urls } = context.services;
  const { principal } = context;
  const byApp = principal.kind === "token" && principal.token.installation !== null;
  if (!byApp && comment.user !== user && !roleAtLeast(world.roleOf(user, comment.repo), "write")) {
    throw apiError(403, "Resource not accessible by personal access token", {
      documentationUrl: DOCS,
    });
  }
  comment.body = (context.body as { body: string }).body;
  comment.updatedAt = context.now;
  return { status: 200, body: commentJson(urls, world, comment) };
}

function reactToComment(context: RequestContext) {
  const comment = findComment(context);
  const user = actingUser(context);
  const { world, urls } = context.services;
  const content = (context.body as { content: string }).content;
  const existing = comment.reactions.find(
    (reaction) => reaction.user === user && reaction.content === content,
  );
  if (existing) return { status: 200, body: reactionJson(urls, existing) };
  const reaction = { id: world.nextId("reaction"), user, content, createdAt: context.now };
  comment.reactions.push(reaction);
  return { status: 201, body: reactionJson(urls, reaction) };
}

async function getPull(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const issue = world.issue(repo, Number(context.params.pull_number));
  if (!issue?.pull)
    throw apiError(404, "Not Found", {
      documentationUrl: "https://docs.github.com/rest/pulls/pulls",
    });
  // The head and base follow their branches while the pull request is open.
  issue.pull.headSha = repo.git.readRef(`refs/heads/${issue.pull.headRef}`) ?? issue.pull.headSha;
  issue.pull.baseSha = repo.git.readRef(`refs/heads/${issue.pull.baseRef}`) ?? issue.pull.baseSha;
  const stats = await pullStats(repo.git, issue.pull.baseSha, issue.pull.headSha);
  return { status: 200, body: pullRequestJson(urls, world, issue, stats) };
}

const issuesRead = {
  scope: "repo",
  permissions: ["issues", "pull_requests"],
  level: "read",
} as const;
const issuesWrite = {
  scope: "repo",
  permissions: ["issues", "pull_requests"],
  level: "write",
} as const;

/** Issues, their comments and reactions, and reading a pull request. */
export const issueRoutes: RouteDefinition[] = [
  {
    operationId: "issues/create",
    method: "POST",
    path: "/repos/{owner}/{repo}/issues",
    access: { scope: "repo", permissions: ["issues"], level: "write" },
    handle: createIssue,
  },
  {
    operationId: "issues/list-for-repo",
    method: "GET",
    path: "/repos/{owner}/{repo}/issues",
    access: issuesRead,
    handle: listIssues,
  },
  {
    operationId: "issues/update",
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    access: { scope: "repo", permissions: ["issues"], level: "write" },
    handle: updateIssue,
  },
  {
    operationId: "issues/get",
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    access: issuesRead,
    handle: getIssue,
  },
  {
    operationId: "issues/create-comment",
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    access: issuesWrite,
    handle: createComment,
  },
  {
    operationId: "issues/list-comments",
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    access: issuesRead,
    handle: listComments,
  },
  {
    operationId: "issues/get-comment",
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    access: issuesRead,
    handle: getComment,
  },
  {
    operationId: "issues/update-comment",
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    access: issuesWrite,
    handle: updateComment,
  },
  {
    operationId: "reactions/create-for-issue-comment",
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    access: issuesWrite,
    handle: reactToComment,
  },
  {
    operationId: "pulls/get",
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    access: { scope: "repo", permissions: ["pull_requests"], level: "read" },
    handle: getPull,
  },
];
