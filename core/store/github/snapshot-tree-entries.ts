import {
  catalogPath,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  type SnapshotCommit,
} from "../store.js";
import { appendLines } from "./append-lines.js";
import { auditTreeEntries } from "./audit-tree-entries.js";
import { blobTreeEntries } from "./blob-tree-entries.js";
import type { GitHubCommitter } from "./github-committer.js";
import type { GitHubReader } from "./github-reader.js";
import type { TreeEntry } from "./github-store-types.js";
import type { GitHubWriteView } from "./github-write-view.js";
import { monthFileText } from "./month-file-text.js";
import { nodeIdsOf } from "./node-ids-of.js";

/**
 * The tree entries of one commit for consecutive snapshots of a view's stream:
 * new blobs, the nodes the branch lacks, the roots, the head pointer, the
 * catalog month with their lines appended, and the audit lines.
 */
export async function snapshotTreeEntries(
  reader: GitHubReader,
  committer: GitHubCommitter,
  commits: readonly SnapshotCommit[],
): Promise<TreeEntry[]> {
  const commit = commits.at(-1);
  if (!commit) return [];
  const view = commit.view as GitHubWriteView;
  const { state } = view;
  // The last snapshot's month: a batch's catalog lines and audit lines go where it is.
  const catalogFile = catalogPath(view.stream, commit.time);
  const catalogText = await monthFileText(reader, state, "catalog", catalogFile);
  const entries = await blobTreeEntries(committer, [...view.staged.values()]);
  // Nodes the branch lacks go into the same commit; the others are reused by id. A prune
  // that deleted one since this view moved the branch, so the update fails and is retried.
  // Plain JSON, not gzip'd as on the other stores (ADR 1106): see nodeIdsOf.
  const knownNodes = nodeIdsOf(state.nodes);
  for (const node of commits.flatMap((each) => each.nodes ?? [])) {
    if (!knownNodes.has(node.id)) {
      knownNodes.add(node.id);
      entries.push({
        path: nodePath(node.id),
        mode: "100644",
        type: "blob",
        content: Buffer.from(node.bytes).toString("utf8"),
      });
    }
  }
  for (const each of commits)
    entries.push({
      path: manifestPath(view.stream, each.seq),
      mode: "100644",
      type: "blob",
      content: Buffer.from(each.manifest).toString("utf8"),
    });
  entries.push(
    {
      path: headPath(view.stream),
      mode: "100644",
      type: "blob",
      content: headPointerText(commit),
    },
    {
      path: catalogFile,
      mode: "100644",
      type: "blob",
      content: appendLines(
        catalogText,
        commits.map((each) => JSON.stringify(each.catalogEntry)),
      ),
    },
    ...(await auditTreeEntries(
      reader,
      state,
      commits.flatMap((each) => each.auditLines),
      commit.time,
    )),
  );
  return entries;
}
