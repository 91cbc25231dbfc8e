import type { PullStats } from "../representations/pull-request-json.js";
import type { GitRepository } from "./git-repository.js";
import { runGit } from "./run-git.js";

/** Commits, added and deleted lines and changed files of `head` against its merge base with `base`. */
export async function pullStats(
  repository: GitRepository,
  base: string,
  head: string,
): Promise<PullStats> {
  const count = await runGit(repository.gitDir, ["rev-list", "--count", `${base}..${head}`], {
    check: true,
  });
  const diff = await runGit(repository.gitDir, ["diff", "--numstat", `${base}...${head}`], {
    check: true,
  });
  const stats: PullStats = {
    commits: Number(count.stdout.trim()),
    additions: 0,
    deletions: 0,
    changedFiles: 0,
  };
  for (const line of diff.stdout.split("\n").filter(Boolean)) {
    const [added, deleted] = line.split("\t");
    stats.changedFiles += 1;
    stats.additions += Number(added) || 0;
    stats.deletions += Number(deleted) || 0;
  }
  return stats;
}
