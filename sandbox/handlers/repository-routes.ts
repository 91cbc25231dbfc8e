import type { RequestContext, RouteDefinition } from "../http/route.js";
import { repositoryJson } from "../representations/repository-json.js";
import { roleAtLeast } from "../state/world.js";
import { repoOf } from "./request-helpers.js";

function getRepository(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const openIssues = [...world.issues.values()].filter(
    (issue) => issue.repo === repo && issue.state === "open",
  ).length;
  const { principal } = context;
  // GitHub shows a person their own permissions on the repository.
  let permissions;
  if (principal.kind === "token" && !principal.token.installation) {
    const role = world.roleOf(principal.token.actor, repo);
    permissions = {
      admin: roleAtLeast(role, "admin"),
      maintain: roleAtLeast(role, "maintain"),
      push: roleAtLeast(role, "write"),
      triage: roleAtLeast(role, "triage"),
      pull: roleAtLeast(role, "read") || !repo.private,
    };
  }
  return { status: 200, body: repositoryJson(urls, repo, openIssues, permissions) };
}

export const repositoryRoutes: RouteDefinition[] = [
  {
    operationId: "repos/get",
    method: "GET",
    path: "/repos/{owner}/{repo}",
    access: { scope: "repo", permissions: ["metadata"], level: "read" },
    handle: getRepository,
  },
];
