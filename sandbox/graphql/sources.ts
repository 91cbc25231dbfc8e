import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { Principal } from "../auth/principal.js";
import { grantedLevel } from "../auth/repo-access.js";
import type { SandboxServices } from "../services/sandbox-services.js";
import type { RepoRecord, UserRecord } from "../state/entities.js";
import type { PermissionName } from "../types.js";

/** What the GraphQL resolvers work on: the sandbox's state and who is asking. */
export interface GraphqlContext {
  services: SandboxServices;
  principal: Principal;
  now: Date;
}

export interface RepoSource {
  __typename: "Repository";
  repo: RepoRecord;
}

export interface OwnerSource {
  __typename: "User" | "Organization" | "Bot";
  user: UserRecord;
}

export interface RefSource {
  __typename: "Ref";
  repo: RepoRecord;
  /** Full name, "refs/heads/main". */
  ref: string;
  oid: string;
}

export interface ObjectSource {
  __typename: "Commit" | "Tree" | "Blob" | "Tag";
  repo: RepoRecord;
  oid: string;
  content: Buffer;
  /** Where a tree sits, so its entries get full paths ("" for a root tree). */
  path: string;
}

export interface EntrySource {
  __typename: "TreeEntry";
  repo: RepoRecord;
  name: string;
  path: string;
  mode: string;
  oid: string;
}

export type Resolver = (
  source: never,
  args: never,
  context: GraphqlContext,
  info: GraphQLResolveInfo,
) => unknown;

/** What GitHub calls error types, from the HTTP status the REST side would give. */
export function graphqlError(message: string, type: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** A ref that exists, or null. */
export function refSource(repo: RepoRecord, ref: string): RefSource | null {
  const oid = repo.git.readRef(ref);
  return oid ? { __typename: "Ref", repo, ref, oid } : null;
}

/** Refuses a read the token's permission does not cover, as GitHub does for installations and fine-grained tokens. */
export function requireRepoPermission(
  context: GraphqlContext,
  repo: RepoRecord,
  permission: PermissionName,
): void {
  if (grantedLevel(context.services.world, context.principal, repo, permission) !== "none") return;
  const integration =
    context.principal.kind === "token" && context.principal.token.installation !== null;
  throw graphqlError(
    integration
      ? "Resource not accessible by integration"
      : "Resource not accessible by personal access token",
    "FORBIDDEN",
  );
}

/** A connection's nodes and count; like GitHub, it needs `first` or `last` (at most 100). */
export function connection<T>(
  all: readonly T[],
  args: { first?: number | null; last?: number | null },
  name: string,
): { nodes: T[]; totalCount: number } {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw graphqlError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      "MISSING_PAGINATION_BOUNDARIES",
    );
  }
  for (const [argument, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (typeof value === "number" && (value < 0 || value > 100)) {
      throw graphqlError(
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of 100 records.`,
        "EXCESSIVE_PAGINATION",
      );
    }
  }
  let nodes = [...all];
  if (typeof first === "number") nodes = nodes.slice(0, first);
  if (typeof last === "number") nodes = nodes.slice(Math.max(0, nodes.length - last));
  return { nodes, totalCount: all.length };
}

/** An argument value the sandbox cannot honour fails loudly instead of being ignored. */
export function unsupportedArgument(description: string): never {
  throw graphqlError(
    `${description} is not implemented by the Snapgate sandbox.`,
    "SANDBOX_UNSUPPORTED",
  );
}
