import { SnapgateError } from "../../errors.js";
import {
  blobLookupKey,
  type AuditHead,
  type BlobRef,
  type StagedBlob,
  type StreamHead,
  type WriteView,
} from "../store.js";
import type { WriteState } from "./github-store-types.js";

/** GitHub refuses files over 100 MB. */
export const GITHUB_MAX_BLOB_BYTES = 100 * 1024 * 1024;

/** A view of the branch for one snapshot: blobs staged here go into the snapshot's commit. */
export class GitHubWriteView implements WriteView {
  readonly staged = new Map<string, StagedBlob>();

  constructor(
    readonly stream: string,
    readonly state: WriteState,
    readonly head: StreamHead | null,
    readonly auditHead: AuditHead | null,
    /** Stored blobs by blobLookupKey (content id and recipient set). */
    private readonly blobs: Map<string, BlobRef>,
  ) {}

  async findBlobs(ids: readonly string[], recipientSet: string): Promise<Map<string, BlobRef>> {
    const found = new Map<string, BlobRef>();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref)
        found.set(id, {
          id: ref.id,
          sha256: ref.sha256,
          encoding: ref.encoding,
          ...(ref.recipientSet ? { recipientSet: ref.recipientSet } : {}),
        });
    }
    return found;
  }

  async stageBlob(blob: StagedBlob): Promise<void> {
    if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES) {
      throw new SnapgateError(
        "TOO_LARGE",
        `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
        {
          fix: "Exclude the file from the snapshot: large artefacts are not configuration.",
        },
      );
    }
    this.staged.set(blobLookupKey(blob.id, blob.recipientSet), blob);
  }

  /** Staged blobs the repository still lacks (after a conflict, another writer may have added some). */
  carryOver(into: GitHubWriteView): void {
    for (const [key, blob] of this.staged) {
      if (!into.blobs.has(key)) into.staged.set(key, blob);
    }
  }
}
