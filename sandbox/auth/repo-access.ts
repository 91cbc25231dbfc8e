import { apiError } from "../http/api-error.js";
import type { RepoRecord, TokenRecord } from "../state/entities.js";
import { roleAtLeast, type World } from "../state/world.js";
import type { PermissionLevel, PermissionName } from "../types.js";
import type { Principal } from "./principal.js";

/** What an operation needs on its repository. Several permissions mean any one of them will do. */
export interface RepoRequirement {
  permissions: readonly PermissionName[];
  level: "read" | "write";
  /** Only GitHub Apps (installation tokens) may call it, as with check runs. */
  appsOnly?: boolean;
}

const COLLABORATOR_ONLY: ReadonlySet<PermissionName> = new Set(["secrets", "environments"]);

const LEVELS: readonly (PermissionLevel | "none")[] = ["none", "read", "write", "admin"];

function atLeast(level: PermissionLevel | "none", wanted: PermissionLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(wanted);
}

function lower(a: PermissionLevel | "none", b: PermissionLevel | "none"): PermissionLevel | "none" {
  return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
}

function tokenReaches(world: World, token: TokenRecord, repo: RepoRecord): boolean {
  if (token.repositoryIds !== "all" && !token.repositoryIds.has(repo.id)) return false;
  if (token.installation) return world.installationsFor(repo).includes(token.installation);
  // A user access token of an app: where the app is installed and the person can read.
  if (token.app && !world.installationsFor(repo).some((i) => i.app === token.app)) return false;
  return roleAtLeast(world.roleOf(token.actor, repo), "read");
}

/** Whether a principal can see a repository at all (a private one it cannot see is a 404). */
export function canSeeRepo(world: World, principal: Principal, repo: RepoRecord): boolean {
  if (!repo.private) return true;
  return principal.kind === "token" && tokenReaches(world, principal.token, repo);
}

/**
 * The level a principal holds on one permission of a repository: the token's
 * grant, capped by the person's role for personal tokens. Outside its
 * repositories a token can still read public data. Metadata is always readable.
 */
export function grantedLevel(
  world: World,
  principal: Principal,
  repo: RepoRecord,
  permission: PermissionName,
): PermissionLevel | "none" {
  // Secret names are for collaborators only, even on a public repository.
  const publicRead: PermissionLevel | "none" =
    repo.private || COLLABORATOR_ONLY.has(permission) ? "none" : "read";
  if (principal.kind !== "token") return publicRead;
  const { token } = principal;
  if (!tokenReaches(world, token, repo)) return publicRead;
  let level: PermissionLevel | "none" = token.permissions[permission] ?? "none";
  if (permission === "metadata" && level === "none") level = "read";
  if (!token.installation) {
    const role = world.roleOf(token.actor, repo);
    const cap = role === "admin" ? "admin" : roleAtLeast(role, "write") ? "write" : "read";
    level = lower(level, cap);
  }
  if (level === "none") return publicRead;
  return level;
}

/** Throws GitHub's answer when `principal` may not do what `requirement` says on `repo`. */
export function authorizeRepo(
  world: World,
  principal: Principal,
  repo: RepoRecord,
  requirement: RepoRequirement,
): void {
  if (!canSeeRepo(world, principal, repo)) {
    throw apiError(404, "Not Found", { documentationUrl: "https://docs.github.com/rest" });
  }
  if (principal.kind === "anonymous" && requirement.level === "write") {
    throw apiError(401, "Requires authentication", {
      documentationUrl: "https://docs.github.com/rest",
    });
  }
  if (principal.kind === "app") {
    throw apiError(403, "Resource not accessible by integration", {
      documentationUrl: "https://docs.github.com/rest",
    });
  }
  if (requirement.appsOnly && principal.kind === "token" && !principal.token.installation) {
    throw apiError(403, "You must authenticate via a GitHub App.", {
      documentationUrl: "https://docs.github.com/rest/checks",
    });
  }
  const granted = requirement.permissions.some((permission) =>
    atLeast(grantedLevel(world, principal, repo, permission), requirement.level),
  );
  if (granted) return;
  const integration =
    principal.kind === "token" &&
    (principal.token.installation !== null || principal.token.app !== undefined);
  throw apiError(
    403,
    integration
      ? "Resource not accessible by integration"
      : "Resource not accessible by personal access token",
    {
      documentationUrl: "https://docs.github.com/rest",
      headers: {
        "x-accepted-github-permissions": requirement.permissions
          .map((permission) => `${permission}=${requirement.level}`)
          .join(","),
      },
    },
  );
}
