import type { AppRecord, EnvironmentRecord } from "../state/entities.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";

/**
 * An environment as `environment`. GitHub also answers `can_admins_bypass`
 * ("Allow administrators to bypass configured protection rules"), which its
 * OpenAPI description does not list; the schema allows extra properties, so
 * the sandbox answers it too. Custom protection rules are not among
 * `protection_rules`: GitHub lists them at .../deployment_protection_rules.
 */
export function environmentJson(urls: SandboxUrls, environment: EnvironmentRecord) {
  const { repo } = environment;
  const rules = environment.branchPolicy
    ? [{ id: environment.id, node_id: nodeId("GA", environment.id), type: "branch_policy" }]
    : [];
  return {
    id: environment.id,
    node_id: nodeId("EN", environment.id),
    name: environment.name,
    url: urls.repoApi(repo.fullName, `/environments/${encodeURIComponent(environment.name)}`),
    html_url: urls.html(
      `/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
    ),
    created_at: isoTime(environment.createdAt),
    updated_at: isoTime(environment.updatedAt),
    can_admins_bypass: environment.canAdminsBypass,
    protection_rules: rules,
    deployment_branch_policy: environment.branchPolicy
      ? {
          protected_branches: environment.branchPolicy.protectedBranches,
          custom_branch_policies: environment.branchPolicy.customBranchPolicies,
        }
      : null,
  };
}

/** An app as `custom-deployment-rule-app`. */
export function customRuleAppJson(urls: SandboxUrls, app: AppRecord) {
  return {
    id: app.id,
    slug: app.slug,
    integration_url: urls.api(`/apps/${app.slug}`),
    node_id: nodeId("A", app.id),
  };
}

/** A custom protection rule of an environment as `deployment-protection-rule`. */
export function protectionRuleJson(
  urls: SandboxUrls,
  rule: EnvironmentRecord["protectionRules"][number],
) {
  return {
    id: rule.id,
    node_id: nodeId("DPR", rule.id),
    enabled: true,
    app: customRuleAppJson(urls, rule.app),
  };
}
