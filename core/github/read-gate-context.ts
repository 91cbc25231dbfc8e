import { DEFAULT_POLICY_PATH } from "../policy/load-policy.js";
import {
  COMMIT_CHECK_RUNS_FIELDS,
  commitCheckRuns,
  type CommitCheckRuns,
  type ExistingCheckRun,
} from "./commit-check-runs.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import type { DefaultBranchFile, RepositoryName } from "./github-policy-source.js";
import { policyFilesQuery, type PolicyFiles } from "./policy-files-query.js";
import { queryAllowingMissing } from "./query-allowing-missing.js";

export interface GateContext extends PolicyFiles {
  /** The app's check runs on the head commit, oldest first (empty when there is no head). */
  checkRuns: ExistingCheckRun[];
}

export interface ReadGateContextOptions extends RepositoryName {
  /** The commit being gated; its existing check runs of the app come back too. */
  headSha: string | null;
  appId: number;
  policyPath?: string;
}

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
  const policyFiles = policyFilesQuery(options, path);
  const head = options.headSha
    ? `head: object(oid: $head) { ... on Commit { ${COMMIT_CHECK_RUNS_FIELDS} } }`
    : "";
  const query = `query SnapgateGateContext($owner: String!, $name: String!, $path: String!${options.headSha ? ", $head: GitObjectID!, $appId: Int!" : ""}) {
    repository(owner: $owner, name: $name) { ${policyFiles.fields} ${head} }
    ${policyFiles.orgPolicy}
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
  return {
    ...policyFiles.read(client, result),
    checkRuns: commitCheckRuns(result.repository.head),
  };
}
