import type { FileNode, TreeObject } from "./github-store-types.js";

/** The seqs named by a folder of `<seq>.json` files (manifests, tombstones), ascending. */
export function manifestSeqsOf(tree: FileNode<TreeObject> | null | undefined): number[] {
  return (tree?.object?.entries ?? [])
    .map((entry) => /^(\d{10})\.json$/.exec(entry.name)?.[1])
    .filter((seq): seq is string => seq !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}
