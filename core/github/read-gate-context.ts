import { DEFAULT_POLICY_PATH } from "../policy/load-policy.js";
import {
  COMMIT_CHECK_RUNS_FIELDS,
  commitCheckRuns,
  type CommitCheckRuns,
  type ExistingCheckRun,
} from "./commit-check-runs.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import {
  DEFAULT_BRANCH_FILE_FIELDS,
  GitHubPolicySource,
  type DefaultBranchFile,
  type RepositoryName,
} from "./github-policy-source.js";
import { queryAllowingMissing } from "./query-allowing-missing.js";

export interface GateContext {
  /** The repository's default branch; null for an empty repository. */
  defaultBranch: string | null;
  /** Reads the policy; the entry file and the owner's `.github` fallback are already in it. */
  policySource: GitHubPolicySource;
  /** Whether the repository, or its owner's `.github` repository, has a policy file at all. */
  hasPolicy: boolean;
  /** The app's check runs on the head commit, oldest first (empty when there is no head). */
  checkRuns: ExistingCheckRun[];
}

export interface ReadGateContextOptions extends RepositoryName {
  /** The commit being gated; its existing check runs of the app come back too. */
  headSha: string | null;
  appId: number;
  policyPath?: string;
}

/** The org-wide fallback lives in the owner's `.github` repository (Probot's rule). */
export const ORG_CONFIG_REPO = ".github";

interface GateContextResult {
  repository: DefaultBranchFile & { head?: CommitCheckRuns | null };
  orgPolicy?: DefaultBranchFile | null;
}

/**
 * Everything a gate decision needs from the gated repository, in one GraphQL
 * query: the policy file on the default branch, the same path in the owner's
 * `.github` repository (the Probot fallback and the usual `_extends` target,
 * fetched speculatively so resolving it costs nothing more), and the app's
 * check runs already on the head commit (so a redelivered webhook does not
 * post a second one).
 */
export async function readGateContext(
  client: GitHubClient,
  options: ReadGateContextOptions,
): Promise<GateContext> {
  const path = options.policyPath ?? DEFAULT_POLICY_PATH;
  const withOrg = options.repo.toLowerCase() !== ORG_CONFIG_REPO;
  const head = options.headSha
    ? `head: object(oid: $head) { ... on Commit { ${COMMIT_CHECK_RUNS_FIELDS} } }`
    : "";
  const query = `query SnapgateGateContext($owner: String!, $name: String!, $path: String!${options.headSha ? ", $head: GitObjectID!, $appId: Int!" : ""}) {
    repository(owner: $owner, name: $name) { ${DEFAULT_BRANCH_FILE_FIELDS} ${head} }
    ${withOrg ? `orgPolicy: repository(owner: $owner, name: "${ORG_CONFIG_REPO}") { ${DEFAULT_BRANCH_FILE_FIELDS} }` : ""}
  }`;
  let result: GateContextResult;
  try {
    result = await queryAllowingMissing<GateContextResult>(
      client,
      query,
      {
        owner: options.owner,
        name: options.repo,
        path,
        ...(options.headSha ? { head: options.headSha, appId: options.appId } : {}),
      },
      ["orgPolicy"],
    );
  } catch (error) {
    throw githubError(
      error,
      `reading the policy of ${options.owner}/${options.repo}`,
      `${options.owner}/${options.repo}`,
    );
  }
  const policySource = new GitHubPolicySource(client, options);
  const own = { owner: options.owner, repo: options.repo, path };
  const org = { owner: options.owner, repo: ORG_CONFIG_REPO, path };
  policySource.remember(own, result.repository);
  if (withOrg) policySource.remember(org, result.orgPolicy);
  return {
    defaultBranch: result.repository.defaultBranchRef?.name ?? null,
    policySource,
    hasPolicy: policySource.has(own) || (withOrg && policySource.has(org)),
    checkRuns: commitCheckRuns(result.repository.head),
  };
}
