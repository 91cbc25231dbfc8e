import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { userJson } from "../representations/user-json.js";
import { roleAtLeast } from "../state/world.js";
import { repoOf } from "./request-helpers.js";

/** The legacy base permission the API reports for a role (maintain reads as write, triage as read). */
const LEGACY: Record<string, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

function collaboratorPermission(context: RequestContext) {
  const repo = repoOf(context);
  const { world, urls } = context.services;
  const user = world.user(context.params.username!);
  if (!user || user.type === "Organization") {
    throw apiError(404, "Not Found", {
      documentationUrl: "https://docs.github.com/rest/collaborators/collaborators",
    });
  }
  const role = world.roleOf(user, repo);
  return {
    status: 200,
    body: {
      permission: LEGACY[role],
      role_name: role,
      user: {
        ...userJson(urls, user),
        permissions: {
          admin: roleAtLeast(role, "admin"),
          maintain: roleAtLeast(role, "maintain"),
          push: roleAtLeast(role, "write"),
          triage: roleAtLeast(role, "triage"),
          pull: roleAtLeast(role, "read"),
        },
        role_name: role,
      },
    },
  };
}

function teamMembership(context: RequestContext) {
  const { world, urls } = context.services;
  const team = world.teams.get(`${context.params.org}/${context.params.team_slug}`.toLowerCase());
  const user = world.user(context.params.username!);
  const role = user ? team?.members.get(user.login.toLowerCase()) : undefined;
  if (!team || !user || !role) {
    throw apiError(404, "Not Found", {
      documentationUrl: "https://docs.github.com/rest/teams/members",
    });
  }
  return {
    status: 200,
    body: {
      url: urls.api(`/organizations/${team.org.user.id}/team/${team.id}/memberships/${user.login}`),
      role,
      state: "active",
    },
  };
}

/** Who may do what: collaborator permission and team membership, checked live by the app. */
export const membershipRoutes: RouteDefinition[] = [
  {
    operationId: "repos/get-collaborator-permission-level",
    method: "GET",
    path: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    access: { scope: "repo", permissions: ["metadata"], level: "read" },
    handle: collaboratorPermission,
  },
  {
    operationId: "teams/get-membership-for-user-in-org",
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    access: { scope: "org", level: "read" },
    handle: teamMembership,
  },
];
