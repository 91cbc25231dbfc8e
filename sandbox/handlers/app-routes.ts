import { SnapgateError } from "../../core/errors.js";
import { newTokenValue } from "../auth/new-token-value.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { installationJson, integrationJson } from "../representations/app-json.js";
import { repositoryJson } from "../representations/repository-json.js";
import { isoTime } from "../representations/urls.js";
import type { AppRecord, RepoRecord } from "../state/entities.js";
import type { PermissionLevel, Permissions } from "../types.js";

const DOCS = "https://docs.github.com/rest/apps/apps";
const LEVELS: readonly PermissionLevel[] = ["read", "write", "admin"];

function appOf(context: RequestContext): AppRecord {
  if (context.principal.kind !== "app") {
    throw new SnapgateError("USAGE", `${context.operationId} ran without an app principal.`, {
      fix: 'Sandbox bug: give the route access { scope: "app" }.',
    });
  }
  return context.principal.app;
}

function getAuthenticatedApp(context: RequestContext) {
  const { urls, world } = context.services;
  return { status: 200, body: integrationJson(urls, world, appOf(context)) };
}

function getRepoInstallation(context: RequestContext) {
  const app = appOf(context);
  const repo = context.repo!;
  const installation = context.services.world
    .installationsFor(repo)
    .find((candidate) => candidate.app === app);
  if (!installation) throw apiError(404, "Not Found", { documentationUrl: DOCS });
  return { status: 200, body: installationJson(context.services.urls, installation) };
}

function createInstallationToken(context: RequestContext) {
  const app = appOf(context);
  const { world, urls } = context.services;
  const installation = world.installations.get(Number(context.params.installation_id));
  if (!installation || installation.app !== app)
    throw apiError(404, "Not Found", { documentationUrl: DOCS });
  const body = (context.body ?? {}) as {
    repositories?: string[];
    repository_ids?: number[];
    permissions?: Permissions;
  };
  const permissions: Permissions = { ...app.permissions };
  if (body.permissions) {
    for (const [name, level] of Object.entries(body.permissions) as [
      keyof Permissions,
      PermissionLevel,
    ][]) {
      const granted = app.permissions[name];
      if (!granted || LEVELS.indexOf(level) > LEVELS.indexOf(granted)) {
        throw apiError(422, "The permissions requested are not granted to this installation.", {
          documentationUrl: DOCS,
        });
      }
    }
    Object.keys(permissions).forEach((name) => delete permissions[name as keyof Permissions]);
    Object.assign(permissions, { metadata: "read" }, body.permissions);
  }
  let repositories: RepoRecord[] | null = null;
  if (body.repositories || body.repository_ids) {
    const reachable = new Set(
      [...world.repos.values()].filter((repo) =>
        world.installationsFor(repo).includes(installation),
      ),
    );
    const wanted = [
      ...(body.repositories ?? []).map((name) => world.repo(installation.account.login, name)),
      ...(body.repository_ids ?? []).map((id) => world.repoById(id)),
    ];
    if (wanted.some((repo) => !repo || !reachable.has(repo))) {
      throw apiError(
        422,
        "There is at least one repository that does not exist or is not accessible to the parent installation.",
        { documentationUrl: DOCS },
      );
    }
    repositories = wanted as RepoRecord[];
  }
  const value = newTokenValue("ghs_");
  const expiresAt = new Date(context.now.getTime() + 3600_000);
  world.tokens.set(value, {
    value,
    kind: "installation",
    actor: app.bot,
    repositoryIds: repositories ? new Set(repositories.map((repo) => repo.id)) : "all",
    permissions,
    expiresAt,
    installation,
  });
  return {
    status: 201,
    body: {
      token: value,
      expires_at: isoTime(expiresAt),
      permissions,
      repository_selection: repositories ? "selected" : installation.repositorySelection,
      ...(repositories
        ? { repositories: repositories.map((repo) => repositoryJson(urls, repo, 0)) }
        : {}),
    },
  };
}

/** GitHub App endpoints, authenticated by the app's JWT. */
export const appRoutes: RouteDefinition[] = [
  {
    operationId: "apps/get-authenticated",
    method: "GET",
    path: "/app",
    access: { scope: "app" },
    handle: getAuthenticatedApp,
  },
  {
    operationId: "apps/create-installation-access-token",
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    access: { scope: "app" },
    handle: createInstallationToken,
  },
  {
    operationId: "apps/get-repo-installation",
    method: "GET",
    path: "/repos/{owner}/{repo}/installation",
    access: { scope: "app-repo" },
    handle: getRepoInstallation,
  },
];
