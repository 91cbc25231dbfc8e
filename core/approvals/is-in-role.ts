import type { RequestUser } from "./approval-request.js";

/** Asks GitHub, live, whether a user is an active member of org/team (the edge implements it). */
export type TeamMembership = (org: string, team: string, user: RequestUser) => Promise<boolean>;

/**
 * Whether a user is one of a role's principals (`@login` or `@org/team`), for
 * EligibilityFacts.inRole: null when the role lists nobody. Logins compare
 * case-insensitively, as GitHub's do; teams are asked live, one at a time,
 * stopping at the first match (each answer costs an API call).
 */
export async function isInRole(
  principals: readonly string[],
  user: RequestUser,
  teamMembership: TeamMembership,
): Promise<boolean | null> {
  if (principals.length === 0) return null;
  const login = user.login.toLowerCase();
  const teams: Array<[string, string]> = [];
  for (const principal of principals) {
    const [owner, team] = principal.replace(/^@/, "").split("/", 2) as [string, string?];
    if (team === undefined) {
      if (owner.toLowerCase() === login) return true;
    } else {
      teams.push([owner, team]);
    }
  }
  for (const [org, team] of teams) {
    if (await teamMembership(org, team, user)) return true;
  }
  return false;
}
