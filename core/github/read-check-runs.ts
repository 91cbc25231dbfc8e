import {
  COMMIT_CHECK_RUNS_FIELDS,
  commitCheckRuns,
  type CommitCheckRuns,
  type ExistingCheckRun,
} from "./commit-check-runs.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import type { RepositoryName } from "./github-policy-source.js";

/** Commits per query: aliases keep it one request; GitHub limits a query's node count. */
const COMMITS_PER_QUERY = 50;

/**
 * The app's check runs on each of `shas` (oldest first per commit), one
 * GraphQL query per 50 commits. A commit the repository does not have has none.
 */
export async function readCheckRuns(
  client: GitHubClient,
  options: RepositoryName & { appId: number; shas: readonly string[] },
): Promise<Map<string, ExistingCheckRun[]>> {
  // Object ids go into the query text: anything but a full SHA-1 is left out.
  const shas = [...new Set(options.shas)].filter((sha) => /^[0-9a-f]{40}$/.test(sha));
  const runs = new Map<string, ExistingCheckRun[]>();
  for (let start = 0; start < shas.length; start += COMMITS_PER_QUERY) {
    const slice = shas.slice(start, start + COMMITS_PER_QUERY);
    const aliases = slice
      .map(
        (sha, index) =>
          `c${index}: object(oid: "${sha}") { ... on Commit { ${COMMIT_CHECK_RUNS_FIELDS} } }`,
      )
      .join("\n");
    let result: { repository: Record<string, CommitCheckRuns | null> };
    try {
      result = await client.graphql<{ repository: Record<string, CommitCheckRuns | null> }>(
        `query SnapgateCheckRuns($owner: String!, $name: String!, $appId: Int!) {
          repository(owner: $owner, name: $name) { ${aliases} }
        }`,
        { owner: options.owner, name: options.repo, appId: options.appId },
      );
    } catch (error) {
      throw githubError(
        error,
        `reading the check runs of ${options.owner}/${options.repo}`,
        `${options.owner}/${options.repo}`,
      );
    }
    slice.forEach((sha, index) => runs.set(sha, commitCheckRuns(result.repository[`c${index}`])));
  }
  return runs;
}
