import { nodePath, parseNodeFileName } from "../store.js";
import type { FileNode, TreeObject } from "./github-store-types.js";

/**
 * Node ids in a listing of nodes/ (two levels). This store keeps nodes as plain
 * JSON only (ADR 1106: git deflates them itself, and GraphQL's Blob.text, which
 * batches node reads, is null for a binary gzip file): a `.json.gz` is not its node.
 */
export function nodeIdsOf(tree: FileNode<TreeObject> | null | undefined): Set<string> {
  const ids = new Set<string>();
  for (const prefix of tree?.object?.entries ?? []) {
    for (const entry of prefix.object?.entries ?? []) {
      const id = parseNodeFileName(entry.name);
      if (id && `${prefix.name}/${entry.name}` === nodePath(id).slice("nodes/".length)) ids.add(id);
    }
  }
  return ids;
}
