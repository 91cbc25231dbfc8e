import { SnapgateError } from "../errors.js";
import type { PolicyRef, PolicySource } from "../policy/policy-source.js";
import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";
import { queryAllowingMissing } from "./query-allowing-missing.js";

export interface RepositoryName {
  owner: string;
  repo: string;
}

/**
 * A GraphQL selection on a Repository: its default branch's name and the text
 * of one file on it (`$path`). Only the default branch is ever read, so a pull
 * request cannot change the policy that gates it.
 */
export const DEFAULT_BRANCH_FILE_FIELDS =
  "defaultBranchRef { name target { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated } } } } } }";

/** What DEFAULT_BRANCH_FILE_FIELDS returns. */
export interface DefaultBranchFile {
  defaultBranchRef: {
    name: string;
    target: {
      file: { object: { text: string | null; isTruncated: boolean } | null } | null;
    } | null;
  } | null;
}

/**
 * The text of the file a DEFAULT_BRANCH_FILE_FIELDS selection found; null
 * when the repository (null node), its default branch or the file is missing.
 */
export function defaultBranchFileText(
  node: DefaultBranchFile | null | undefined,
  display: string,
): string | null {
  const object = node?.defaultBranchRef?.target?.file?.object;
  if (!object) return null;
  if (object.isTruncated) {
    throw new SnapgateError("CONFIG", `${display} is too large to read through GitHub's API.`, {
      fix: "A policy is a few hundred lines; move generated lists out of it.",
    });
  }
  if (object.text === null) {
    throw new SnapgateError("CONFIG", `${display} is not a text file.`, {
      fix: "Write the policy as YAML text (docs/policy.md).",
    });
  }
  return object.text;
}

function fileKey(owner: string, repo: string, path: string): string {
  return `${owner.toLowerCase()}/${repo.toLowerCase()}:${path}`;
}

/**
 * The policy files of a repository as the app sees them: read from the
 * default branch of each repository through GraphQL, one query per file not
 * already known. A caller that fetched files in a query of its own (the
 * repository's policy and the owner's `.github` fallback, next to other data)
 * hands them over with `remember`, so resolving `_extends` costs nothing more
 * when it stays within them. A repository that does not exist or that the
 * installation cannot see reads as a missing file.
 */
export class GitHubPolicySource implements PolicySource {
  private readonly known = new Map<string, string | null | SnapgateError>();

  constructor(
    private readonly client: GitHubClient,
    readonly entry: RepositoryName,
  ) {}

  /**
   * Records a file read elsewhere from a DEFAULT_BRANCH_FILE_FIELDS selection
   * (null node: the repository does not exist or cannot be seen); a file that
   * cannot be used fails when the policy loader reads it, as a policy problem.
   */
  remember(
    ref: RepositoryName & { path: string },
    node: DefaultBranchFile | null | undefined,
  ): void {
    let value: string | null | SnapgateError;
    try {
      value = defaultBranchFileText(node, `${ref.owner}/${ref.repo}:${ref.path}`);
    } catch (error) {
      value = error as SnapgateError;
    }
    this.known.set(fileKey(ref.owner, ref.repo, ref.path), value);
  }

  /** Whether a remembered or read file exists (false when it is unknown). */
  has(ref: RepositoryName & { path: string }): boolean {
    const value = this.known.get(fileKey(ref.owner, ref.repo, ref.path));
    return value !== undefined && value !== null;
  }

  async read(ref: PolicyRef): Promise<string | null> {
    const owner = ref.owner ?? this.entry.owner;
    const repo = ref.repo ?? this.entry.repo;
    const key = fileKey(owner, repo, ref.path);
    const known = this.known.get(key);
    if (known instanceof SnapgateError) throw known;
    if (known !== undefined) return known;
    let result: { repository: DefaultBranchFile | null };
    try {
      result = await queryAllowingMissing<{ repository: DefaultBranchFile | null }>(
        this.client,
        `query SnapgatePolicyFile($owner: String!, $name: String!, $path: String!) {
          repository(owner: $owner, name: $name) { ${DEFAULT_BRANCH_FILE_FIELDS} }
        }`,
        { owner, name: repo, path: ref.path },
        ["repository"],
      );
    } catch (error) {
      throw githubError(
        error,
        `reading the policy ${owner}/${repo}:${ref.path}`,
        `${owner}/${repo}`,
      );
    }
    this.remember({ owner, repo, path: ref.path }, result.repository);
    return this.read(ref);
  }
}
