import { runGit } from "../git/run-git.js";
import { connection, unsupportedArgument, type ObjectSource } from "./sources.js";

interface HistoryArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  path?: string | null;
  author?: unknown;
  since?: string | null;
  until?: string | null;
}

/**
 * `Commit.history(first)`: the commit and its ancestors, newest first, as
 * `git log` lists them. Filters and cursors are refused rather than ignored.
 */
export async function commitHistory(
  source: ObjectSource,
  args: HistoryArgs,
): Promise<{ nodes: ObjectSource[]; totalCount: number }> {
  for (const name of ["after", "before", "path", "author", "since", "until", "last"] as const) {
    if (args[name] !== undefined && args[name] !== null)
      unsupportedArgument(`Commit.history(${name})`);
  }
  // Checks first (required, at most 100) before any git runs.
  connection([], args, "history");
  const { gitDir } = source.repo.git;
  const [listed, counted] = await Promise.all([
    runGit(gitDir, ["rev-list", `--max-count=${args.first}`, source.oid], { check: true }),
    runGit(gitDir, ["rev-list", "--count", source.oid], { check: true }),
  ]);
  const nodes: ObjectSource[] = [];
  for (const oid of listed.stdout.split("\n").filter(Boolean)) {
    const object = await source.repo.git.read(oid);
    if (object)
      nodes.push({
        __typename: "Commit",
        repo: source.repo,
        oid,
        content: object.content,
        path: "",
      });
  }
  return { nodes, totalCount: Number(counted.stdout.trim()) };
}
