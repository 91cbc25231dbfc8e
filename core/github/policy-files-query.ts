import {
  DEFAULT_BRANCH_FILE_FIELDS,
  GitHubPolicySource,
  type DefaultBranchFile,
  type RepositoryName,
} from "./github-policy-source.js";
import type { GitHubClient } from "./github-client.js";

/** The org-wide fallback lives in the owner's `.github` repository (Probot's rule). */
export const ORG_CONFIG_REPO = ".github";

/** What a gate query that fetched the policy files hands over (see policyFilesQuery). */
export interface PolicyFilesResult {
  repository: DefaultBranchFile;
  orgPolicy?: DefaultBranchFile | null;
}

export interface PolicyFiles {
  /** The repository's default branch; null for an empty repository. */
  defaultBranch: string | null;
  /** Reads the policy; the entry file and the owner's `.github` fallback are already in it. */
  policySource: GitHubPolicySource;
  /** Whether the repository, or its owner's `.github` repository, has a policy file at all. */
  hasPolicy: boolean;
}

/**
 * The policy files of a repository as part of a larger GraphQL query: `fields`
 * go into its `repository` selection, `orgPolicy` is the same path in the
 * owner's `.github` repository (absent when the repository is that one), and
 * `read` turns the answer into a primed policy source.
 */
export function policyFilesQuery(repository: RepositoryName, path: string) {
  const withOrg = repository.repo.toLowerCase() !== ORG_CONFIG_REPO;
  return {
    fields: DEFAULT_BRANCH_FILE_FIELDS,
    orgPolicy: withOrg
      ? `orgPolicy: repository(owner: $owner, name: "${ORG_CONFIG_REPO}") { ${DEFAULT_BRANCH_FILE_FIELDS} }`
      : "",
    read(client: GitHubClient, result: PolicyFilesResult): PolicyFiles {
      const policySource = new GitHubPolicySource(client, repository);
      const own = { owner: repository.owner, repo: repository.repo, path };
      const org = { owner: repository.owner, repo: ORG_CONFIG_REPO, path };
      policySource.remember(own, result.repository);
      if (withOrg) policySource.remember(org, result.orgPolicy);
      return {
        defaultBranch: result.repository.defaultBranchRef?.name ?? null,
        policySource,
        hasPolicy: policySource.has(own) || (withOrg && policySource.has(org)),
      };
    },
  };
}
