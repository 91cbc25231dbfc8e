import { canSeeRepo, grantedLevel } from "../auth/repo-access.js";
import { parseCommit } from "../git/commit-object.js";
import { findPath } from "../git/find-path.js";
import { GitRepository } from "../git/git-repository.js";
import type { GitObject } from "../git/batch-object-reader.js";
import { resolveCommit } from "../git/resolve-revision.js";
import { parseTree, TREE_MODE } from "../git/tree-object.js";
import { apiResponseOf } from "../http/api-error.js";
import { isoTime, nodeId } from "../representations/urls.js";
import type { RepoRecord } from "../state/entities.js";
import { noreplyEmail } from "../handlers/request-helpers.js";
import { checkResolvers, commitCheckSuites } from "./check-resolvers.js";
import {
  pullRequestResolvers,
  repositoryPullRequests,
  repositoryRefs,
} from "./pull-request-resolvers.js";
import { commitHistory } from "./commit-history.js";
import {
  graphqlError,
  type EntrySource,
  type GraphqlContext,
  type ObjectSource,
  type OwnerSource,
  type RefSource,
  type RepoSource,
  type Resolver,
  refSource,
} from "./sources.js";

export type { GraphqlContext } from "./sources.js";

function fromApiError(error: unknown): unknown {
  const answer = apiResponseOf(error);
  if (!answer) return error;
  const types: Record<number, string> = {
    401: "FORBIDDEN",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    409: "STALE_DATA",
    422: "UNPROCESSABLE",
  };
  return graphqlError(String(answer.body.message), types[answer.status] ?? "INTERNAL");
}

function requireContents(context: GraphqlContext, repo: RepoRecord, level: "read" | "write"): void {
  const granted = grantedLevel(context.services.world, context.principal, repo, "contents");
  const enough = level === "read" ? granted !== "none" : granted === "write" || granted === "admin";
  if (!enough) {
    const integration =
      context.principal.kind === "token" && context.principal.token.installation !== null;
    throw graphqlError(
      integration
        ? "Resource not accessible by integration"
        : "Resource not accessible by personal access token",
      "FORBIDDEN",
    );
  }
}

async function objectSource(
  repo: RepoRecord,
  object: GitObject | null,
  path = "",
): Promise<ObjectSource | null> {
  if (!object) return null;
  const typename = ({ commit: "Commit", tree: "Tree", blob: "Blob", tag: "Tag" } as const)[
    object.type
  ];
  return { __typename: typename, repo, oid: object.oid, content: object.content, path };
}

async function readObject(context: GraphqlContext, repo: RepoRecord, oid: string, path = "") {
  requireContents(context, repo, "read");
  return objectSource(repo, await repo.git.read(oid), path);
}

function entrySource(
  repo: RepoRecord,
  parentPath: string,
  name: string,
  mode: string,
  oid: string,
): EntrySource {
  return {
    __typename: "TreeEntry",
    repo,
    name,
    path: parentPath ? `${parentPath}/${name}` : name,
    mode,
    oid,
  };
}

function typeOfMode(mode: string): "blob" | "tree" | "commit" {
  return mode === TREE_MODE ? "tree" : mode === "160000" ? "commit" : "blob";
}

/** Blob text is cut at this size, as GitHub truncates large blobs in GraphQL. */
const BLOB_TEXT_LIMIT = 512 * 1024;

function isBinary(content: Buffer): boolean {
  // git's own heuristic: a NUL byte in the first 8000 bytes.
  return content.subarray(0, 8000).includes(0);
}

async function fileAt(
  context: GraphqlContext,
  source: ObjectSource,
  path: string,
): Promise<EntrySource | null> {
  const commit = parseCommit(source.content);
  const clean = path.replace(/^\/+|\/+$/g, "");
  if (clean === "") return null;
  const found = await findPath(source.repo.git, commit.tree, clean);
  if (!found) return null;
  const slash = clean.lastIndexOf("/");
  return entrySource(
    source.repo,
    slash === -1 ? "" : clean.slice(0, slash),
    clean.slice(slash + 1),
    found.mode,
    found.oid,
  );
}

const gitObjectFields = {
  oid: (source: ObjectSource) => source.oid,
  abbreviatedOid: (source: ObjectSource) => source.oid.slice(0, 7),
  id: (source: ObjectSource) =>
    nodeId(
      source.__typename === "Commit" ? "C" : source.__typename === "Tree" ? "T" : "B",
      source.oid,
    ),
  repository: (source: ObjectSource): RepoSource => ({
    __typename: "Repository",
    repo: source.repo,
  }),
};

/**
 * The fields the sandbox implements, per type. Anything else is refused
 * before execution with an error naming the field (see README).
 */
export const resolvers: Record<string, Record<string, Resolver>> = {
  Query: {
    repository: ((
      _source: unknown,
      args: { owner: string; name: string },
      context: GraphqlContext,
    ) => {
      const repo = context.services.world.repo(args.owner, args.name);
      if (!repo || !canSeeRepo(context.services.world, context.principal, repo)) {
        throw graphqlError(
          `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
          "NOT_FOUND",
        );
      }
      return { __typename: "Repository", repo } satisfies RepoSource;
    }) as Resolver,
  },
  Mutation: {
    createCommitOnBranch: (async (
      _source: unknown,
      args: { input: CommitOnBranchInput },
      context: GraphqlContext,
    ) => {
      try {
        return await createCommitOnBranch(args.input, context);
      } catch (error) {
        throw fromApiError(error);
      }
    }) as Resolver,
  },
  CreateCommitOnBranchPayload: {
    clientMutationId: ((source: { clientMutationId: string | null }) =>
      source.clientMutationId) as Resolver,
    commit: ((source: { commit: ObjectSource }) => source.commit) as Resolver,
    ref: ((source: { ref: RefSource }) => source.ref) as Resolver,
  },
  Repository: {
    id: ((source: RepoSource) => nodeId("R", source.repo.id)) as Resolver,
    databaseId: ((source: RepoSource) => source.repo.id) as Resolver,
    name: ((source: RepoSource) => source.repo.name) as Resolver,
    nameWithOwner: ((source: RepoSource) => source.repo.fullName) as Resolver,
    isPrivate: ((source: RepoSource) => source.repo.private) as Resolver,
    url: ((source: RepoSource, _args: unknown, context: GraphqlContext) =>
      context.services.urls.html(`/${source.repo.fullName}`)) as Resolver,
    owner: ((source: RepoSource): OwnerSource => ({
      __typename: source.repo.owner.type === "Organization" ? "Organization" : "User",
      user: source.repo.owner,
    })) as Resolver,
    defaultBranchRef: ((source: RepoSource) =>
      refSource(source.repo, `refs/heads/${source.repo.defaultBranch}`)) as Resolver,
    ref: ((source: RepoSource, args: { qualifiedName: string }) => {
      const name = args.qualifiedName;
      if (name.startsWith("refs/")) return refSource(source.repo, name);
      return (
        refSource(source.repo, `refs/heads/${name}`) ?? refSource(source.repo, `refs/tags/${name}`)
      );
    }) as Resolver,
    pullRequests: repositoryPullRequests as Resolver,
    refs: repositoryRefs as Resolver,
    object: (async (
      source: RepoSource,
      args: { oid?: string; expression?: string },
      context: GraphqlContext,
    ) => {
      const { repo } = source;
      requireContents(context, repo, "read");
      if (args.oid)
        return GitRepository.isObjectId(args.oid) ? readObject(context, repo, args.oid) : null;
      if (!args.expression) return null;
      const colon = args.expression.indexOf(":");
      const revision = colon === -1 ? args.expression : args.expression.slice(0, colon);
      const commit = await resolveCommit(
        repo.git,
        revision === "HEAD" || revision === "" ? repo.defaultBranch : revision,
      );
      if (!commit) return null;
      if (colon === -1) return readObject(context, repo, commit);
      const path = args.expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
      const found = await findPath(repo.git, (await repo.git.readCommit(commit))!.tree, path);
      return found && found.type !== "commit" ? readObject(context, repo, found.oid, path) : null;
    }) as Resolver,
  },
  User: {
    login: ((source: OwnerSource) => source.user.login) as Resolver,
    id: ((source: OwnerSource) => nodeId("U", source.user.id)) as Resolver,
  },
  Organization: {
    login: ((source: OwnerSource) => source.user.login) as Resolver,
    id: ((source: OwnerSource) => nodeId("O", source.user.id)) as Resolver,
  },
  Ref: {
    id: ((source: RefSource) => nodeId("REF", `${source.repo.id}:${source.ref}`)) as Resolver,
    name: ((source: RefSource) => source.ref.replace(/^refs\/(heads|tags)\//, "")) as Resolver,
    prefix: ((source: RefSource) =>
      /^refs\/(heads|tags)\//.exec(source.ref)?.[0] ?? "refs/") as Resolver,
    target: ((source: RefSource, _args: unknown, context: GraphqlContext) =>
      readObject(context, source.repo, source.oid)) as Resolver,
    repository: ((source: RefSource): RepoSource => ({
      __typename: "Repository",
      repo: source.repo,
    })) as Resolver,
  },
  Commit: {
    ...(gitObjectFields as Record<string, Resolver>),
    message: ((source: ObjectSource) => parseCommit(source.content).message) as Resolver,
    messageHeadline: ((source: ObjectSource) =>
      parseCommit(source.content).message.split("\n")[0]) as Resolver,
    messageBody: ((source: ObjectSource) =>
      parseCommit(source.content).message.split("\n").slice(1).join("\n").trim()) as Resolver,
    committedDate: ((source: ObjectSource) =>
      isoTime(new Date(parseCommit(source.content).committer.time * 1000))) as Resolver,
    authoredDate: ((source: ObjectSource) =>
      isoTime(new Date(parseCommit(source.content).author.time * 1000))) as Resolver,
    tree: ((source: ObjectSource, _args: unknown, context: GraphqlContext) =>
      readObject(context, source.repo, parseCommit(source.content).tree)) as Resolver,
    parents: (async (source: ObjectSource, args: { first?: number }, context: GraphqlContext) => {
      const parents = parseCommit(source.content).parents;
      const wanted = args.first === undefined ? parents : parents.slice(0, args.first);
      const nodes = [];
      for (const parent of wanted) nodes.push(await readObject(context, source.repo, parent));
      return { nodes, totalCount: parents.length };
    }) as Resolver,
    file: ((source: ObjectSource, args: { path: string }, context: GraphqlContext) =>
      fileAt(context, source, args.path)) as Resolver,
    history: commitHistory as Resolver,
    checkSuites: commitCheckSuites as Resolver,
  },
  CommitHistoryConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  CommitConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  Tree: {
    ...(gitObjectFields as Record<string, Resolver>),
    entries: ((source: ObjectSource) =>
      parseTree(source.content).map((entry) =>
        entrySource(source.repo, source.path, entry.name, entry.mode, entry.oid),
      )) as Resolver,
  },
  TreeEntry: {
    name: ((source: EntrySource) => source.name) as Resolver,
    path: ((source: EntrySource) => source.path) as Resolver,
    oid: ((source: EntrySource) => source.oid) as Resolver,
    type: ((source: EntrySource) => typeOfMode(source.mode)) as Resolver,
    mode: ((source: EntrySource) => Number.parseInt(source.mode, 8)) as Resolver,
    extension: ((source: EntrySource) => /(\.[^./]+)$/.exec(source.name)?.[1] ?? null) as Resolver,
    size: (async (source: EntrySource) =>
      typeOfMode(source.mode) === "blob"
        ? ((await source.repo.git.read(source.oid))?.content.length ?? 0)
        : 0) as Resolver,
    object: ((source: EntrySource, _args: unknown, context: GraphqlContext) =>
      typeOfMode(source.mode) === "commit"
        ? null
        : readObject(context, source.repo, source.oid, source.path)) as Resolver,
    repository: ((source: EntrySource): RepoSource => ({
      __typename: "Repository",
      repo: source.repo,
    })) as Resolver,
  },
  ...checkResolvers,
  ...pullRequestResolvers,
  Blob: {
    ...(gitObjectFields as Record<string, Resolver>),
    byteSize: ((source: ObjectSource) => source.content.length) as Resolver,
    isBinary: ((source: ObjectSource) => isBinary(source.content)) as Resolver,
    isTruncated: ((source: ObjectSource) => source.content.length > BLOB_TEXT_LIMIT) as Resolver,
    text: ((source: ObjectSource) =>
      isBinary(source.content)
        ? null
        : source.content.subarray(0, BLOB_TEXT_LIMIT).toString("utf8")) as Resolver,
  },
};

interface CommitOnBranchInput {
  branch: { repositoryNameWithOwner?: string; branchName?: string; id?: string };
  clientMutationId?: string;
  expectedHeadOid: string;
  fileChanges?: {
    additions?: { path: string; contents: string }[];
    deletions?: { path: string }[];
  };
  message: { headline: string; body?: string };
}

/** createCommitOnBranch: one commit of additions and deletions, only if the branch is still at expectedHeadOid. */
async function createCommitOnBranch(input: CommitOnBranchInput, context: GraphqlContext) {
  const { world } = context.services;
  let repo: RepoRecord | undefined;
  let branchName = input.branch.branchName;
  if (input.branch.repositoryNameWithOwner) {
    const [owner, name] = input.branch.repositoryNameWithOwner.split("/");
    repo = owner && name ? world.repo(owner, name) : undefined;
  } else if (input.branch.id) {
    for (const candidate of world.repos.values()) {
      for (const { ref } of await candidate.git.listRefs("refs/heads/")) {
        if (nodeId("REF", `${candidate.id}:${ref}`) === input.branch.id) {
          repo = candidate;
          branchName = ref.slice("refs/heads/".length);
        }
      }
    }
  }
  if (!repo || !canSeeRepo(world, context.principal, repo) || !branchName) {
    throw graphqlError(
      "Could not resolve to a branch: name the repository and branch, or pass a Ref id.",
      "NOT_FOUND",
    );
  }
  requireContents(context, repo, "write");
  if (context.principal.kind !== "token")
    throw graphqlError("This endpoint requires you to be authenticated.", "FORBIDDEN");
  const actor = context.principal.token.actor;
  if (!repo.git.readRef(`refs/heads/${branchName}`)) {
    throw graphqlError(
      `A ref named "refs/heads/${branchName}" does not exist in ${repo.fullName}.`,
      "NOT_FOUND",
    );
  }
  const files: Record<string, Buffer | null> = {};
  for (const deletion of input.fileChanges?.deletions ?? []) files[deletion.path] = null;
  for (const addition of input.fileChanges?.additions ?? [])
    files[addition.path] = Buffer.from(addition.contents, "base64");
  const time = Math.floor(context.now.getTime() / 1000);
  const message = input.message.body
    ? `${input.message.headline}\n\n${input.message.body}`
    : input.message.headline;
  const { commit } = await context.services.refs.commitFiles(
    repo,
    {
      branch: branchName,
      files,
      message,
      author: {
        name: actor.name,
        email: actor.email || noreplyEmail(actor),
        time,
        offsetMinutes: 0,
      },
      // GitHub commits these itself, as the web-flow committer.
      committer: { name: "GitHub", email: "noreply@github.com", time, offsetMinutes: 0 },
      expectedHead: input.expectedHeadOid,
      signedByGitHub: true,
      documentationUrl: "https://docs.github.com/graphql/reference/mutations#createcommitonbranch",
    },
    { principal: context.principal, pusher: actor },
  );
  return {
    clientMutationId: input.clientMutationId ?? null,
    commit: await objectSource(repo, await repo.git.read(commit)),
    ref: refSource(repo, `refs/heads/${branchName}`),
  };
}
