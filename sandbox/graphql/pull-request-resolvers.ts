import { isoTime, nodeId } from "../representations/urls.js";
import type { IssueRecord, PullRecord } from "../state/entities.js";
import {
  connection,
  refSource,
  requireRepoPermission,
  unsupportedArgument,
  type GraphqlContext,
  type RefSource,
  type RepoSource,
  type Resolver,
} from "./sources.js";

interface PullSource {
  __typename: "PullRequest";
  issue: IssueRecord & { pull: PullRecord };
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

interface OrderArgs {
  field: string;
  direction: "ASC" | "DESC";
}

function ordered<T>(items: T[], direction: "ASC" | "DESC" | undefined | null): T[] {
  return direction === "DESC" ? items.reverse() : items;
}

/** `Repository.pullRequests`: filtered by state and branch names, ordered by creation or update (needs pull requests read). */
export function repositoryPullRequests(
  source: RepoSource,
  args: PageArgs & {
    states?: string[] | null;
    baseRefName?: string | null;
    headRefName?: string | null;
    labels?: string[] | null;
    orderBy?: OrderArgs | null;
  },
  context: GraphqlContext,
): { nodes: PullSource[]; totalCount: number } {
  requireRepoPermission(context, source.repo, "pull_requests");
  if (args.labels) unsupportedArgument("Filtering pull requests by labels");
  const field = args.orderBy?.field ?? "CREATED_AT";
  if (field !== "CREATED_AT" && field !== "UPDATED_AT")
    unsupportedArgument(`Ordering pull requests by ${field}`);
  const pulls = [...context.services.world.issues.values()]
    .filter(
      (issue): issue is PullSource["issue"] =>
        issue.repo === source.repo &&
        issue.pull !== null &&
        (args.states == null || args.states.includes(issue.state.toUpperCase())) &&
        (args.baseRefName == null || issue.pull.baseRef === args.baseRefName) &&
        (args.headRefName == null || issue.pull.headRef === args.headRefName),
    )
    .sort((a, b) =>
      field === "UPDATED_AT"
        ? a.updatedAt.getTime() - b.updatedAt.getTime() || a.number - b.number
        : a.number - b.number,
    );
  return connection(
    ordered(pulls, args.orderBy?.direction).map((issue): PullSource => ({
      __typename: "PullRequest",
      issue,
    })),
    args,
    "pullRequests",
  );
}

/** `Repository.refs`: the refs under a prefix, by name (optionally filtered by a substring). */
export async function repositoryRefs(
  source: RepoSource,
  args: PageArgs & {
    refPrefix: string;
    query?: string | null;
    direction?: "ASC" | "DESC" | null;
    orderBy?: OrderArgs | null;
  },
): Promise<{ nodes: RefSource[]; totalCount: number }> {
  if (args.orderBy && args.orderBy.field !== "ALPHABETICAL")
    unsupportedArgument(`Ordering refs by ${args.orderBy.field}`);
  const refs = (await source.repo.git.listRefs(args.refPrefix))
    .filter(({ ref }) => ref.startsWith(args.refPrefix))
    .filter(({ ref }) => !args.query || ref.slice(args.refPrefix.length).includes(args.query))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .map(({ ref }) => refSource(source.repo, ref))
    .filter((ref): ref is RefSource => ref !== null);
  return connection(ordered(refs, args.orderBy?.direction ?? args.direction), args, "refs");
}

/** The head of a pull request is its branch's current commit, as on GitHub. */
function headOid(source: PullSource): string {
  const { repo, pull } = source.issue;
  return repo.git.readRef(`refs/heads/${pull.headRef}`) ?? pull.headSha;
}

/** PullRequest fields and the connections of pull requests and refs. */
export const pullRequestResolvers: Record<string, Record<string, Resolver>> = {
  PullRequestConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  RefConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  PullRequest: {
    id: ((source: PullSource) => nodeId("PR", source.issue.id)) as Resolver,
    databaseId: ((source: PullSource) => source.issue.id) as Resolver,
    number: ((source: PullSource) => source.issue.number) as Resolver,
    title: ((source: PullSource) => source.issue.title) as Resolver,
    state: ((source: PullSource) => source.issue.state.toUpperCase()) as Resolver,
    isDraft: ((source: PullSource) => source.issue.pull.draft) as Resolver,
    isCrossRepository: (() => false) as Resolver,
    headRefName: ((source: PullSource) => source.issue.pull.headRef) as Resolver,
    headRefOid: ((source: PullSource) => headOid(source)) as Resolver,
    baseRefName: ((source: PullSource) => source.issue.pull.baseRef) as Resolver,
    baseRefOid: ((source: PullSource) =>
      source.issue.repo.git.readRef(`refs/heads/${source.issue.pull.baseRef}`) ??
      source.issue.pull.baseSha) as Resolver,
    createdAt: ((source: PullSource) => isoTime(source.issue.createdAt)) as Resolver,
    updatedAt: ((source: PullSource) => isoTime(source.issue.updatedAt)) as Resolver,
  },
};
