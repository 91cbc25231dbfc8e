import {
  blobLookupKey,
  type AuditHead,
  type BlobRef,
  type StagedBlob,
  type StreamHead,
  type WriteView,
} from "../store.js";

/**
 * A view of an S3 store for one snapshot. Blobs are put as they are staged:
 * nothing names them until the manifest is claimed, and a retry after a
 * conflict finds them stored.
 */
export class S3WriteView implements WriteView {
  private readonly staged = new Map<string, BlobRef>();

  constructor(
    /** Puts a blob with the store's Object Lock fields (and reads the first one back). */
    private readonly putBlob: (blob: StagedBlob) => Promise<void>,
    readonly stream: string,
    readonly head: StreamHead | null,
    readonly auditHead: AuditHead | null,
    /** Stored blobs by blobLookupKey, from one listing of blobs/. */
    private readonly blobs: Map<string, BlobRef>,
  ) {}

  async findBlobs(ids: readonly string[], recipientSet: string): Promise<Map<string, BlobRef>> {
    const found = new Map<string, BlobRef>();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref) found.set(id, ref);
    }
    return found;
  }

  async stageBlob(blob: StagedBlob): Promise<void> {
    const { ciphertext: _ciphertext, ...ref } = blob;
    await this.putBlob(blob);
    this.staged.set(blobLookupKey(ref.id, ref.recipientSet), ref);
  }
}
