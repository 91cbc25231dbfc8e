import { DEFAULT_POLICY_PATH } from "../policy/load-policy.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import {
  DEFAULT_BRANCH_FILE_FIELDS,
  GitHubPolicySource,
  type DefaultBranchFile,
  type RepositoryName,
} from "./github-policy-source.js";
import { queryAllowingMissing } from "./query-allowing-missing.js";
import { ORG_CONFIG_REPO } from "./read-gate-context.js";

/** GitHub's page limit: the newest this many open pull requests and the first this many branches are considered. */
export const GATE_HEADS_LIMIT = 100;

export interface GateHeads {
  defaultBranch: string | null;
  policySource: GitHubPolicySource;
  hasPolicy: boolean;
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
  const withOrg = options.repo.toLowerCase() !== ORG_CONFIG_REPO;
  let result: GateHeadsResult;
  try {
    result = await queryAllowingMissing<GateHeadsResult>(
      client,
      `query SnapgateGateHeads($owner: String!, $name: String!, $path: String!) {
        repository(owner: $owner, name: $name) {
          ${DEFAULT_BRANCH_FILE_FIELDS}
          pullRequests(states: [OPEN], first: ${GATE_HEADS_LIMIT}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number headRefOid baseRefName } }
          refs(refPrefix: "refs/heads/", first: ${GATE_HEADS_LIMIT}) { nodes { name target { oid } } }
        }
        ${withOrg ? `orgPolicy: repository(owner: $owner, name: "${ORG_CONFIG_REPO}") { ${DEFAULT_BRANCH_FILE_FIELDS} }` : ""}
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
  const policySource = new GitHubPolicySource(client, options);
  const own = { owner: options.owner, repo: options.repo, path };
  const org = { owner: options.owner, repo: ORG_CONFIG_REPO, path };
  policySource.remember(own, result.repository);
  if (withOrg) policySource.remember(org, result.orgPolicy);
  return {
    defaultBranch: result.repository.defaultBranchRef?.name ?? null,
    policySource,
    hasPolicy: policySource.has(own) || (withOrg && policySource.has(org)),
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
