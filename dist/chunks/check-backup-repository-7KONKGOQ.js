import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  githubError,
  httpStatus
} from "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/github/check-backup-repository.ts
var UNSATISFIABLE_RULES = {
  required_signatures: {
    what: "requires signed commits",
    why: "the store commits through the Git Data API, whose commits are unsigned (only commits GitHub makes itself, e.g. GraphQL createCommitOnBranch, are signed), so GitHub refuses every snapshot",
    setting: "Require signed commits"
  },
  pull_request: {
    what: "requires pull requests",
    why: "the store updates the branch directly, so GitHub refuses every snapshot",
    setting: "Require a pull request before merging"
  },
  required_status_checks: {
    what: "requires status checks",
    why: "a snapshot commit has no status checks when the branch is updated, so GitHub refuses it",
    setting: "Require status checks to pass"
  },
  required_deployments: {
    what: "requires deployments",
    why: "a snapshot commit is never deployed before the branch is updated, so GitHub refuses it",
    setting: "Require deployments to succeed"
  },
  merge_queue: {
    what: "requires a merge queue",
    why: "the store updates the branch directly, not through a merge queue, so GitHub refuses it",
    setting: "Require merge queue"
  }
};
var RulesetReader = class {
  constructor(client, where, location) {
    this.client = client;
    this.where = where;
    this.location = location;
  }
  client;
  where;
  location;
  read = /* @__PURE__ */ new Map();
  bypassActors(id) {
    let actors = this.read.get(id);
    if (!actors) {
      actors = this.fetch(id);
      this.read.set(id, actors);
    }
    return actors;
  }
  async fetch(id) {
    try {
      const { data } = await this.client.rest.repos.getRepoRuleset({
        owner: this.where.owner,
        repo: this.where.repo,
        ruleset_id: id
      });
      return data.bypass_actors ? data.bypass_actors : null;
    } catch (error) {
      if (httpStatus(error) !== 403 && httpStatus(error) !== 404)
        throw githubError(error, "reading a ruleset", this.location);
      return null;
    }
  }
};
function rulesetIds(rules) {
  return [...new Set(rules.flatMap((rule) => rule.ruleset_id ? [rule.ruleset_id] : []))];
}
function appBypasses(actors, appId) {
  return actors.some(
    (actor) => actor.actor_type === "Integration" && (actor.bypass_mode ?? "always") === "always" && (appId === void 0 || actor.actor_id === appId)
  );
}
var SETTINGS = (where) => `https://github.com/${where.owner}/${where.repo}/settings/rules`;
async function checkBackupRepository(client, where, options = {}) {
  const location = `github://${where.owner}/${where.repo}@${where.branch}`;
  const findings = [];
  let repository;
  try {
    repository = (await client.rest.repos.get({ owner: where.owner, repo: where.repo })).data;
  } catch (error) {
    throw githubError(error, "reading the repository's settings", location);
  }
  findings.push(
    repository.private ? {
      check: "repository is private",
      ok: true,
      detail: `visibility: ${repository.visibility ?? "private"}`
    } : {
      check: "repository is private",
      ok: false,
      detail: "the repository is public: anyone can read paths, sizes and metadata of every snapshot",
      fix: `Make it private: https://github.com/${where.owner}/${where.repo}/settings (Danger Zone > Change visibility).`
    }
  );
  let rules;
  try {
    rules = (await client.rest.repos.getBranchRules({
      owner: where.owner,
      repo: where.repo,
      branch: where.branch,
      per_page: 100
    })).data;
  } catch (error) {
    throw githubError(error, "reading the branch's rules", location);
  }
  const has = (type) => rules.some((rule) => rule.type === type);
  const ruleFinding = (type, check, what) => has(type) ? { check, ok: true, detail: `an active ruleset has the '${type}' rule on ${where.branch}` } : {
    check,
    ok: false,
    detail: `no active ruleset on ${where.branch} has the '${type}' rule`,
    fix: `Add a branch ruleset targeting ${where.branch} with "${what}" enabled: ${SETTINGS(where)}.`
  };
  findings.push(ruleFinding("non_fast_forward", "force pushes are blocked", "Block force pushes"));
  findings.push(ruleFinding("deletion", "branch deletion is blocked", "Restrict deletions"));
  const rulesets = new RulesetReader(client, where, location);
  findings.push(await updateFinding(rules, rulesets, where, options.appId));
  findings.push(...await unsatisfiableRuleFindings(rules, rulesets, where, options.appId));
  return findings;
}
async function updateFinding(rules, rulesets, where, appId) {
  const check = "pushes are restricted to the Snapgate App";
  const updateRules = rules.filter((rule) => rule.type === "update");
  if (updateRules.length === 0) {
    return {
      check,
      ok: false,
      detail: `anyone with write access can push to ${where.branch}`,
      fix: `Add the "Restrict updates" rule to the ruleset and make the Snapgate App its only bypass actor: ${SETTINGS(where)}.`
    };
  }
  const actors = [];
  for (const id of rulesetIds(updateRules)) {
    const seen = await rulesets.bypassActors(id);
    if (!seen) {
      return {
        check,
        ok: null,
        detail: "updates are restricted, but this token cannot see the ruleset's bypass actors",
        fix: `Run doctor with a token that may edit the ruleset (administration write, a repository admin's), or check by hand that the Snapgate App is the only bypass actor: ${SETTINGS(where)}.`
      };
    }
    actors.push(...seen);
  }
  const apps = actors.filter((actor) => actor.actor_type === "Integration");
  const people = actors.filter((actor) => actor.actor_type !== "Integration");
  const appOk = appId === void 0 ? apps.length > 0 : apps.some((actor) => actor.actor_id === appId);
  if (!appOk) {
    return {
      check,
      ok: false,
      detail: appId === void 0 ? "no GitHub App may bypass the update restriction, so no snapshot can be written" : `the Snapgate App (id ${appId}) is not a bypass actor`,
      fix: `Add the Snapgate App as a bypass actor ("Always allow") of the ruleset: ${SETTINGS(where)}.`
    };
  }
  if (people.length > 0) {
    return {
      check,
      ok: false,
      detail: `besides the app, ${people.map((actor) => actor.actor_type).join(", ")} may bypass the ruleset: a single person could rewrite backups`,
      fix: `Remove every bypass actor but the Snapgate App: ${SETTINGS(where)}.`
    };
  }
  return {
    check,
    ok: true,
    detail: `only GitHub App ${apps.map((a) => a.actor_id).join(", ")} may push`
  };
}
async function unsatisfiableRuleFindings(rules, rulesets, where, appId) {
  const findings = [];
  for (const [type, rule] of Object.entries(UNSATISFIABLE_RULES)) {
    const matching = rules.filter((candidate) => candidate.type === type);
    if (matching.length === 0) continue;
    const check = `the store can commit under the '${type}' rule`;
    let unknown = false;
    const blocking = [];
    for (const id of rulesetIds(matching)) {
      const actors = await rulesets.bypassActors(id);
      if (actors === null) unknown = true;
      else if (!appBypasses(actors, appId)) blocking.push(id);
    }
    const fix = `Remove "${rule.setting}" from the ruleset that covers ${where.branch} (or exclude ${where.branch} from it), or add the Snapgate App as an "Always allow" bypass actor of that ruleset: ${SETTINGS(where)}.`;
    if (blocking.length > 0) {
      findings.push({
        check,
        ok: false,
        detail: `ruleset ${blocking.join(", ")} ${rule.what} on ${where.branch}: ${rule.why}`,
        fix
      });
    } else if (unknown) {
      findings.push({
        check,
        ok: null,
        detail: `a ruleset ${rule.what} on ${where.branch}, and this token cannot see whether the Snapgate App bypasses it: without that, ${rule.why}`,
        fix: `Run doctor with a token that may edit the ruleset (administration write), or check by hand. ${fix}`
      });
    } else {
      findings.push({
        check,
        ok: true,
        detail: `a ruleset ${rule.what} on ${where.branch}, and the Snapgate App bypasses it`
      });
    }
  }
  return findings;
}
export {
  checkBackupRepository
};
