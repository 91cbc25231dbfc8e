import type { Principal } from "../auth/principal.js";
import { grantedLevel } from "../auth/repo-access.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { rulesetJson } from "../representations/ruleset-json.js";
import { canBypass } from "../rules/enforce-rulesets.js";
import { rulesetApplies } from "../rules/ruleset-applies.js";
import type { RepoRecord, RulesetRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { paginate } from "./paginate.js";
import { repoOf } from "./request-helpers.js";

function bypassOf(world: World, principal: Principal, repo: RepoRecord, ruleset: RulesetRecord) {
  return canBypass(world, principal, repo, ruleset) ? ("always" as const) : ("never" as const);
}

/**
 * Whether the principal may edit the repository's rulesets: an app or token with
 * administration write, and for a person the admin role. GitHub's description of
 * get-repo-ruleset: "the `bypass_actors` property is only returned if the user
 * making the API request has write access to the ruleset".
 */
function canEditRulesets(world: World, principal: Principal, repo: RepoRecord): boolean {
  if (principal.kind !== "token") return false;
  const level = grantedLevel(world, principal, repo, "administration");
  if (level !== "write" && level !== "admin") return false;
  return (
    principal.token.installation !== null || world.roleOf(principal.token.actor, repo) === "admin"
  );
}

function listRulesets(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const page = paginate(context, repo.rulesets, `/repos/${repo.fullName}/rulesets`);
  return {
    status: 200,
    headers: page.headers,
    body: page.items.map((ruleset) =>
      rulesetJson(urls, repo, ruleset, {
        full: false,
        currentUserCanBypass: bypassOf(world, context.principal, repo, ruleset),
      }),
    ),
  };
}

function getRuleset(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const ruleset = repo.rulesets.find(
    (candidate) => candidate.id === Number(context.params.ruleset_id),
  );
  if (!ruleset)
    throw apiError(404, "Not Found", {
      documentationUrl: "https://docs.github.com/rest/repos/rules",
    });
  return {
    status: 200,
    body: rulesetJson(urls, repo, ruleset, {
      full: true,
      currentUserCanBypass: bypassOf(world, context.principal, repo, ruleset),
      bypassActors: canEditRulesets(world, context.principal, repo),
    }),
  };
}

function branchRules(context: RequestContext) {
  const repo = repoOf(context);
  const ref = `refs/heads/${context.params.branch}`;
  const rules = repo.rulesets
    .filter((ruleset) => ruleset.enforcement === "active" && rulesetApplies(repo, ruleset, ref))
    .flatMap((ruleset) =>
      ruleset.rules.map((rule) => ({
        ...rule,
        ruleset_source_type: "Repository",
        ruleset_source: repo.fullName,
        ruleset_id: ruleset.id,
      })),
    );
  const page = paginate(
    context,
    rules,
    `/repos/${repo.fullName}/rules/branches/${context.params.branch}`,
  );
  return { status: 200, headers: page.headers, body: page.items };
}

const metadataRead = { scope: "repo", permissions: ["metadata"], level: "read" } as const;

/** Reading repository rulesets and the rules that apply to a branch (tests create rulesets with addRuleset). */
export const rulesetRoutes: RouteDefinition[] = [
  {
    operationId: "repos/get-repo-rulesets",
    method: "GET",
    path: "/repos/{owner}/{repo}/rulesets",
    access: metadataRead,
    handle: listRulesets,
  },
  {
    operationId: "repos/get-repo-ruleset",
    method: "GET",
    path: "/repos/{owner}/{repo}/rulesets/{ruleset_id}",
    access: metadataRead,
    handle: getRuleset,
  },
  {
    operationId: "repos/get-branch-rules",
    method: "GET",
    path: "/repos/{owner}/{repo}/rules/branches/{branch}",
    access: metadataRead,
    handle: branchRules,
  },
];
