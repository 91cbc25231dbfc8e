import {
  blobLookupKey,
  blobPath,
  type AuditHead,
  type BlobRef,
  type StagedBlob,
  type StreamHead,
  type WriteView,
} from "../store.js";
import type { S3PutOptions, S3StoreClient } from "./s3-store-types.js";

/**
 * A view of an S3 store for one snapshot. Blobs are put as they are staged:
 * nothing names them until the manifest is claimed, and a retry after a
 * conflict finds them stored.
 */
export class S3WriteView implements WriteView {
  private readonly staged = new Map<string, BlobRef>();

  constructor(
    private readonly client: S3StoreClient,
    private readonly prefix: string,
    readonly stream: string,
    readonly head: StreamHead | null,
    readonly auditHead: AuditHead | null,
    /** Stored blobs by blobLookupKey, from one listing of blobs/. */
    private readonly blobs: Map<string, BlobRef>,
    /** Object Lock fields (retention, legal hold) for each put. */
    private readonly lock: () => S3PutOptions,
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
    const { ciphertext, ...ref } = blob;
    await this.client.put(`${this.prefix}${blobPath(ref)}`, ciphertext, this.lock());
    this.staged.set(blobLookupKey(ref.id, ref.recipientSet), ref);
  }
}
