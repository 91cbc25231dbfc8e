import type { CatalogEntry } from "../types.js";

/**
 * The Store port. Two adapters implement it: a local directory (the embedded
 * default) and a GitHub backup repository. Both hold the same layout:
 *
 *   snapgate.json                          store format version
 *   blobs/<id[0:2]>/<id>-<sha256>.age      one file's content, age v1
 *   manifests/<stream>/<seq>.json          one snapshot, signed, hash-chained
 *   catalog/<stream>.jsonl                 one line per snapshot
 *   audit/<yyyy>/<mm>.jsonl                hash-chained audit events
 *   records/...                            verifications, tombstones, requests
 *
 * A snapshot becomes visible atomically: blobs may land first, but nothing
 * references them until the manifest, catalog line and audit lines are
 * committed together by compare-and-swap on the stream head.
 */

export interface StreamHead {
  seq: number;
  /** sha256 of the manifest file bytes: the snapshot id and the next `prev`. */
  sha256: string;
  manifest: Uint8Array;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** A consistent view of the store taken before writing a snapshot. */
export interface WriteView {
  readonly stream: string;
  readonly head: StreamHead | null;
  readonly auditHead: AuditHead | null;
  /** For each of `ids` the store holds, the sha256 of the stored ciphertext. */
  findBlobs(ids: readonly string[]): Promise<Map<string, string>>;
}

export interface StagedBlob {
  id: string;
  sha256: string;
  ciphertext: Uint8Array;
}

export interface SnapshotCommit {
  view: WriteView;
  seq: number;
  /** Blobs the view did not hold. */
  blobs: readonly StagedBlob[];
  manifest: Uint8Array;
  catalogEntry: CatalogEntry;
  /** Complete audit lines, chained on view.auditHead. */
  auditLines: readonly string[];
  /** Event time, which picks the audit month file. */
  time: Date;
}

export type CommitOutcome = "committed" | "conflict";

/** A small JSON record outside the snapshot chain (verification, tombstone, request). */
export interface StoreRecord {
  path: string;
  bytes: Uint8Array;
}

export interface Store {
  /** Where the store is, for messages (a path or github://owner/repo@branch). */
  readonly location: string;
  /** Writes snapgate.json if the store is new; refuses a non-empty foreign directory or repository. */
  initialize(): Promise<void>;
  /** Throws STORE_MISSING with the fix when there is no Snapgate store here. */
  assertExists(): Promise<void>;

  beginWrite(stream: string): Promise<WriteView>;
  /** Writes the blobs; under the compare-and-swap, the manifest, catalog line and audit lines. */
  commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome>;

  listStreams(): Promise<string[]>;
  /** Catalog entries of a stream, ordered by seq. */
  readCatalog(stream: string): Promise<CatalogEntry[]>;
  /** The seqs of the manifests present, ascending. */
  listManifestSeqs(stream: string): Promise<number[]>;
  readManifest(stream: string, seq: number): Promise<Uint8Array | null>;
  readBlob(id: string, sha256: string): Promise<Uint8Array | null>;
  /** Every blob file: id -> sha256s stored for it. */
  listBlobs(): Promise<Map<string, string[]>>;

  /** Reads the audit log, oldest first, as raw lines. */
  readAuditLines(): Promise<string[]>;
  /** Appends audit lines chained on the current head; retried by the caller on conflict. */
  appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    time: Date,
  ): Promise<CommitOutcome>;
  currentAuditHead(): Promise<AuditHead | null>;

  /** Creates a record; refuses to overwrite one. */
  writeRecord(record: StoreRecord): Promise<void>;
  readRecord(path: string): Promise<Uint8Array | null>;
  listRecords(prefix: string): Promise<string[]>;
}

export function blobPath(id: string, sha256: string): string {
  return `blobs/${id.slice(0, 2)}/${id}-${sha256}.age`;
}

export function manifestPath(stream: string, seq: number): string {
  return `manifests/${stream}/${String(seq).padStart(10, "0")}.json`;
}

export function catalogPath(stream: string): string {
  return `catalog/${stream}.jsonl`;
}

export function auditPath(time: Date): string {
  const month = String(time.getUTCMonth() + 1).padStart(2, "0");
  return `audit/${time.getUTCFullYear()}/${month}.jsonl`;
}

export const STORE_FORMAT = "snapgate.store/v1";
