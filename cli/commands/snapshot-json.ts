import type { SnapshotResult } from "../../core/snapshot/create-snapshot.js";
import type { PolicySnapshotResult } from "../../core/snapshot/snapshot-under-policy.js";

/** A snapshot taken under a policy, and the file it was read from. */
export interface SnapshotPolicyView {
  file: string;
  result: PolicySnapshotResult;
}

/** The --json shape of `snapgate snapshot` (documented in docs/cli.md; scripts rely on it). */
export function snapshotJson(
  result: SnapshotResult,
  policy: SnapshotPolicyView | null = null,
): Record<string, unknown> {
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
    cachedFiles: result.cachedFiles,
    attempts: result.attempts,
    policy: policy
      ? {
          file: policy.file,
          digest: result.manifest?.policyDigest ?? null,
          tier: policy.result.tier,
          recipients: policy.result.recipients,
          changeId: policy.result.changeTicket.changeId,
          consistency: policy.result.consistency,
          coverage: policy.result.coverage,
        }
      : null,
  };
}
