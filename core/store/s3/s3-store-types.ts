/** Where an s3:// store is: a bucket and a key prefix ("" or ending in "/"). */
export interface S3StoreLocation {
  bucket: string;
  prefix: string;
}

/** Object Lock retention a put carries (ADR 1404): mode and retain-until. */
export interface S3Retention {
  mode: "GOVERNANCE" | "COMPLIANCE";
  until: Date;
}

export interface S3PutOptions {
  /** Send `If-None-Match: *`: the put fails with "exists" when the key is there. */
  ifNoneMatch?: boolean;
  retention?: S3Retention;
  /** Put with an S3 legal hold (a policy legal hold, ADR 1404). */
  legalHold?: boolean;
}

export interface S3ObjectVersion {
  versionId: string;
  /** The listing's position: RGW and AWS list a key's versions newest first. */
  isLatest: boolean;
}

export interface S3ObjectLockState {
  retainUntil?: Date;
  mode?: string;
  legalHold: boolean;
}

/**
 * The narrow client the S3 store speaks through: each call names the one S3
 * request it makes, so tests and reviewers see exactly what the store sends.
 * Keys are full object keys (the prefix already applied).
 */
export interface S3StoreClient {
  /** PutObject; "exists" when `ifNoneMatch` was refused (412). */
  put(
    key: string,
    body: Uint8Array,
    options?: S3PutOptions,
  ): Promise<{ versionId?: string } | "exists">;
  /** GetObject (of one version when given); null when absent. */
  get(key: string, versionId?: string): Promise<Uint8Array | null>;
  /** HeadObject's lock fields; null when absent. */
  lockState(key: string, versionId?: string): Promise<S3ObjectLockState | null>;
  /** ListObjectsV2 over a prefix, every page; only keys after `startAfter` when given. */
  list(
    prefix: string,
    startAfter?: string,
  ): Promise<Array<{ key: string; lastModified?: Date; size?: number }>>;
  /** ListObjectVersions of exactly `key`, in the server's order (newest first). */
  listVersions(key: string): Promise<S3ObjectVersion[]>;
  /** PutObjectLegalHold of one version: ON or OFF. */
  setLegalHold(key: string, versionId: string, on: boolean): Promise<void>;
  /** DeleteObject (one version when given). */
  delete(key: string, versionId?: string): Promise<void>;
  /** Whether the bucket has Object Lock enabled (GetObjectLockConfiguration). */
  objectLockEnabled(): Promise<boolean>;
}

/** What the S3 store needs besides the client. */
export interface S3StoreOptions {
  /** Retention for blobs, nodes, manifests and audit objects when the bucket has Object Lock. */
  lock?: { mode: "GOVERNANCE" | "COMPLIANCE"; days: number };
  /** Put the same objects with an S3 legal hold (the policy's tier has one). */
  legalHold?: boolean;
}
