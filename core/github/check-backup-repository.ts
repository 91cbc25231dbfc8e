import type { GitHubClient } from "./github-client.js";
import { githubError, httpStatus } from "./github-error.js";

export interface ProtectionFinding {
  check: string;
  /** null: could not be determined with this token. */
  ok: boolean | null;
  detail: string;
  fix?: string;
  /** Worth a look, but not a failure (doctor still exits 0). */
  warning?: boolean;
}

export interface BackupRepositoryLocation {
  owner: string;
  repo: string;
  branch: string;
}

interface BranchRule {
  type: string;
  ruleset_id?: number;
}

interface BypassActor {
  actor_id: number | null;
  actor_type: string;
}

const SETTINGS = (where: BackupRepositoryLocation) =>
  `https://github.com/${where.owner}/${where.repo}/settings/rules`;

/**
 * What `snapgate doctor` checks on a GitHub backup repository: it is private,
 * a ruleset on the branch blocks force pushes and deletion, and updates are
 * restricted so that only the Snapgate App (a bypass actor) can push. Each
 * finding says exactly what to change.
 */
export async function checkBackupRepository(
  client: GitHubClient,
  where: BackupRepositoryLocation,
  options: { appId?: number } = {},
): Promise<ProtectionFinding[]> {
  const location = `github://${where.owner}/${where.repo}@${where.branch}`;
  const findings: ProtectionFinding[] = [];
  let repository: { private: boolean; visibility?: string };
  try {
    repository = (await client.rest.repos.get({ owner: where.owner, repo: where.repo })).data;
  } catch (error) {
    throw githubError(error, "reading the repository's settings", location);
  }
  findings.push(
    repository.private
      ? {
          check: "repository is private",
          ok: true,
          detail: `visibility: ${repository.visibility ?? "private"}`,
        }
      : {
          check: "repository is private",
          ok: false,
          detail:
            "the repository is public: anyone can read paths, sizes and metadata of every snapshot",
          fix: `Make it private: https://github.com/${where.owner}/${where.repo}/settings (Danger Zone > Change visibility).`,
        },
  );

  let rules: BranchRule[];
  try {
    rules = (
      await client.rest.repos.getBranchRules({
        owner: where.owner,
        repo: where.repo,
        branch: where.branch,
        per_page: 100,
      })
    ).data as BranchRule[];
  } catch (error) {
    throw githubError(error, "reading the branch's rules", location);
  }
  const has = (type: string) => rules.some((rule) => rule.type === type);
  const ruleFinding = (type: string, check: string, what: string): ProtectionFinding =>
    has(type)
      ? { check, ok: true, detail: `an active ruleset has the '${type}' rule on ${where.branch}` }
      : {
          check,
          ok: false,
          detail: `no active ruleset on ${where.branch} has the '${type}' rule`,
          fix: `Add a branch ruleset targeting ${where.branch} with "${what}" enabled: ${SETTINGS(where)}.`,
        };
  findings.push(ruleFinding("non_fast_forward", "force pushes are blocked", "Block force pushes"));
  findings.push(ruleFinding("deletion", "branch deletion is blocked", "Restrict deletions"));

  const updateRules = rules.filter((rule) => rule.type === "update");
  if (updateRules.length === 0) {
    findings.push({
      check: "pushes are restricted to the Snapgate App",
      ok: false,
      detail: `anyone with write access can push to ${where.branch}`,
      fix: `Add the "Restrict updates" rule to the ruleset and make the Snapgate App its only bypass actor: ${SETTINGS(where)}.`,
    });
    return findings;
  }
  const actors: BypassActor[] = [];
  let visible = true;
  for (const id of new Set(
    updateRules.flatMap((rule) => (rule.ruleset_id ? [rule.ruleset_id] : [])),
  )) {
    try {
      const { data } = await client.rest.repos.getRepoRuleset({
        owner: where.owner,
        repo: where.repo,
        ruleset_id: id,
      });
      if (!data.bypass_actors) visible = false;
      actors.push(...((data.bypass_actors ?? []) as BypassActor[]));
    } catch (error) {
      if (httpStatus(error) !== 403 && httpStatus(error) !== 404)
        throw githubError(error, "reading a ruleset", location);
      visible = false;
    }
  }
  if (!visible) {
    findings.push({
      check: "pushes are restricted to the Snapgate App",
      ok: null,
      detail: "updates are restricted, but this token cannot see the ruleset's bypass actors",
      fix: `Run doctor with an admin's token, or check by hand that the Snapgate App is the only bypass actor: ${SETTINGS(where)}.`,
    });
    return findings;
  }
  const apps = actors.filter((actor) => actor.actor_type === "Integration");
  const people = actors.filter((actor) => actor.actor_type !== "Integration");
  const appOk =
    options.appId === undefined
      ? apps.length > 0
      : apps.some((actor) => actor.actor_id === options.appId);
  if (!appOk) {
    findings.push({
      check: "pushes are restricted to the Snapgate App",
      ok: false,
      detail:
        options.appId === undefined
          ? "no GitHub App may bypass the update restriction, so no snapshot can be written"
          : `the Snapgate App (id ${options.appId}) is not a bypass actor`,
      fix: `Add the Snapgate App as a bypass actor ("Always allow") of the ruleset: ${SETTINGS(where)}.`,
    });
  } else if (people.length > 0) {
    findings.push({
      check: "pushes are restricted to the Snapgate App",
      ok: false,
      detail: `besides the app, ${people.map((actor) => actor.actor_type).join(", ")} may bypass the ruleset: a single person could rewrite backups`,
      fix: `Remove every bypass actor but the Snapgate App: ${SETTINGS(where)}.`,
    });
  } else {
    findings.push({
      check: "pushes are restricted to the Snapgate App",
      ok: true,
      detail: `only GitHub App ${apps.map((a) => a.actor_id).join(", ")} may push`,
    });
  }
  return findings;
}
