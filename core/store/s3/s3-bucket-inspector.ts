/** A bucket's public access block flags (GetPublicAccessBlock). */
export interface S3PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** A bucket's Object Lock configuration; the default retention in days (years are 365 days). */
export interface S3ObjectLockConfiguration {
  enabled: boolean;
  defaultRetention: { mode: string; days: number } | null;
}

/**
 * The narrow client `doctor` inspects an s3:// store's bucket through: each
 * call is one S3 request, so the checks over it stay a pure function.
 */
export interface S3BucketInspector {
  /** HeadBucket: whether these credentials reach the bucket. */
  reach(): Promise<"ok" | "missing" | "denied">;
  /** GetBucketVersioning's status ("Enabled", "Suspended"), null when never set. */
  versioning(): Promise<string | null>;
  /** GetObjectLockConfiguration; null when the bucket has none. */
  objectLock(): Promise<S3ObjectLockConfiguration | null>;
  /** GetPublicAccessBlock; "none" when unset, "unsupported" when the server does not implement it. */
  publicAccessBlock(): Promise<S3PublicAccessBlock | "none" | "unsupported">;
  /** PutObject under an explicit GOVERNANCE retain-until: the new version's id; "denied" on 403. */
  putGovernanceProbe(key: string, retainUntil: Date): Promise<{ versionId?: string } | "denied">;
  /** DeleteObject of one version, with `x-amz-bypass-governance-retention` when `bypass`. */
  deleteVersion(key: string, versionId: string, bypass: boolean): Promise<"deleted" | "refused">;
  /** ListObjectVersions under a prefix (one page is plenty for probes). */
  listVersions(prefix: string): Promise<Array<{ key: string; versionId: string }>>;
  /** GetObjectRetention of one version (HeadObject omits the fields in RGW quirks, ADR 1405). */
  lockOf(key: string, versionId: string): Promise<{ mode?: string; retainUntil?: Date }>;
}
