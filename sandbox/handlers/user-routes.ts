import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { userJson } from "../representations/user-json.js";

/** GET /user: the person a token acts for, as `public-user` (the sandbox keeps no private profile). */
function getAuthenticatedUser(context: RequestContext) {
  const { principal, services } = context;
  if (principal.kind !== "token") throw apiError(401, "Requires authentication");
  const user = principal.token.actor;
  const publicRepos = [...services.world.repos.values()].filter(
    (repo) => repo.owner === user && !repo.private,
  ).length;
  return {
    status: 200,
    body: {
      ...userJson(services.urls, user),
      name: user.name || null,
      company: null,
      blog: "",
      location: null,
      email: user.email || null,
      hireable: null,
      bio: null,
      public_repos: publicRepos,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: user.createdAt.toISOString(),
      updated_at: user.createdAt.toISOString(),
    },
  };
}

export const userRoutes: RouteDefinition[] = [
  {
    operationId: "users/get-authenticated",
    method: "GET",
    path: "/user",
    access: { scope: "user" },
    handle: getAuthenticatedUser,
  },
];
