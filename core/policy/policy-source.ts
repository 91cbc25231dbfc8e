/**
 * The port through which policy files are read: the CLI reads the local
 * checkout (and maps other repositories as it sees fit), the app reads the
 * default branch through the GitHub API. `read` answers null when the file does
 * not exist; any other failure it throws (as a SnapgateError).
 */
export interface PolicyRef {
  /** Absent: the repository the policy is loaded for (for the CLI: the local checkout). */
  owner?: string;
  repo?: string;
  path: string;
}

export interface PolicySource {
  read(ref: PolicyRef): Promise<string | null>;
}

/** How a file is named in messages: `path` for the repository itself, `owner/repo:path` otherwise. */
export function formatPolicyRef(ref: PolicyRef, entry: Omit<PolicyRef, "path">): string {
  const sameRepo = ref.owner === entry.owner && ref.repo === entry.repo;
  if (sameRepo || ref.repo === undefined) return ref.path;
  return ref.owner === undefined
    ? `${ref.repo}:${ref.path}`
    : `${ref.owner}/${ref.repo}:${ref.path}`;
}

/**
 * An in-memory source, for tests and for callers that already hold the texts.
 * Keys are `path` for the repository itself and `owner/repo:path` (or
 * `repo:path` when the owner is unknown) for others.
 */
export function memoryPolicySource(files: Readonly<Record<string, string>>): PolicySource {
  return {
    read(ref) {
      const key =
        ref.repo === undefined
          ? ref.path
          : ref.owner === undefined
            ? `${ref.repo}:${ref.path}`
            : `${ref.owner}/${ref.repo}:${ref.path}`;
      return Promise.resolve(files[key] ?? null);
    },
  };
}
