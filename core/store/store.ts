import type { BlobEncoding, CatalogEntry } from "../types.js";

/**
 * The Store port. Two adapters implement it: a local directory (the embedded
 * default) and a GitHub backup repository. Both hold the same layout:
 *
 *   snapgate.json                          store format version
 *   blobs/<id[0:2]>/<id>-<sha256>[-<set>][.gz].age
 *                                          one file's content, age v1 (gzipped first: .gz),
 *                                          sealed to recipient set <set> (older blobs: unknown)
 *   manifests/<stream>/<seq>.json          one snapshot, signed, hash-chained (v2: a root naming nodes)
 *   nodes/<id[0:2]>/<id>.json.gz           a run of a v2 snapshot's file entries: gzip'd JSON whose
 *                                          sha256 is the id, shared by every snapshot that has it
 *                                          (local and S3; GitHub, and stores written before ADR 1106,
 *                                          keep the plain JSON at nodes/<id[0:2]>/<id>.json)
 *   heads/<stream>.json                    the stream's latest seq and id (a pointer)
 *   catalog/<stream>/<yyyy>-<mm>.jsonl     one line per snapshot, by month written
 *   audit/<yyyy>/<mm>.jsonl                hash-chained audit events
 *   audit/head.json                        the audit chain's last seq and hash (a pointer)
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
  /** The head manifest's bytes; read only when needed (--skip-unchanged). */
  loadManifest(): Promise<Uint8Array>;
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
  /**
   * For each of `ids` the store holds (or this view has staged) sealed to
   * exactly `recipientSet`, where its ciphertext is. A blob of another (or an
   * unknown) recipient set is not found: reusing it would leave a recipient
   * unable to restore.
   */
  findBlobs(ids: readonly string[], recipientSet: string): Promise<Map<string, BlobRef>>;
  /**
   * Hands a new blob to the store. The local store writes it at once (nothing
   * references it yet); the GitHub store keeps it for the snapshot's commit.
   */
  stageBlob(blob: StagedBlob): Promise<void>;
  /**
   * Stores that keep blobs as files may let the encrypting thread write each
   * blob's temp file itself: the directory to write it into...
   */
  blobStagingDirectory?(id: string): Promise<string>;
  /**
   * ...or, for a blob whose id the encrypting thread computes itself (a first
   * snapshot's, ADR 1112), the blobs directory: it writes the temp file into
   * the id's folder (blobDirectoryOf) under it, making the folder if need be.
   */
  blobStagingRoot?(): Promise<string>;
  /** ...and taking that temp file over, as stageBlob would the bytes. */
  adoptStagedBlob?(ref: BlobRef, tempPath: string): Promise<void>;
  /** Drops what this view staged and did not commit (a failed snapshot), now and from then on. */
  discard?(): Promise<void>;
}

/** Names one stored blob: the keyed plaintext id, the ciphertext hash and how it was encoded. */
export interface BlobRef {
  id: string;
  sha256: string;
  encoding: BlobEncoding;
  /** The recipient set it is sealed to (recipientSetId); absent for blobs written before names carried it. */
  recipientSet?: string;
}

export interface StoredBlob extends BlobRef {
  modifiedAt?: Date;
}

export interface StreamIndex {
  /** Catalog lines, ordered by seq (unrepaired: a line a crash left out is missing). */
  catalog: CatalogEntry[];
  /** Seqs of the manifests present. */
  manifestSeqs: number[];
  /** Seqs with a tombstone (forgotten). */
  tombstoneSeqs: number[];
  /** Paths of the environment's verification records (their names say what they found). */
  verifications: string[];
  /** Every blob of the store, from the listing. */
  blobs: BlobRef[];
  /** Paths of the environment's lock revisions (locks/<env>/NNNN.json): the gate reads the newest. */
  locks: string[];
  /**
   * Paths of the environment's drill records and their sign-offs
   * (drills/<env>/*.json, drills/<env>/signoffs/*.json), from the same
   * listing; absent from a store that does not list them (read them then).
   */
  drills?: string[];
  /**
   * The node ids the head pointer says the head root names (v2), where the
   * store read the pointer anyway: the gate reads them with the root, in one
   * query. A hint only: each node is checked against the signed root.
   */
  headNodes?: { seq: number; nodes: string[] };
}

/** Temp files a sweep found stale (and deleted, unless a dry run). */
export interface TempFileSweep {
  files: number;
  bytes: number;
  /** Files under blobs/ that are not blobs (a README, a copy): never deleted, only named. */
  strays: string[];
}

export interface StagedBlob extends BlobRef {
  ciphertext: Uint8Array;
}

/** A manifest node: its id is the sha256 of `bytes`, its JSON (a store may keep it gzip'd, ADR 1106). */
export interface NodeFile {
  id: string;
  bytes: Uint8Array;
}

export interface StoredNode {
  id: string;
  modifiedAt?: Date;
  /** What the node takes in the store (gzip'd or not), where the listing tells. */
  storedBytes?: number;
}

export interface SnapshotCommit {
  view: WriteView;
  seq: number;
  manifest: Uint8Array;
  /** Every blob the manifest references: the store checks they still exist (prune may have run). */
  blobs: readonly BlobRef[];
  /**
   * Every node a v2 root names: the store writes those it lacks and, like
   * blobs, checks the others still exist. Absent for a v1 manifest.
   */
  nodes?: readonly NodeFile[];
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
  /**
   * Whether blobs are stored ASCII-armored (age -a). The GitHub store needs
   * text to send content inline in one tree request; `age -d` reads both.
   */
  readonly armorBlobs: boolean;
  /** Writes snapgate.json if the store is new; refuses a non-empty foreign directory or repository. */
  initialize(): Promise<void>;
  /** Throws STORE_MISSING with the fix when there is no Snapgate store here. */
  assertExists(): Promise<void>;

  /**
   * Takes a consistent view for writing one snapshot. After a conflict, pass
   * the previous view: blobs it staged carry over unless the store now has them.
   */
  beginWrite(stream: string, previous?: WriteView): Promise<WriteView>;
  /** Commits, by compare-and-swap on the view's heads: the manifest, catalog line, audit lines and staged blobs. */
  commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome>;
  /**
   * Consecutive snapshots of one stream, all on the first's view, committed
   * together where the store has commits (`snapgate replicate` on GitHub: one
   * commit, not one per snapshot). Stores without it take them one by one.
   */
  commitSnapshotBatch?(commits: readonly SnapshotCommit[]): Promise<CommitOutcome>;

  listStreams(): Promise<string[]>;
  /** Catalog entries of a stream, ordered by seq. */
  readCatalog(stream: string): Promise<CatalogEntry[]>;
  /** The seqs of the manifests present, ascending. */
  listManifestSeqs(stream: string): Promise<number[]>;
  readManifest(stream: string, seq: number): Promise<Uint8Array | null>;
  readBlob(blob: BlobRef): Promise<Uint8Array | null>;
  /**
   * Stores on a local file system: the file that holds a blob, so that a
   * restore's crypto workers read it themselves (one synchronous read each)
   * instead of this thread reading it and posting the bytes. Whoever reads it
   * checks the bytes exactly as readBlob's (the manifest's ciphertext sha256).
   */
  blobFilePath?(blob: BlobRef): string;
  /**
   * Writes one blob outside a snapshot commit (durable, atomic, never over an
   * existing file): `snapgate rekey`'s re-wrapped blobs. Stores without it
   * cannot be re-keyed yet.
   */
  putBlob?(blob: StagedBlob): Promise<void>;
  /**
   * Stores with commits: writes blobs and the records that name them as one
   * commit (`snapgate rekey` on GitHub: one commit per batch, whatever its
   * size). Refuses, writing nothing, when one of the records exists already.
   */
  putBlobsWithRecords?(
    blobs: readonly StagedBlob[],
    records: readonly StoreRecord[],
  ): Promise<void>;
  /**
   * Writes blobs outside a snapshot commit, in one commit where the store has
   * commits, skipping those already stored (`snapgate replicate`: blobs land
   * before anything names them). Never overwrites: a blob's name carries its hash.
   */
  putBlobs?(blobs: readonly StagedBlob[]): Promise<void>;
  /**
   * A manifest node's JSON, the bytes its id hashes, decompressed if the store
   * keeps it gzip'd (null when absent); reads issued together are batched where the store can.
   */
  readNode(id: string): Promise<Uint8Array | null>;
  /** Every node file in the store; `modifiedAt` where the store knows when it was written. */
  listNodes(): Promise<StoredNode[]>;
  /**
   * Stores with WORM locks (S3 Object Lock): the store paths deleteBlobs and
   * deleteNodes left in place because a lock holds them, and until when.
   */
  readonly keptLocked?: ReadonlyArray<{ path: string; until?: Date; legalHold: boolean }>;
  /**
   * Stores with WORM locks (S3 Object Lock): the lock on the newest version of
   * `path`, or null when nothing holds it (forget reports when a forgotten
   * snapshot's objects become deletable).
   */
  lockOf?(path: string): Promise<{ until?: Date; legalHold: boolean } | null>;
  /** Removes nodes (prune), with deleteBlobs' lock, marks and recheck (ADR 0008, ADR 1101). */
  deleteNodes(
    ids: readonly string[],
    recheck?: (ids: readonly string[]) => Promise<readonly string[]>,
  ): Promise<void>;
  /**
   * Every blob file in the store; `modifiedAt` where the store knows when it was
   * written. `{ modifiedAt: false }`: the caller needs only the names (a
   * restore's presence check), so a local store reads its directories and
   * stats no file.
   */
  listBlobs(options?: { modifiedAt?: boolean }): Promise<StoredBlob[]>;
  /**
   * Stores that write temp files: deletes those older than `before`, which
   * writers killed mid-write (or on a full disk) left behind (prune).
   */
  clearStaleTempFiles?(before: Date, options?: { dryRun?: boolean }): Promise<TempFileSweep>;
  /**
   * Removes blobs (prune). Idempotent: a blob already gone is not an error.
   * `recheck` runs once no snapshot can commit before the deletion does (local:
   * under the commit lock; GitHub: against the commit the deletion is based on)
   * and returns the blobs still safe to delete: prune re-reads there the
   * manifests committed since its scan (docs/adr/0008-prune-and-snapshot-exclusion.md).
   * It is offered all of `blobs`, or fewer: an S3 store withholds those a
   * snapshot commit in flight names (ADR 1408); prune counts those as spared.
   */
  deleteBlobs(
    blobs: readonly BlobRef[],
    recheck?: (blobs: readonly BlobRef[]) => Promise<readonly BlobRef[]>,
  ): Promise<void>;

  /**
   * One environment's index in as few requests as the store can (one on
   * GitHub): what the release gate and `list` need without opening manifests.
   */
  readStreamIndex(stream: string): Promise<StreamIndex>;

  /** Reads the audit log, oldest first, as raw lines. */
  readAuditLines(): Promise<string[]>;
  /** Appends audit lines chained on the current head; retried by the caller on conflict. */
  appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    time: Date,
  ): Promise<CommitOutcome>;
  currentAuditHead(): Promise<AuditHead | null>;
  /**
   * The head audit/head.json records (null when there is none or it is not
   * JSON): `audit verify` compares it with the log's last event, which finds
   * a truncated tail or a removed last month file.
   */
  recordedAuditHead(): Promise<AuditHead | null>;

  /** Creates records, in one commit where the store has commits; refuses to overwrite any. */
  writeRecords(records: readonly StoreRecord[]): Promise<void>;
  readRecord(path: string): Promise<Uint8Array | null>;
  listRecords(prefix: string): Promise<string[]>;
}

/** The folder under blobs/ that holds a blob of this id: its first two hex digits. */
export function blobDirectoryOf(id: string): string {
  return id.slice(0, 2);
}

/** Every folder blobDirectoryOf names: 00 to ff. */
export const BLOB_DIRECTORIES: readonly string[] = Array.from({ length: 256 }, (_, index) =>
  index.toString(16).padStart(2, "0"),
);

export function blobPath(blob: BlobRef): string {
  const set = blob.recipientSet ? `-${blob.recipientSet}` : "";
  return `blobs/${blobDirectoryOf(blob.id)}/${blob.id}-${blob.sha256}${set}${blob.encoding === "gzip" ? ".gz" : ""}.age`;
}

const BLOB_FILE_NAME = /^([0-9a-f]{64})-([0-9a-f]{64})(?:-([0-9a-f]{32}))?(\.gz)?\.age$/;

/** Reads a blob file name back into its reference; undefined for anything else. */
export function parseBlobFileName(name: string): BlobRef | undefined {
  const match = BLOB_FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return {
    id: match[1],
    sha256: match[2],
    encoding: match[4] ? "gzip" : "none",
    ...(match[3] ? { recipientSet: match[3] } : {}),
  };
}

/** How a write view looks a blob up: its content id and the recipient set it is sealed to. */
export function blobLookupKey(id: string, recipientSet: string | undefined): string {
  return `${id}/${recipientSet ?? ""}`;
}

/** A node as plain JSON: how the GitHub store keeps nodes, and every store did before ADR 1106. */
export function nodePath(id: string): string {
  return `nodes/${id.slice(0, 2)}/${id}.json`;
}

/** A node as local and S3 stores write it since ADR 1106: the gzip of the JSON whose sha256 is the id. */
export function gzipNodePath(id: string): string {
  return `${nodePath(id)}.gz`;
}

const NODE_FILE_NAME = /^([0-9a-f]{64})\.json(?:\.gz)?$/;

/** A node file name (plain or gzip'd) back to its id; undefined for anything else (temp files, strays). */
export function parseNodeFileName(name: string): string | undefined {
  return NODE_FILE_NAME.exec(name)?.[1];
}

export function manifestPath(stream: string, seq: number): string {
  return `manifests/${stream}/${String(seq).padStart(10, "0")}.json`;
}

/** Catalog lines are sharded by the month they were written, so appending never rewrites years of history. */
export function catalogPath(stream: string, written: Date): string {
  const month = String(written.getUTCMonth() + 1).padStart(2, "0");
  return `catalog/${stream}/${written.getUTCFullYear()}-${month}.jsonl`;
}

export function headPath(stream: string): string {
  return `heads/${stream}.json`;
}

/** heads/<stream>.json as a commit writes it: the seq and id, and a v2 root's node ids (StreamIndex.headNodes). */
export function headPointerText(commit: SnapshotCommit): string {
  const nodes = commit.nodes?.map((node) => node.id);
  return (
    JSON.stringify({ seq: commit.seq, id: commit.catalogEntry.id, ...(nodes ? { nodes } : {}) }) +
    "\n"
  );
}

/** The node ids a head pointer's text carries, when it is well-formed; undefined otherwise. */
export function headNodesOf(text: string | null): { seq: number; nodes: string[] } | undefined {
  try {
    const head = JSON.parse(text ?? "") as { seq?: unknown; nodes?: unknown };
    const nodes = head.nodes;
    if (
      typeof head.seq === "number" &&
      Array.isArray(nodes) &&
      nodes.every((id) => typeof id === "string" && /^[0-9a-f]{64}$/.test(id))
    )
      return { seq: head.seq, nodes: nodes as string[] };
  } catch {
    // No hint: the gate reads the root, then its nodes.
  }
  return undefined;
}

export const AUDIT_HEAD_PATH = "audit/head.json";

export function auditPath(time: Date): string {
  const month = String(time.getUTCMonth() + 1).padStart(2, "0");
  return `audit/${time.getUTCFullYear()}/${month}.jsonl`;
}

export const STORE_FORMAT = "snapgate.store/v1";

/**
 * S3 has no append: the S3 store keeps one catalog object per snapshot, under
 * the month it was written (ADR 1404). Read back in key order, it is the same catalog.
 */
export function s3CatalogEntryPath(stream: string, seq: number, written: Date): string {
  return `${catalogPath(stream, written).replace(/\.jsonl$/, "")}/${String(seq).padStart(10, "0")}.jsonl`;
}

/**
 * The S3 store's audit log: one object per append, named by its first event's
 * seq, which is also the key appenders race for (ADR 1404).
 */
export function s3AuditBatchPath(firstSeq: number): string {
  return `audit/log/${String(firstSeq).padStart(10, "0")}.jsonl`;
}

/** The GOVERNANCE-locked object `doctor` tries to delete with a bypass (ADR 1405). */
export function s3DoctorProbePath(nonce: string): string {
  return `locks/doctor-probe/${nonce}`;
}

/** Sortable UTC time for key names: 20260307T123456.789Z. */
function keyTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

/**
 * An S3 snapshot commit's intent: the blobs and nodes its manifest names, put before the
 * manifest is claimed so that a concurrent prune spares them (ADR 1408). `_` keeps it apart from
 * every environment's `locks/<env>/`, and no `.json`: replicate copies only records.
 */
export function s3CommitIntentPath(time: Date, nonce: string): string {
  return `locks/_commit/${keyTime(time)}-${nonce}`;
}

/** An S3 prune's mark: what it is about to delete; `done` once it has (ADR 1408). */
export function s3PruneMarkPath(time: Date, nonce: string, done = false): string {
  return `locks/_prune/${keyTime(time)}-${nonce}${done ? "-done" : ""}`;
}

/** The key an S3 store puts twice to learn whether the bucket honours `If-None-Match: *` (ADR 1404). */
export function s3ClaimProbePath(nonce: string): string {
  return `locks/cas-probe/${nonce}`;
}
