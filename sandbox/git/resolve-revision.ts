import { GitRepository } from "./git-repository.js";

/** A commit id from a branch name, tag name, full ref or commit id, as GitHub's `ref` parameters accept. */
export async function resolveCommit(
  repository: GitRepository,
  revision: string,
): Promise<string | null> {
  const candidates = GitRepository.isObjectId(revision)
    ? [revision]
    : revision.startsWith("refs/")
      ? [repository.readRef(revision)]
      : [repository.readRef(`refs/heads/${revision}`), repository.readRef(`refs/tags/${revision}`)];
  for (const oid of candidates) {
    if (oid && (await repository.objectType(oid)) === "commit") return oid;
  }
  return null;
}
