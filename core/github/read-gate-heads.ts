import { DEFAULT_POLICY_PATH } from "../policy/load-policy.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import type { DefaultBranchFile, RepositoryName } from "./github-policy-source.js";
import { policyFilesQuery, type PolicyFiles } from "./policy-files-query.js";
import { queryAllowingMissing } from "./query-allowing-missing.js";

/** GitHub's page limit: the newest this many open pull requests and the first this many branches are considered. */
export const GATE_HEADS_LIMIT = 100;

export interface GateHeads extends PolicyFiles {
  /** Open pull requests, most recently updated first. */
  pulls: Array<{ number: number; headSha: string; baseBranch: string }>;
  /** Branches by name with their head commits. */
  branches: Array<{ name: string; sha: string }>;
}

interface GateHeadsResult {
  repository: DefaultBranchFile & {
    pullRequests: { nodes: Array<{ number: number; headRefOid: string; baseRefName: string }> };
    refs: { nodes: Array<{ name: string; target: { oid: string } | null }> } | null;
  };
  orgPolicy?: DefaultBranchFile | null;
}

/**
 * The heads a re-evaluation may have to re-check, in one GraphQL query: the
 * repository's open pull requests (their heads and base branches) and its
 * branches, with the policy files as in readGateContext.
 */
export async function readGateHeads(
  client: GitHubClient,
  options: RepositoryName & { policyPath?: string },
): Promise<GateHeads> {
  const path = options.policyPath ?? DEFAULT_POLICY_PATH;
  const policyFiles = policyFilesQuery(options, path);
  let result: GateHeadsResult;
  try {
    result = await queryAllowingMissing<GateHeadsResult>(
      client,
      `query SnapgateGateHeads($owner: String!, $name: String!, $path: String!) {
        repository(owner: $owner, name: $name) {
          ${policyFiles.fields}
          pullRequests(states: [OPEN], first: ${GATE_HEADS_LIMIT}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number headRefOid baseRefName } }
          refs(refPrefix: "refs/heads/", first: ${GATE_HEADS_LIMIT}) { nodes { name target { oid } } }
        }
        ${policyFiles.orgPolicy}
      }`,
      { owner: options.owner, name: options.repo, path },
      ["orgPolicy"],
    );
  } catch (error) {
    throw githubError(
      error,
      `listing the open pull requests and branches of ${options.owner}/${options.repo}`,
      `${options.owner}/${options.repo}`,
    );
  }
  return {
    ...policyFiles.read(client, result),
    pulls: result.repository.pullRequests.nodes.map((pull) => ({
      number: pull.number,
      headSha: pull.headRefOid,
      baseBranch: pull.baseRefName,
    })),
    branches: (result.repository.refs?.nodes ?? []).flatMap((ref) =>
      ref.target ? [{ name: ref.name, sha: ref.target.oid }] : [],
    ),
  };
}
