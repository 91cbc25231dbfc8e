import type { GitRepository } from "./git-repository.js";
import { runGit } from "./run-git.js";

export interface ListedEntry {
  /** As the API prints it: "100644", "040000"... */
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** Bytes of a blob; undefined for trees and submodules. */
  size: number | undefined;
  path: string;
}

/** The entries of a tree, all of them (subtrees included) when `recursive`, through `git ls-tree -l`. */
export async function listTree(
  repository: GitRepository,
  tree: string,
  recursive: boolean,
): Promise<ListedEntry[]> {
  const args = ["ls-tree", "-l", "-z", "--full-tree", ...(recursive ? ["-r", "-t"] : []), tree];
  const result = await runGit(repository.gitDir, args, { check: true });
  return result.stdout
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/) as [
        string,
        ListedEntry["type"],
        string,
        string,
      ];
      return {
        mode,
        type,
        sha,
        size: size === "-" ? undefined : Number(size),
        path: line.slice(tab + 1),
      };
    });
}
