import { blobPath, type StagedBlob } from "../store.js";
import type { GitHubCommitter } from "./github-committer.js";
import type { TreeEntry } from "./github-store-types.js";
import { fitsInline } from "./fits-inline.js";

/** Tree entries for blobs: inline text where it fits one tree request, else uploaded first. */
export async function blobTreeEntries(
  committer: GitHubCommitter,
  blobs: readonly StagedBlob[],
): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const large: StagedBlob[] = [];
  for (const blob of blobs) {
    if (!fitsInline(blob.ciphertext)) large.push(blob);
    else
      entries.push({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        content: Buffer.from(blob.ciphertext).toString("utf8"),
      });
  }
  for (const blob of large)
    entries.push({
      path: blobPath(blob),
      mode: "100644",
      type: "blob",
      sha: await committer.createGitBlob(blob.ciphertext),
    });
  return entries;
}
