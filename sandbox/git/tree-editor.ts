import { apiError } from "../http/api-error.js";
import type { GitRepository } from "./git-repository.js";
import type { ObjectBatch } from "./object-batch.js";
import { encodeTree, TREE_MODE, type TreeObjectEntry } from "./tree-object.js";

/** One entry of a create-tree request after inline `content` became a blob id. */
export interface TreeChange {
  path: string;
  /** API form: "100644", "100755", "120000", "160000" or "040000". */
  mode: string;
  type: "blob" | "tree" | "commit";
  /** null deletes the path. */
  sha: string | null;
  /** The sandbox wrote this blob itself (inline content): no need to look it up. */
  written?: boolean;
}

interface Leaf {
  mode: string;
  oid: string;
}

interface Directory {
  entries: Map<string, Leaf | Directory>;
}

const TYPE_OF_MODE: Record<string, TreeChange["type"]> = {
  "100644": "blob",
  "100755": "blob",
  "120000": "blob",
  "160000": "commit",
  "040000": "tree",
};

function isDirectory(node: Leaf | Directory): node is Directory {
  return "entries" in node;
}

function invalid(message: string) {
  return apiError(422, message, {
    documentationUrl: "https://docs.github.com/rest/git/trees#create-a-tree",
  });
}

function segmentsOf(path: string): string[] {
  const segments = path.split("/");
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === ".." || segment.includes("\0")) {
      throw invalid(`tree.path contains a malformed path component: ${JSON.stringify(path)}`);
    }
    if (segment.toLowerCase() === ".git") {
      throw invalid(`tree.path contains a disallowed path component: ${JSON.stringify(path)}`);
    }
  }
  return segments;
}

/**
 * Builds a tree from `base` (or nothing) plus `changes`, as the create-tree
 * endpoint does: nested paths create or edit subtrees, `sha: null` deletes,
 * and every changed subtree goes into `batch`; untouched subtrees are
 * reused. Returns the root tree id; the caller flushes the batch.
 */
export async function applyTreeChanges(
  repository: GitRepository,
  base: string | null,
  changes: readonly TreeChange[],
  batch: ObjectBatch,
): Promise<string> {
  const root = await load(repository, base);
  await checkObjects(repository, changes);
  for (const change of changes) {
    const expectedType = TYPE_OF_MODE[change.mode];
    if (expectedType !== change.type) {
      throw invalid(`tree.type "${change.type}" does not match tree.mode "${change.mode}"`);
    }
    const segments = segmentsOf(change.path);
    const name = segments.pop()!;
    if (change.sha === null) {
      const parent = await walk(repository, root, segments, false);
      if (!parent || !parent.entries.delete(name)) {
        throw invalid(
          `tree.path ${JSON.stringify(change.path)} cannot be deleted: it does not exist`,
        );
      }
      continue;
    }
    const parent = await walk(repository, root, segments, true);
    parent!.entries.set(name, {
      mode: change.mode === "040000" ? TREE_MODE : change.mode,
      oid: change.sha,
    });
  }
  return write(batch, root) ?? batch.add("tree", Buffer.alloc(0));
}

/** Every referenced blob or tree must exist with that type; looked up together, so git answers in one stream. */
async function checkObjects(
  repository: GitRepository,
  changes: readonly TreeChange[],
): Promise<void> {
  const toCheck = changes.filter(
    (change) => change.sha !== null && !change.written && change.type !== "commit",
  );
  const types = await Promise.all(toCheck.map((change) => repository.objectType(change.sha!)));
  toCheck.forEach((change, index) => {
    if (types[index] !== change.type) {
      throw invalid(`tree.sha ${change.sha} is not a valid ${change.type}`);
    }
  });
}

async function load(repository: GitRepository, oid: string | null): Promise<Directory> {
  const directory: Directory = { entries: new Map() };
  if (oid === null) return directory;
  const entries = await repository.readTree(oid);
  if (!entries) throw invalid(`base_tree ${oid} is not a valid tree`);
  for (const entry of entries)
    directory.entries.set(entry.name, { mode: entry.mode, oid: entry.oid });
  return directory;
}

/** The directory at `segments`, loading subtrees on the way; created when `create` is set. */
async function walk(
  repository: GitRepository,
  root: Directory,
  segments: readonly string[],
  create: boolean,
): Promise<Directory | null> {
  let current = root;
  for (const segment of segments) {
    const node = current.entries.get(segment);
    if (node === undefined) {
      if (!create) return null;
      const fresh: Directory = { entries: new Map() };
      current.entries.set(segment, fresh);
      current = fresh;
    } else if (isDirectory(node)) {
      current = node;
    } else if (node.mode === TREE_MODE) {
      const loaded = await load(repository, node.oid);
      current.entries.set(segment, loaded);
      current = loaded;
    } else {
      if (!create) return null;
      throw invalid(`tree.path ${segment} is a file, not a directory`);
    }
  }
  return current;
}

/** Adds a directory and its edited subdirectories to the batch; an empty directory yields null (git keeps none). */
function write(batch: ObjectBatch, directory: Directory): string | null {
  const entries: TreeObjectEntry[] = [];
  for (const [name, node] of directory.entries) {
    if (!isDirectory(node)) {
      entries.push({ mode: node.mode, name, oid: node.oid });
      continue;
    }
    const oid = write(batch, node);
    if (oid !== null) entries.push({ mode: TREE_MODE, name, oid });
  }
  if (entries.length === 0) return null;
  return batch.add("tree", encodeTree(entries));
}
