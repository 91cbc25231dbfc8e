import type { Octokit } from "@octokit/rest";
import type { RequestUser } from "../approvals/approval-request.js";
import type {
  Eligibility,
  EligibilityRole,
  RepositoryPermission,
} from "../approvals/decide-eligibility.js";
import { isInRole } from "../approvals/is-in-role.js";
import type { Roles } from "../policy/policy.js";
import { httpStatus } from "./github-error.js";

/** The slice of Octokit live eligibility needs (an installation client of the repository). */
export interface EligibilityClient {
  rest: {
    repos: Pick<Octokit["rest"]["repos"], "getCollaboratorPermissionLevel">;
    teams: Pick<Octokit["rest"]["teams"], "getMembershipForUserInOrg">;
  };
}

const PERMISSIONS: ReadonlySet<string> = new Set([
  "admin",
  "maintain",
  "write",
  "triage",
  "read",
  "none",
]);

/**
 * The Eligibility port over GitHub, asked live on every call: the user's
 * collaborator permission on the repository (and whether GitHub says the
 * account is a bot), and, when the policy lists principals for the role,
 * whether the user is one of them (teams through an active membership).
 */
export function githubEligibility(
  client: EligibilityClient,
  where: { owner: string; repo: string },
  roles: Pick<Roles, "restorers" | "approvers" | "ops" | "security">,
): Eligibility {
  const teamMembership = async (org: string, team: string, user: RequestUser) => {
    try {
      const { data } = await client.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: team,
        username: user.login,
      });
      return data.state === "active";
    } catch (error) {
      // Not a member (or no such team): not in the role. Anything else is not an answer.
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  };
  return async (user: RequestUser, role: EligibilityRole) => {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      ...where,
      username: user.login,
    });
    const permission = PERMISSIONS.has(data.permission)
      ? (data.permission as RepositoryPermission)
      : "none";
    const principals =
      role === "restorer"
        ? roles.restorers
        : role === "approver"
          ? roles.approvers
          : // Drill sign-off roles (ADR 1203): absent from the policy is nobody.
            (roles[role] ?? []);
    return {
      permission,
      bot: data.user?.type === "Bot",
      inRole: await isInRole(principals, user, teamMembership),
    };
  };
}
