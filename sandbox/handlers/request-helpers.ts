import { SnapgateError } from "../../core/errors.js";
import type { GitSignature } from "../git/commit-object.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext } from "../http/route.js";
import type { RepoRecord, UserRecord } from "../state/entities.js";

/** The repository of a repository route (the pipeline resolved and authorised it). */
export function repoOf(context: RequestContext): RepoRecord {
  if (!context.repo) {
    throw new SnapgateError("USAGE", `${context.operationId} ran without its repository.`, {
      fix: 'Sandbox bug: give the route access { scope: "repo" }.',
    });
  }
  return context.repo;
}

/** The user (or app bot) acting through the request's token. */
export function actingUser(context: RequestContext): UserRecord {
  if (context.principal.kind !== "token") {
    throw apiError(401, "Requires authentication", {
      documentationUrl: "https://docs.github.com/rest",
    });
  }
  return context.principal.token.actor;
}

/** The address GitHub puts in commits of a user without a public email. */
export function noreplyEmail(user: UserRecord): string {
  return `${user.id}+${user.login}@users.noreply.github.com`;
}

/** A git signature from an API `{name, email, date?}`, defaulting to `fallback` now. */
export function signatureFrom(
  input: { name?: string; email?: string; date?: string } | undefined,
  fallback: UserRecord,
  now: Date,
): GitSignature {
  const date = input?.date;
  let time = Math.floor(now.getTime() / 1000);
  let offsetMinutes = 0;
  if (date !== undefined) {
    const parsed = Date.parse(date);
    if (Number.isNaN(parsed)) {
      throw apiError(422, `Invalid request.\n\n${JSON.stringify(date)} is not a valid date-time.`);
    }
    time = Math.floor(parsed / 1000);
    const offset = /([+-])(\d\d):?(\d\d)$/.exec(date);
    if (offset) {
      const minutes = Number(offset[2]) * 60 + Number(offset[3]);
      offsetMinutes = offset[1] === "-" ? -minutes : minutes;
    }
  }
  return {
    name: input?.name ?? fallback.name,
    email: input?.email ?? (fallback.email || noreplyEmail(fallback)),
    time,
    offsetMinutes,
  };
}

/** Whether the client asked for raw bytes (application/vnd.github.raw or .raw+json). */
export function wantsRaw(context: RequestContext): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(String(context.headers.accept ?? ""));
}

/** Refuses Git Data calls on a repository with no commits, as GitHub does. */
export function requireNonEmpty(repo: RepoRecord): void {
  if (repo.git.isEmpty()) {
    throw apiError(409, "Git Repository is empty.", {
      documentationUrl: "https://docs.github.com/rest/git",
    });
  }
}

/** GitHub's base64 for blobs and contents: lines of 60 characters, each ending in a newline. */
export function base64Lines(content: Buffer): string {
  const flat = content.toString("base64");
  const lines: string[] = [];
  for (let index = 0; index < flat.length; index += 60) lines.push(flat.slice(index, index + 60));
  return lines.map((line) => `${line}\n`).join("");
}

/**
 * Refuses a request GitHub would honour but the sandbox does not model (say,
 * required reviewers): a 422 and an "unsupported" violation that fails
 * assertClean(), never a silently ignored setting.
 */
export function refuseUnsupported(context: RequestContext, what: string): never {
  const path = context.params.owner
    ? `/repos/${context.params.owner}/${context.params.repo}`
    : context.operationId;
  context.services.violations.record({
    kind: "unsupported",
    method: context.method,
    path,
    operationId: context.operationId,
    problems: [`${what} is not supported by the Snapgate sandbox`],
  });
  throw apiError(422, `${what} is not supported by the Snapgate sandbox.`);
}

/**
 * Endpoints GitHub reserves to repository admins: an installation with the
 * permission, or a person whose role is admin (a personal token's permission
 * alone is capped at the person's role only down to write).
 */
export function requireRepoAdmin(context: RequestContext): void {
  const { principal } = context;
  if (principal.kind !== "token" || principal.token.installation) return;
  if (context.services.world.roleOf(principal.token.actor, repoOf(context)) !== "admin") {
    throw apiError(403, "Must have admin rights to Repository.", {
      documentationUrl: "https://docs.github.com/rest/deployments/environments",
    });
  }
}
