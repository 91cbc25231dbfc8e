import type { GitRepository } from "./git-repository.js";
import { TREE_MODE } from "./tree-object.js";

export interface FoundEntry {
  /** As git stores it ("100644", "40000"...). */
  mode: string;
  type: "blob" | "tree" | "commit";
  oid: string;
}

function typeOfMode(mode: string): FoundEntry["type"] {
  if (mode === TREE_MODE) return "tree";
  if (mode === "160000") return "commit";
  return "blob";
}

/** The entry at `path` (slash-separated, "" for the root) under `tree`, or null. */
export async function findPath(
  repository: GitRepository,
  tree: string,
  path: string,
): Promise<FoundEntry | null> {
  let current: FoundEntry = { mode: TREE_MODE, type: "tree", oid: tree };
  for (const segment of path.split("/").filter(Boolean)) {
    if (current.type !== "tree") return null;
    const entries = await repository.readTree(current.oid);
    const entry = entries?.find((candidate) => candidate.name === segment);
    if (!entry) return null;
    current = { mode: entry.mode, type: typeOfMode(entry.mode), oid: entry.oid };
  }
  return current;
}
