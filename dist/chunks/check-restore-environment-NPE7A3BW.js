import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  githubError,
  httpStatus
} from "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import {
  require_dist
} from "./chunk-UZQJNIXZ.js";
import "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/github/restore-workflow-finding.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_WORKFLOWS = 30;
function jobsIn(text, environment) {
  let workflow;
  try {
    workflow = (0, import_yaml.parse)(text);
  } catch {
    return [];
  }
  const jobs = workflow?.jobs;
  if (!jobs || typeof jobs !== "object") return [];
  return Object.entries(jobs).flatMap(([name, job]) => {
    const named = job?.environment;
    const value = typeof named === "string" ? named : named?.name;
    return typeof value === "string" && value.toLowerCase() === environment.toLowerCase() ? [name] : [];
  });
}
async function restoreWorkflowFinding(client, where, location) {
  const { owner, repo, environment } = where;
  const check = `a workflow's job runs in ${environment}`;
  const fix = `Add the restore workflow to ${owner}/${repo} on its default branch as .github/workflows/snapgate-restore.yml (docs/examples/snapgate-restore.yml: its job names "environment: ${environment}"), and name it in the policy's environments.<env>.restore_workflow.`;
  let entries;
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path: ".github/workflows"
    });
    entries = Array.isArray(data) ? data : [];
  } catch (error) {
    if (httpStatus(error) === 404)
      return {
        check,
        ok: false,
        detail: `${owner}/${repo} has no .github/workflows: no restore can run there`,
        fix
      };
    if (httpStatus(error) === 403) {
      return {
        check,
        ok: null,
        detail: "this token cannot read the repository's workflows",
        fix: `Run doctor with a token that may read ${owner}/${repo}'s contents, or check by hand. ${fix}`
      };
    }
    throw githubError(error, "listing the repository's workflows", location);
  }
  const files = entries.filter((entry) => entry.type === "file" && /\.ya?ml$/i.test(entry.name)).slice(0, MAX_WORKFLOWS);
  const found = [];
  for (const file of files) {
    let text;
    try {
      const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner,
        repo,
        path: file.path,
        headers: { accept: "application/vnd.github.raw+json" }
      });
      text = typeof data === "string" ? data : String(data);
    } catch (error) {
      throw githubError(error, `reading ${file.path}`, location);
    }
    for (const job of jobsIn(text, environment)) found.push(`${file.name} (job ${job})`);
  }
  return found.length > 0 ? { check, ok: true, detail: found.join(", ") } : {
    check,
    ok: false,
    detail: `none of the ${files.length} workflow(s) in .github/workflows runs a job in ${environment}: no restore can run there`,
    fix
  };
}

// core/github/check-restore-environment.ts
var PLAN_LIMIT = "Custom deployment protection rules on private repositories need GitHub Enterprise Cloud; without the rule, the signed request record and the restore action's re-check are the only protection, and anyone who can run the workflow gets the identity secret.";
async function checkRestoreEnvironment(client, where) {
  const { owner, repo, environment } = where;
  const location = `${owner}/${repo} environment ${environment}`;
  const settings = `https://github.com/${owner}/${repo}/settings/environments`;
  const scope = { owner, repo, environment_name: environment };
  let answer;
  try {
    answer = (await client.request("GET /repos/{owner}/{repo}/environments/{environment_name}", scope)).data;
  } catch (error) {
    if (httpStatus(error) !== 404)
      throw githubError(error, "reading the restore environment", location);
    return [
      {
        check: "the restore environment exists",
        ok: false,
        detail: `${owner}/${repo} has no environment ${environment}`,
        fix: `Create the environment ${environment} (${settings}/new), make the Snapgate App its protection rule and store ${where.secretName} in it: docs/restore-environment.md.`
      }
    ];
  }
  return [
    await ruleFinding(client, where, location, settings),
    bypassFinding(answer, where, settings),
    ...await secretFindings(client, where, location, settings),
    await branchPolicyFinding(client, answer, where, location, settings),
    await restoreWorkflowFinding(client, where, location)
  ];
}
async function ruleFinding(client, where, location, settings) {
  const check = "the Snapgate App is the environment's protection rule";
  let rules;
  try {
    rules = (await client.request(
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules",
      { owner: where.owner, repo: where.repo, environment_name: where.environment }
    )).data.custom_deployment_protection_rules ?? [];
  } catch (error) {
    throw githubError(error, "reading the environment's protection rules", location);
  }
  const slugs = rules.map((rule) => rule.app.slug);
  const ours = rules.some((rule) => where.appId === void 0 || rule.app.id === where.appId);
  if (ours) {
    return { check, ok: true, detail: `custom protection rule(s): ${slugs.join(", ")}` };
  }
  return {
    check,
    ok: false,
    detail: rules.length === 0 ? `${where.environment} has no custom deployment protection rule. ${PLAN_LIMIT}` : `the custom rule(s) ${slugs.join(", ")} are not the Snapgate App (id ${where.appId}). ${PLAN_LIMIT}`,
    fix: `In ${settings}/${encodeURIComponent(where.environment)}, enable the Snapgate App under "Deployment protection rules" (the App must be installed on ${where.owner}/${where.repo}).`
  };
}
function bypassFinding(answer, where, settings) {
  const check = "administrators cannot bypass the protection rules";
  const fix = `In ${settings}/${encodeURIComponent(where.environment)}, clear "Allow administrators to bypass configured protection rules".`;
  if (answer.can_admins_bypass === false)
    return { check, ok: true, detail: "can_admins_bypass is false" };
  if (answer.can_admins_bypass === true) {
    return {
      check,
      ok: false,
      detail: "a repository administrator can start the restore job without the App's approval and read the identity",
      fix
    };
  }
  return {
    check,
    ok: null,
    detail: "GitHub did not say whether administrators may bypass",
    fix: `Check by hand. ${fix}`
  };
}
async function secretNames(read, what, location) {
  try {
    return (await read()).data.secrets.map((secret) => secret.name.toUpperCase());
  } catch (error) {
    if (httpStatus(error) === 403 || httpStatus(error) === 404) return null;
    throw githubError(error, `listing ${what}`, location);
  }
}
async function secretFindings(client, where, location, settings) {
  const name = where.secretName.toUpperCase();
  const { owner, repo, environment } = where;
  const perPage = { owner, repo, per_page: 100 };
  const [inEnvironment, inRepository, inOrganization] = await Promise.all([
    secretNames(
      () => client.request("GET /repos/{owner}/{repo}/environments/{environment_name}/secrets", {
        ...perPage,
        environment_name: environment
      }),
      "the environment's secrets",
      location
    ),
    secretNames(
      () => client.request("GET /repos/{owner}/{repo}/actions/secrets", perPage),
      "the repository's secrets",
      location
    ),
    secretNames(
      () => client.request("GET /repos/{owner}/{repo}/actions/organization-secrets", perPage),
      "the organization secrets shared with the repository",
      location
    )
  ]);
  const unreadable = "Run doctor with a token that may read secrets (a repository admin's, or secrets and environments read), or check by hand.";
  const stored = inEnvironment === null ? {
    check: `${name} is a secret of ${environment}`,
    ok: null,
    detail: "this token cannot list the environment's secrets",
    fix: unreadable
  } : inEnvironment.includes(name) ? {
    check: `${name} is a secret of ${environment}`,
    ok: true,
    detail: `${environment} has ${name}`
  } : {
    check: `${name} is a secret of ${environment}`,
    ok: false,
    detail: `${environment} has no secret ${name}: the restore job gets no identity`,
    fix: `Add ${name} (the restore identity, AGE-SECRET-KEY-1...) as a secret of the environment: ${settings}/${encodeURIComponent(environment)}.`
  };
  const elsewhere = [];
  if (inRepository?.includes(name)) elsewhere.push("a repository secret");
  if (inOrganization?.includes(name))
    elsewhere.push("an organization secret shared with the repository");
  const check = `${name} exists only in ${environment}`;
  const only = elsewhere.length > 0 ? {
    check,
    ok: false,
    detail: `${name} is also ${elsewhere.join(" and ")}: any workflow run can read it without the App's approval`,
    fix: `Delete ${name} from ${[
      ...inRepository?.includes(name) ? [`https://github.com/${owner}/${repo}/settings/secrets/actions`] : [],
      ...inOrganization?.includes(name) ? [
        `the organization's secrets (https://github.com/organizations/${owner}/settings/secrets/actions)`
      ] : []
    ].join(" and ")}, and keep it only in the environment.`
  } : inRepository === null || inOrganization === null ? {
    check,
    ok: null,
    detail: "this token cannot list the repository's or organization's secrets",
    fix: unreadable
  } : {
    check,
    ok: true,
    detail: "neither a repository nor an organization secret has that name"
  };
  return [stored, only];
}
async function branchPolicyFinding(client, answer, where, location, settings) {
  const check = "a deployment branch policy limits which branches may restore";
  const fix = `In ${settings}/${encodeURIComponent(where.environment)}, set "Deployment branches and tags" to "Selected branches and tags" and add the default branch only.`;
  const policy = answer.deployment_branch_policy;
  if (!policy) {
    return {
      check,
      ok: false,
      detail: "every branch may deploy: a workflow edited on any branch could run in the environment",
      fix
    };
  }
  if (policy.protected_branches) return { check, ok: true, detail: "protected branches only" };
  let names;
  try {
    names = (await client.request(
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
      {
        owner: where.owner,
        repo: where.repo,
        environment_name: where.environment,
        per_page: 100
      }
    )).data.branch_policies.map((branch) => `${branch.type ?? "branch"} ${branch.name}`);
  } catch (error) {
    throw githubError(error, "reading the environment's branch policies", location);
  }
  return names.length > 0 ? { check, ok: true, detail: `selected: ${names.join(", ")}` } : {
    check,
    ok: false,
    detail: "selected branches, but none is listed: no run can restore",
    fix
  };
}
export {
  checkRestoreEnvironment
};
