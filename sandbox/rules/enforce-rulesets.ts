import type { Principal } from "../auth/principal.js";
import { apiError } from "../http/api-error.js";
import type { RepoRecord, RulesetRecord } from "../state/entities.js";
import { roleAtLeast, type World } from "../state/world.js";
import { rulesetApplies } from "./ruleset-applies.js";

/** A ref move to check: null before means creation, null after deletion. */
export interface RefMove {
  ref: string;
  before: string | null;
  after: string | null;
  fastForward: boolean;
  /** The new head is a merge commit (for required_linear_history). */
  mergeCommit?: boolean;
  /** Commits the move adds to the repository without a verified signature (for required_signatures). */
  unsignedCommits?: readonly string[];
}

const ROLE_IDS: Record<number, "maintain" | "write" | "admin"> = {
  2: "maintain",
  4: "write",
  5: "admin",
};

/** Whether the principal is in the ruleset's bypass list ("always" mode; pull-request mode never applies to direct pushes). */
export function canBypass(
  world: World,
  principal: Principal,
  repo: RepoRecord,
  ruleset: RulesetRecord,
): boolean {
  if (principal.kind !== "token") return false;
  const { token } = principal;
  return ruleset.bypassActors.some((actor) => {
    if ((actor.bypass_mode ?? "always") !== "always") return false;
    switch (actor.actor_type) {
      case "Integration":
        return token.installation !== null && token.installation.app.id === actor.actor_id;
      case "RepositoryRole": {
        const role = ROLE_IDS[actor.actor_id ?? -1];
        return (
          !token.installation &&
          role !== undefined &&
          roleAtLeast(world.roleOf(token.actor, repo), role)
        );
      }
      case "OrganizationAdmin":
        return (
          !token.installation &&
          world.orgs
            .get(repo.owner.login.toLowerCase())
            ?.members.get(token.actor.login.toLowerCase()) === "admin"
        );
      case "Team": {
        const team = [...world.teams.values()].find((candidate) => candidate.id === actor.actor_id);
        return (
          !token.installation &&
          team !== undefined &&
          team.members.has(token.actor.login.toLowerCase())
        );
      }
      default:
        return false;
    }
  });
}

/** The rule messages a move breaks in one ruleset, worded as GitHub words them. */
function violations(ruleset: RulesetRecord, move: RefMove): string[] {
  const messages: string[] = [];
  for (const rule of ruleset.rules) {
    if (rule.type === "creation" && move.before === null) {
      messages.push("Cannot create ref due to creations being restricted.");
    } else if (rule.type === "deletion" && move.after === null) {
      messages.push("Cannot delete this branch");
    } else if (rule.type === "non_fast_forward" && move.before && move.after && !move.fastForward) {
      messages.push("Cannot force-push to this branch");
    } else if (rule.type === "update" && move.before && move.after) {
      messages.push("Cannot update this protected ref.");
    } else if (rule.type === "required_linear_history" && move.after && move.mergeCommit) {
      messages.push("This branch must not contain merge commits.");
    } else if (rule.type === "pull_request" && move.before && move.after) {
      // Pull requests do not merge in the sandbox, so every update is a direct one.
      messages.push("Changes must be made through a pull request.");
    } else if (
      rule.type === "required_signatures" &&
      move.after &&
      (move.unsignedCommits?.length ?? 0) > 0
    ) {
      messages.push("Commits must have verified signatures.");
    }
  }
  return messages;
}

/**
 * Refuses a ref move that an active ruleset forbids, unless the principal may
 * bypass that ruleset, with GitHub's 422 "Repository rule violations found".
 * Rulesets in "evaluate" or "disabled" mode never block, as on GitHub.
 */
export function enforceRulesets(
  world: World,
  principal: Principal,
  repo: RepoRecord,
  move: RefMove,
  documentationUrl: string,
): void {
  const messages: string[] = [];
  for (const ruleset of repo.rulesets) {
    if (ruleset.enforcement !== "active" || !rulesetApplies(repo, ruleset, move.ref)) continue;
    if (canBypass(world, principal, repo, ruleset)) continue;
    messages.push(...violations(ruleset, move));
  }
  if (messages.length === 0) return;
  const unique = [...new Set(messages)];
  throw apiError(
    422,
    `Repository rule violations found\n\n${unique.map((text) => `${text}\n\n`).join("")}`,
    {
      documentationUrl,
    },
  );
}
