import type { SnapshotResult } from "../../core/snapshot/create-snapshot.js";

/** The --json shape of `snapgate snapshot` (documented in the README; scripts rely on it). */
export function snapshotJson(result: SnapshotResult): Record<string, unknown> {
  return {
    skipped: result.skipped,
    id: result.id,
    environment: result.stream,
    seq: result.seq,
    previousId: result.previousId,
    files: result.files,
    bytes: result.bytes,
    newBlobs: result.newBlobs,
    reusedBlobs: result.reusedBlobs,
    bytesAdded: result.bytesAdded,
    excluded: result.excluded,
    skippedFiles: result.skippedFiles,
    attempts: result.attempts,
  };
}
