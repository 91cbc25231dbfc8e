import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import {
  customRuleAppJson,
  environmentJson,
  protectionRuleJson,
} from "../representations/environment-json.js";
import { nodeId } from "../representations/urls.js";
import type { AppRecord, EnvironmentRecord, RepoRecord } from "../state/entities.js";
import { ensureEnvironment } from "../state/create-environment.js";
import type { World } from "../state/world.js";
import { paginate } from "./paginate.js";
import { refuseUnsupported, repoOf, requireRepoAdmin } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/deployments/environments";
const RULES_DOCS = "https://docs.github.com/rest/deployments/protection-rules";
const POLICY_DOCS = "https://docs.github.com/rest/deployments/branch-policies";

/** The environment of an environment route; 404 when the repository has none by that name. */
export function environmentOf(context: RequestContext, docs = DOCS): EnvironmentRecord {
  const environment = repoOf(context).environments.get(
    (context.params.environment_name ?? "").toLowerCase(),
  );
  if (!environment) throw apiError(404, "Not Found", { documentationUrl: docs });
  return environment;
}

/**
 * The apps that can be an environment's custom protection rule: installed on
 * the repository, subscribed to `deployment_protection_rule` and able to
 * answer it (deployments write), as GitHub's guide to custom rules requires.
 */
export function availableRuleApps(world: World, repo: RepoRecord): AppRecord[] {
  return world
    .installationsFor(repo)
    .map((installation) => installation.app)
    .filter(
      (app, index, apps) =>
        apps.indexOf(app) === index &&
        app.events.includes("deployment_protection_rule") &&
        app.permissions.deployments === "write",
    );
}

function listEnvironments(context: RequestContext) {
  const repo = repoOf(context);
  const environments = [...repo.environments.values()];
  const page = paginate(context, environments, `/repos/${repo.fullName}/environments`);
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: environments.length,
      environments: page.items.map((environment) =>
        environmentJson(context.services.urls, environment),
      ),
    },
  };
}

function getEnvironment(context: RequestContext) {
  return { status: 200, body: environmentJson(context.services.urls, environmentOf(context)) };
}

interface EnvironmentBody {
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: unknown[] | null;
  deployment_branch_policy?: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
}

function putEnvironment(context: RequestContext) {
  requireRepoAdmin(context);
  const repo = repoOf(context);
  const body = (context.body ?? {}) as EnvironmentBody;
  // Waiting and required reviewers hold runs in ways the sandbox does not play out.
  if (body.wait_timer) refuseUnsupported(context, "An environment wait timer");
  if (body.reviewers && body.reviewers.length > 0)
    refuseUnsupported(context, "Required reviewers of an environment");
  if (body.prevent_self_review) refuseUnsupported(context, "prevent_self_review");
  const policy = body.deployment_branch_policy;
  if (policy && policy.protected_branches === policy.custom_branch_policies) {
    if (policy.protected_branches) {
      throw apiError(
        422,
        "Invalid request.\n\nOnly one of protected_branches and custom_branch_policies can be true.",
        { documentationUrl: DOCS },
      );
    }
    refuseUnsupported(context, "A deployment_branch_policy with both settings false");
  }
  const name = context.params.environment_name!;
  const environment = ensureEnvironment(context.services.world, repo, name, context.now);
  if (policy !== undefined) {
    environment.branchPolicy = policy
      ? {
          protectedBranches: policy.protected_branches,
          customBranchPolicies: policy.custom_branch_policies,
        }
      : null;
    if (!environment.branchPolicy?.customBranchPolicies) environment.branchPolicies = [];
  }
  environment.updatedAt = context.now;
  return { status: 200, body: environmentJson(context.services.urls, environment) };
}

function policyJson(policy: EnvironmentRecord["branchPolicies"][number]) {
  return { id: policy.id, node_id: nodeId("DBP", policy.id), name: policy.name, type: policy.type };
}

function listBranchPolicies(context: RequestContext) {
  const environment = environmentOf(context, POLICY_DOCS);
  const page = paginate(
    context,
    environment.branchPolicies,
    `/repos/${environment.repo.fullName}/environments/${encodeURIComponent(environment.name)}/deployment-branch-policies`,
  );
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: environment.branchPolicies.length,
      branch_policies: page.items.map((policy) => policyJson(policy)),
    },
  };
}

function createBranchPolicy(context: RequestContext) {
  requireRepoAdmin(context);
  const environment = environmentOf(context, POLICY_DOCS);
  // The description: 404 also when the environment's custom_branch_policies is false.
  if (!environment.branchPolicy?.customBranchPolicies)
    throw apiError(404, "Not Found", { documentationUrl: POLICY_DOCS });
  const body = context.body as { name: string; type?: "branch" | "tag" };
  const type = body.type ?? "branch";
  const existing = environment.branchPolicies.find(
    (policy) => policy.name === body.name && policy.type === type,
  );
  if (existing) {
    // The description's 303: the same name pattern exists already.
    return {
      status: 303,
      headers: {
        location: context.services.urls.repoApi(
          environment.repo.fullName,
          `/environments/${encodeURIComponent(environment.name)}/deployment-branch-policies/${existing.id}`,
        ),
      },
    };
  }
  const policy = { id: context.services.world.nextId("branchPolicy"), name: body.name, type };
  environment.branchPolicies.push(policy);
  environment.updatedAt = context.now;
  return { status: 200, body: policyJson(policy) };
}

function listProtectionRules(context: RequestContext) {
  const environment = environmentOf(context, RULES_DOCS);
  return {
    status: 200,
    body: {
      total_count: environment.protectionRules.length,
      custom_deployment_protection_rules: environment.protectionRules.map((rule) =>
        protectionRuleJson(context.services.urls, rule),
      ),
    },
  };
}

function createProtectionRule(context: RequestContext) {
  requireRepoAdmin(context);
  const environment = environmentOf(context, RULES_DOCS);
  const { integration_id: appId } = (context.body ?? {}) as { integration_id?: number };
  const app = availableRuleApps(context.services.world, environment.repo).find(
    (candidate) => candidate.id === appId,
  );
  if (!app) {
    throw apiError(
      422,
      `Integration ${String(appId)} is not available as a custom deployment protection rule of this repository: it must be installed on it, subscribe to deployment_protection_rule and have deployments write.`,
      { documentationUrl: RULES_DOCS },
    );
  }
  if (environment.protectionRules.some((rule) => rule.app === app)) {
    throw apiError(422, `Integration ${app.slug} is already enabled for this environment.`, {
      documentationUrl: RULES_DOCS,
    });
  }
  const rule = { id: context.services.world.nextId("protectionRule"), app };
  environment.protectionRules.push(rule);
  environment.updatedAt = context.now;
  return { status: 201, body: protectionRuleJson(context.services.urls, rule) };
}

function listRuleApps(context: RequestContext) {
  requireRepoAdmin(context);
  const environment = environmentOf(context, RULES_DOCS);
  const apps = availableRuleApps(context.services.world, environment.repo);
  const page = paginate(
    context,
    apps,
    `/repos/${environment.repo.fullName}/environments/${encodeURIComponent(environment.name)}/deployment_protection_rules/apps`,
  );
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: apps.length,
      available_custom_deployment_protection_rule_integrations: page.items.map((app) =>
        customRuleAppJson(context.services.urls, app),
      ),
    },
  };
}

const ENVIRONMENT = "/repos/{owner}/{repo}/environments/{environment_name}";

/** Deployment environments, their branch policies and custom deployment protection rules. */
export const environmentRoutes: RouteDefinition[] = [
  {
    operationId: "repos/get-all-environments",
    method: "GET",
    path: "/repos/{owner}/{repo}/environments",
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: listEnvironments,
  },
  {
    operationId: "repos/get-environment",
    method: "GET",
    path: ENVIRONMENT,
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: getEnvironment,
  },
  {
    operationId: "repos/create-or-update-environment",
    method: "PUT",
    path: ENVIRONMENT,
    access: { scope: "repo", permissions: ["administration"], level: "write" },
    handle: putEnvironment,
  },
  {
    operationId: "repos/list-deployment-branch-policies",
    method: "GET",
    path: `${ENVIRONMENT}/deployment-branch-policies`,
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: listBranchPolicies,
  },
  {
    operationId: "repos/create-deployment-branch-policy",
    method: "POST",
    path: `${ENVIRONMENT}/deployment-branch-policies`,
    access: { scope: "repo", permissions: ["administration"], level: "write" },
    handle: createBranchPolicy,
  },
  {
    operationId: "repos/get-all-deployment-protection-rules",
    method: "GET",
    path: `${ENVIRONMENT}/deployment_protection_rules`,
    access: { scope: "repo", permissions: ["actions"], level: "read" },
    handle: listProtectionRules,
  },
  {
    operationId: "repos/create-deployment-protection-rule",
    method: "POST",
    path: `${ENVIRONMENT}/deployment_protection_rules`,
    access: { scope: "repo", permissions: ["administration"], level: "write" },
    handle: createProtectionRule,
  },
  {
    operationId: "repos/list-custom-deployment-rule-integrations",
    method: "GET",
    path: `${ENVIRONMENT}/deployment_protection_rules/apps`,
    access: { scope: "repo", permissions: ["administration"], level: "read" },
    handle: listRuleApps,
  },
];
