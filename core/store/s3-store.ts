import { randomBytes } from "node:crypto";
import { SnapgateError } from "../errors.js";
import { compressNode } from "./compress-node.js";
import { decompressNode } from "./decompress-node.js";
import type { CatalogEntry } from "../types.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import {
  auditHeadOfLine,
  chainAuditEvents,
  parseAuditHeadPointer,
  type AuditEvent,
  type AuditEventInput,
} from "../audit/audit-event.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { assertRecordPath } from "./record-path.js";
import { checkHeadManifest } from "./check-head-manifest.js";
import { checkHeadPointer } from "./check-head-pointer.js";
import { parseCatalogLines } from "./parse-catalog-lines.js";
import {
  AUDIT_HEAD_PATH,
  blobLookupKey,
  blobPath,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  gzipNodePath,
  parseBlobFileName,
  parseNodeFileName,
  s3AuditBatchPath,
  s3CatalogEntryPath,
  s3ClaimProbePath,
  s3CommitIntentPath,
  s3PruneMarkPath,
  STORE_FORMAT,
  type AuditHead,
  type BlobRef,
  type CommitOutcome,
  type SnapshotCommit,
  type StagedBlob,
  type Store,
  type StoreRecord,
  type StoredBlob,
  type StoredNode,
  type StreamHead,
  type StreamIndex,
} from "./store.js";
import { checkAppliedLock } from "./s3/check-applied-lock.js";
import { claimS3Key } from "./s3/claim-s3-key.js";
import { detectS3ClaimMode } from "./s3/detect-s3-claim-mode.js";
import { readS3Claimed } from "./s3/read-s3-claimed.js";
import type { S3ClaimMode } from "./s3/s3-claim-mode.js";
import { s3Error } from "./s3/s3-error.js";
import type {
  S3PutOptions,
  S3StoreClient,
  S3StoreLocation,
  S3StoreOptions,
} from "./s3/s3-store-types.js";
import { S3WriteView } from "./s3/s3-write-view.js";

export type { S3StoreLocation, S3StoreOptions } from "./s3/s3-store-types.js";

const MANIFEST_NAME = /\/(\d{10})\.json$/;
const AUDIT_ATTEMPTS = 25;
const DAY_MS = 86_400_000;
/**
 * How long a commit intent or an unfinished prune mark counts (ADR 1408): older ones are from
 * writers that died. A prune marks at most PRUNE_BATCH paths at a time, far less than this.
 */
const FENCE_WINDOW_MS = 3_600_000;
/** A commit whose intent is older than this when it would claim writes a new one (retries). */
const INTENT_MAX_AGE_MS = 1_800_000;
const PRUNE_BATCH = 500;

function sameAuditHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);
}

/** Audit lines chained again on `head` (another writer appended first): same events, new seqs and hashes. */
function rechain(lines: readonly string[], head: AuditHead | null): string[] {
  const inputs = lines.map((line): AuditEventInput => {
    const event = JSON.parse(line) as AuditEvent;
    return {
      type: event.type,
      time: new Date(event.time),
      actor: event.actor,
      subject: event.subject,
      ...(event.details ? { details: event.details } : {}),
      ...(event.deliveryId ? { deliveryId: event.deliveryId } : {}),
      ...(event.requestDigest ? { requestDigest: event.requestDigest } : {}),
    };
  });
  return chainAuditEvents(head, inputs).lines;
}

/**
 * The S3 store (ADR 1404): the local store's layout as object keys under
 * s3://BUCKET/PREFIX. Manifests, audit batches and records are claimed (the
 * first write wins, by `If-None-Match: *` or put-then-list); blobs and nodes
 * are content-addressed and put as they come. A snapshot writes blobs, nodes,
 * then claims its manifest, then writes its catalog object, head pointer and
 * audit batch, so no head ever names a missing object.
 */
export class S3Store implements Store {
  readonly location: string;
  readonly armorBlobs = false;
  private claimModeP: Promise<S3ClaimMode> | undefined;
  private lockP: Promise<boolean> | undefined;
  /** The read-back of this store's first locked write (ADR 1408): once per opened store. */
  private appliedP: Promise<void> | undefined;

  constructor(
    private readonly client: S3StoreClient,
    private readonly where: S3StoreLocation,
    private readonly options: S3StoreOptions = {},
  ) {
    this.location = `s3://${where.bucket}/${where.prefix}`;
  }

  private key(relative: string): string {
    return `${this.where.prefix}${relative}`;
  }

  private async call<T>(doing: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw s3Error(error, doing, this.location);
    }
  }

  /** Whether the bucket has Object Lock (asked once). */
  objectLockEnabled(): Promise<boolean> {
    this.lockP ??= this.call("reading the Object Lock configuration", () =>
      this.client.objectLockEnabled(),
    );
    return this.lockP;
  }

  /** How writes claim keys: probed on the first write (ADR 1404). */
  claimMode(): Promise<S3ClaimMode> {
    this.claimModeP ??= this.call("probing conditional writes", () =>
      detectS3ClaimMode(this.client, this.where.prefix),
    );
    return this.claimModeP;
  }

  /** How reads find a claimed key's winner: the oldest version where versions can pile up. */
  private async readMode(): Promise<S3ClaimMode> {
    if (this.claimModeP) return this.claimModeP;
    return (await this.objectLockEnabled()) ? "put-then-list" : "if-none-match";
  }

  /** The Object Lock fields a WORM put carries: none in a bucket without Object Lock. */
  private lockFor(lockEnabled: boolean): S3PutOptions {
    const { lock, legalHold } = this.options;
    if (!lockEnabled) return {};
    return {
      ...(lock
        ? { retention: { mode: lock.mode, until: new Date(Date.now() + lock.days * DAY_MS) } }
        : {}),
      ...(legalHold ? { legalHold: true } : {}),
    };
  }

  private async lock(): Promise<S3PutOptions> {
    return this.lockFor(await this.objectLockEnabled());
  }

  private async readClaimed(relative: string): Promise<Uint8Array | null> {
    const mode = await this.readMode();
    return this.call(`reading ${relative}`, () =>
      readS3Claimed(this.client, mode, this.key(relative)),
    );
  }

  private async get(relative: string): Promise<Uint8Array | null> {
    return this.call(`reading ${relative}`, () => this.client.get(this.key(relative)));
  }

  private async put(relative: string, bytes: Uint8Array | string, locked: boolean): Promise<void> {
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const lock = locked ? await this.lock() : {};
    const put = await this.call(`writing ${relative}`, () =>
      this.client.put(this.key(relative), body, lock),
    );
    await this.checkApplied(relative, put === "exists" ? undefined : put.versionId, lock);
  }

  private async claim(relative: string, bytes: Uint8Array | string): Promise<"won" | "lost"> {
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const [mode, lock] = await Promise.all([this.claimMode(), this.lock()]);
    const { outcome, versionId } = await this.call(`writing ${relative}`, () =>
      claimS3Key(this.client, mode, this.key(relative), body, lock),
    );
    await this.checkApplied(relative, versionId, lock);
    return outcome;
  }

  /**
   * Reads back the lock of the first locked version this store wrote and refuses when the server
   * applied less than asked (ADR 1408). One HeadObject per opened store: what drops lock headers
   * is the bucket's configuration, the same for every object of a run; a snapshot's first
   * locked write is normally a blob, read back before its manifest is claimed. Every later
   * locked write waits for the answer, so none goes on after a refusal.
   */
  private async checkApplied(
    relative: string,
    versionId: string | undefined,
    lock: S3PutOptions,
  ): Promise<void> {
    if (!lock.retention && !lock.legalHold) return;
    this.appliedP ??= this.call(`reading back the lock of ${relative}`, async () =>
      checkAppliedLock(
        lock,
        await this.client.lockState(this.key(relative), versionId),
        relative,
        this.location,
      ),
    );
    await this.appliedP;
  }

  /** Relative keys under `relative` (a folder, ending in "/"). */
  private async list(
    relative: string,
  ): Promise<Array<{ path: string; lastModified?: Date; size?: number }>> {
    const items = await this.call(`listing ${relative}`, () =>
      this.client.list(this.key(relative)),
    );
    return items
      .map((item) => ({
        path: item.key.slice(this.where.prefix.length),
        ...(item.lastModified ? { lastModified: item.lastModified } : {}),
        ...(item.size !== undefined ? { size: item.size } : {}),
      }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async initialize(): Promise<void> {
    if (await this.isStore()) return;
    const others = (await this.list("")).filter(
      (item) => !item.path.startsWith(s3ClaimProbePath("")),
    );
    if (others.length > 0) {
      if (await this.isStore()) return;
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location} is not empty and is not a Snapgate store.`,
        {
          fix: "Point --store at a new or empty prefix (s3://BUCKET/NEW-PREFIX), or at an existing Snapgate store (it has a snapgate.json).",
        },
      );
    }
    const body =
      JSON.stringify({ format: STORE_FORMAT, created: new Date().toISOString() }, null, 2) + "\n";
    // Two first snapshots may race here: either snapgate.json serves.
    await this.claim("snapgate.json", body);
  }

  private async isStore(): Promise<boolean> {
    const raw = await this.get("snapgate.json");
    if (raw === null) return false;
    let format: unknown;
    try {
      format = (JSON.parse(Buffer.from(raw).toString("utf8")) as { format?: unknown }).format;
    } catch {
      format = undefined;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location}snapgate.json is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another prefix.",
        },
      );
    }
    return true;
  }

  async assertExists(): Promise<void> {
    if (!(await this.isStore())) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check --store (or SNAPGATE_STORE); a store is created by the first `snapgate snapshot`.",
      });
    }
  }

  async beginWrite(stream: string): Promise<S3WriteView> {
    await this.assertExists();
    // Reading the lock configuration and probing the claim mode here spares the first put the wait.
    const [head, auditHead, stored] = await Promise.all([
      this.readHead(stream),
      this.currentAuditHead(),
      this.listBlobs(),
      this.objectLockEnabled(),
      this.claimMode(),
    ]);
    const blobs = new Map<string, BlobRef>();
    for (const { modifiedAt: _modifiedAt, ...ref } of stored) {
      const key = blobLookupKey(ref.id, ref.recipientSet);
      if (!blobs.has(key)) blobs.set(key, ref);
    }
    return new S3WriteView((blob) => this.putBlob(blob), stream, head, auditHead, blobs);
  }

  private async readHead(stream: string): Promise<StreamHead | null> {
    const seqs = await this.headManifestSeqs(stream);
    const seq = seqs.at(-1);
    if (seq === undefined) return null;
    const manifest = await this.readManifest(stream, seq);
    if (!manifest) return null;
    checkHeadManifest(stream, seq, manifest, this.location);
    return { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
  }

  private async headManifestSeqs(stream: string): Promise<number[]> {
    const [raw, seqs] = await Promise.all([
      this.get(headPath(stream)),
      this.listManifestSeqs(stream),
    ]);
    checkHeadPointer(stream, raw, seqs, this.location);
    return seqs;
  }

  /** Keys present among `paths` (one listing of each top folder would cost more for a small commit). */
  private async allPresent(paths: readonly string[]): Promise<boolean> {
    const present = await mapWithConcurrency(paths, 16, (path) =>
      this.call(`checking ${path}`, () => this.client.lockState(this.key(path))).then(
        (state) => state !== null,
      ),
    );
    return present.every(Boolean);
  }

  async commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome> {
    const stream = commit.view.stream;
    // Nodes first (content-addressed: a present one already holds these bytes), gzip'd (ADR 1106).
    const nodes = commit.nodes ?? [];
    const missing = await mapWithConcurrency(nodes, 16, async (node) =>
      (await this.nodePresent(node.id)) ? null : node,
    );
    await mapWithConcurrency(
      missing.filter((node) => node !== null),
      16,
      (node) => this.put(gzipNodePath(node.id), compressNode(node.bytes), true),
    );
    // The fence with prune (ADR 1408): announce what this manifest names, then look for a prune
    // about to delete any of it. Either this sees the prune's mark, or the prune sees this intent.
    const named = [
      ...commit.blobs.map((blob) => blobPath(blob)),
      ...nodes.map((node) => nodePath(node.id)),
    ];
    const intentAt = new Date();
    await this.put(
      s3CommitIntentPath(intentAt, randomBytes(8).toString("hex")),
      JSON.stringify({ stream, seq: commit.seq, paths: named }) + "\n",
      false,
    );
    const pruning = await this.pathsBeingPruned();
    if (named.some((path) => pruning.has(path))) return "conflict";
    const seqs = await this.listManifestSeqs(stream);
    if ((seqs.at(-1) ?? 0) !== (commit.view.head?.seq ?? 0)) return "conflict";
    // A prune that finished since the view was read may have taken a blob or node this snapshot
    // reuses: retry (the next view lacks it, so it is written again) rather than name a missing object.
    const reusedNodes = nodes.filter((node) => !missing.includes(node));
    if (!(await this.allPresent(commit.blobs.map((blob) => blobPath(blob))))) return "conflict";
    const nodesPresent = await mapWithConcurrency(reusedNodes, 16, (node) =>
      this.nodePresent(node.id),
    );
    if (!nodesPresent.every(Boolean)) return "conflict";
    if (Date.now() - intentAt.getTime() > INTENT_MAX_AGE_MS) return "conflict";
    if ((await this.claim(manifestPath(stream, commit.seq), commit.manifest)) === "lost")
      return "conflict";
    // The manifest is committed: what follows only indexes it, and is rebuilt from it if lost.
    await this.put(
      s3CatalogEntryPath(stream, commit.seq, commit.time),
      JSON.stringify(commit.catalogEntry) + "\n",
      false,
    );
    await this.put(headPath(stream), headPointerText(commit), false);
    if (commit.auditLines.length > 0) await this.appendRechained(commit, commit.view.auditHead);
    return "committed";
  }

  /** The commit's audit lines, chained again on the newest head until an append wins. */
  private async appendRechained(commit: SnapshotCommit, viewHead: AuditHead | null): Promise<void> {
    let head = viewHead;
    let lines = [...commit.auditLines];
    for (let attempt = 1; attempt <= AUDIT_ATTEMPTS; attempt++) {
      if ((await this.appendAudit(head, lines, commit.time)) === "committed") return;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt)),
      );
      const now = await this.currentAuditHead();
      if (!sameAuditHead(now, head)) lines = rechain(commit.auditLines, now);
      head = now;
    }
    throw new SnapgateError(
      "CONFLICT",
      `${commit.view.stream}@${commit.seq} is committed to ${this.location}, but its audit event could not be appended.`,
      {
        fix: "Too many writers raced for the audit log; the snapshot is safe. Run `snapgate audit verify` to see the log.",
      },
    );
  }

  async listStreams(): Promise<string[]> {
    const streams = new Set<string>();
    for (const { path } of await this.list("manifests/")) {
      const stream = path.split("/")[1];
      if (stream && MANIFEST_NAME.test(path)) streams.add(stream);
    }
    return [...streams].sort();
  }

  async readCatalog(stream: string): Promise<CatalogEntry[]> {
    const paths = (await this.list(`catalog/${stream}/`))
      .map((item) => item.path)
      .filter((path) => /\/\d{4}-\d{2}\/\d{10}\.jsonl$/.test(path));
    const shards = await mapWithConcurrency(paths, 16, async (path) => ({
      path,
      text: Buffer.from((await this.get(path)) ?? new Uint8Array()).toString("utf8"),
    }));
    const entries = parseCatalogLines(shards, stream);
    await this.headManifestSeqs(stream);
    return entries;
  }

  async listManifestSeqs(stream: string): Promise<number[]> {
    const seqs: number[] = [];
    for (const { path } of await this.list(`manifests/${stream}/`)) {
      const match = MANIFEST_NAME.exec(path);
      if (match?.[1] && path === manifestPath(stream, Number(match[1])))
        seqs.push(Number(match[1]));
    }
    return seqs.sort((a, b) => a - b);
  }

  async readManifest(stream: string, seq: number): Promise<Uint8Array | null> {
    return this.readClaimed(manifestPath(stream, seq));
  }

  async readBlob(blob: BlobRef): Promise<Uint8Array | null> {
    return this.get(blobPath(blob));
  }

  async putBlob(blob: StagedBlob): Promise<void> {
    const { ciphertext, ...ref } = blob;
    await this.put(blobPath(ref), ciphertext, true);
  }

  /** replicate's blobs: content-addressed, so a blob put twice (a resumed run) holds the same bytes. */
  async putBlobs(blobs: readonly StagedBlob[]): Promise<void> {
    await mapWithConcurrency(blobs, 16, (blob) => this.putBlob(blob));
  }

  /** Whether a node is stored, gzip'd or (written before ADR 1106) plain. */
  private async nodePresent(id: string): Promise<boolean> {
    for (const path of [gzipNodePath(id), nodePath(id)]) {
      const state = await this.call(`checking ${path}`, () =>
        this.client.lockState(this.key(path)),
      );
      if (state !== null) return true;
    }
    return false;
  }

  async readNode(id: string): Promise<Uint8Array | null> {
    const gzipped = await this.get(gzipNodePath(id));
    if (gzipped) return decompressNode(gzipped, `${this.location}${gzipNodePath(id)}`);
    return this.get(nodePath(id));
  }

  async listNodes(): Promise<StoredNode[]> {
    const nodes = new Map<string, StoredNode>();
    for (const { path, lastModified, size } of await this.list("nodes/")) {
      const id = parseNodeFileName(path.split("/").at(-1) ?? "");
      if (!id || (path !== nodePath(id) && path !== gzipNodePath(id))) continue;
      // A node kept both plain and gzip'd (written before and after ADR 1106) is one node.
      const seen = nodes.get(id);
      const storedBytes =
        seen?.storedBytes === undefined || size === undefined
          ? (seen?.storedBytes ?? size)
          : seen.storedBytes + size;
      const modifiedAt = seen?.modifiedAt ?? lastModified;
      nodes.set(id, {
        id,
        ...(modifiedAt ? { modifiedAt } : {}),
        ...(storedBytes !== undefined ? { storedBytes } : {}),
      });
    }
    return [...nodes.values()];
  }

  async listBlobs(): Promise<StoredBlob[]> {
    const blobs: StoredBlob[] = [];
    for (const { path, lastModified } of await this.list("blobs/")) {
      const ref = parseBlobFileName(path.split("/").at(-1) ?? "");
      if (ref && path === blobPath(ref))
        blobs.push(lastModified ? { ...ref, modifiedAt: lastModified } : ref);
    }
    return blobs;
  }

  /**
   * Locked versions are never deleted (ADR 1404): the keys deleteBlobs and
   * deleteNodes kept since this store was opened, and until when (prune reports them).
   */
  readonly keptLocked: Array<{ path: string; until?: Date; legalHold: boolean }> = [];

  /**
   * Deletes every version of `path` that no lock holds (in a bucket without
   * Object Lock, every version). A version under retention or legal hold is
   * kept and reported in keptLocked.
   */
  private async deleteUnlocked(path: string): Promise<void> {
    const key = this.key(path);
    const versions = await this.call(`listing ${path}`, () => this.client.listVersions(key));
    if (!(await this.objectLockEnabled())) {
      // A DELETE without a version id only hides a key behind a delete marker in a versioned
      // bucket: each version goes by its id (an unversioned bucket lists one, "null").
      if (versions.length === 0) await this.call(`deleting ${path}`, () => this.client.delete(key));
      for (const version of versions)
        await this.call(`deleting ${path}`, () => this.client.delete(key, version.versionId));
      return;
    }
    const now = Date.now();
    for (const version of versions) {
      const state = await this.call(`reading the lock of ${path}`, () =>
        this.client.lockState(key, version.versionId),
      );
      if (!state) continue;
      if (state.legalHold || (state.retainUntil && state.retainUntil.getTime() > now)) {
        this.keptLocked.push({
          path,
          ...(state.retainUntil ? { until: state.retainUntil } : {}),
          legalHold: state.legalHold,
        });
        continue;
      }
      await this.call(`deleting ${path}`, () => this.client.delete(key, version.versionId));
    }
  }

  /**
   * Turns the S3 legal hold OFF on every version of `paths` that has one (ADR 1408): a ListObjectVersions per
   * path, a HeadObject per version and a PutObjectLegalHold per held version. Retention is not
   * touched: a version still under retention stays undeletable until it passes. With `dryRun`,
   * only reports what it would lift.
   */
  async liftLegalHolds(
    paths: readonly string[],
    dryRun = false,
  ): Promise<{ lifted: Array<{ path: string; versionId: string }>; versions: number }> {
    if (!(await this.objectLockEnabled())) {
      throw new SnapgateError(
        "USAGE",
        `The bucket of ${this.location} has no Object Lock, so nothing in it has an S3 legal hold.`,
        {
          fix: "Nothing to lift: removing legal_hold from the policy is all a store without Object Lock needs.",
        },
      );
    }
    const found = await mapWithConcurrency(paths, 8, async (path) => {
      const key = this.key(path);
      const versions = await this.call(`listing ${path}`, () => this.client.listVersions(key));
      const held: Array<{ path: string; versionId: string }> = [];
      for (const { versionId } of versions) {
        const state = await this.call(`reading the lock of ${path}`, () =>
          this.client.lockState(key, versionId),
        );
        if (!state?.legalHold) continue;
        if (!dryRun)
          await this.call(`lifting the legal hold of ${path}`, () =>
            this.client.setLegalHold(key, versionId, false),
          );
        held.push({ path, versionId });
      }
      return { held, versions: versions.length };
    });
    return {
      lifted: found.flatMap((item) => item.held),
      versions: found.reduce((sum, item) => sum + item.versions, 0),
    };
  }

  /** Relative keys under `folder` newer than FENCE_WINDOW_MS (their names start with the time). */
  private async recentUnder(folder: string, oldest: (since: Date) => string): Promise<string[]> {
    const since = new Date(Date.now() - FENCE_WINDOW_MS);
    const items = await this.call(`listing ${folder}`, () =>
      this.client.list(this.key(folder), this.key(oldest(since))),
    );
    return items.map((item) => item.key.slice(this.where.prefix.length));
  }

  /** Fence objects (intents or marks) as written; a damaged one names nothing. */
  private async readFences(
    keys: readonly string[],
  ): Promise<Array<{ stream?: string; seq?: number; paths: string[] }>> {
    const bodies = await mapWithConcurrency(keys, 16, (path) => this.get(path));
    return bodies.map((body) => {
      try {
        const fence = JSON.parse(Buffer.from(body ?? []).toString("utf8")) as {
          stream?: unknown;
          seq?: unknown;
          paths?: unknown;
        };
        return {
          ...(typeof fence.stream === "string" ? { stream: fence.stream } : {}),
          ...(typeof fence.seq === "number" ? { seq: fence.seq } : {}),
          paths: Array.isArray(fence.paths) ? fence.paths.map(String) : [],
        };
      } catch {
        // Not ours: only this store's writers put fence objects, whole.
        return { paths: [] };
      }
    });
  }

  /**
   * What snapshot commits of the window name, less those already forgotten: a tombstone exists
   * only for a committed snapshot, whose blobs prune may then take like any forgotten one's.
   */
  private async pathsBeingCommitted(): Promise<Set<string>> {
    const intents = await this.readFences(
      await this.recentUnder("locks/_commit/", (since) => s3CommitIntentPath(since, "")),
    );
    const streams = [...new Set(intents.flatMap((intent) => intent.stream ?? []))];
    const forgotten = new Set(
      (await Promise.all(streams.map((stream) => this.list(`tombstones/${stream}/`))))
        .flat()
        .map((item) => item.path),
    );
    const paths = new Set<string>();
    for (const intent of intents) {
      const tombstone = `tombstones/${intent.stream}/${String(intent.seq).padStart(10, "0")}.json`;
      if (intent.stream && intent.seq && forgotten.has(tombstone)) continue;
      for (const path of intent.paths) paths.add(path);
    }
    return paths;
  }

  /** What unfinished prunes (a mark without its done mark, within the window) are about to delete. */
  private async pathsBeingPruned(): Promise<Set<string>> {
    const keys = await this.recentUnder("locks/_prune/", (since) => s3PruneMarkPath(since, ""));
    const done = new Set(
      keys.filter((key) => key.endsWith("-done")).map((key) => key.slice(0, -"-done".length)),
    );
    const marks = await this.readFences(
      keys.filter((key) => !key.endsWith("-done") && !done.has(key)),
    );
    return new Set(marks.flatMap((mark) => mark.paths));
  }

  /**
   * Deletes blobs or nodes fenced against concurrent snapshot commits (ADR 1408): put marks naming
   * them (PRUNE_BATCH paths a mark), read the commit intents of the window, withhold every path
   * one names (kept in sparedForCommits), offer the rest to `recheck`, delete what it returns,
   * then put each mark's done twin.
   */
  private async deleteFenced<T>(
    items: readonly T[],
    pathOf: (item: T) => string,
    recheck?: (offered: readonly T[]) => Promise<readonly T[]>,
    remove: (item: T) => Promise<void> = (item) => this.deleteUnlocked(pathOf(item)),
  ): Promise<void> {
    if (items.length === 0) return;
    // Without a recheck the caller is not prune but rekey, removing blobs it superseded: readers
    // follow its re-wrap records, and sparing them for a commit would leave blobs sealed to a
    // removed recipient in the store.
    if (!recheck) {
      for (const item of items) await remove(item);
      return;
    }
    const at = new Date();
    const marks: string[] = [];
    for (let start = 0; start < items.length; start += PRUNE_BATCH) {
      const mark = s3PruneMarkPath(at, randomBytes(8).toString("hex"));
      const paths = items.slice(start, start + PRUNE_BATCH).map(pathOf);
      await this.put(mark, JSON.stringify({ paths }) + "\n", false);
      marks.push(mark);
    }
    try {
      const named = await this.pathsBeingCommitted();
      const offered = items.filter((item) => !named.has(pathOf(item)));
      for (const item of items)
        if (named.has(pathOf(item))) this.sparedForCommits.push(pathOf(item));
      const doomed = await recheck(offered);
      for (const item of doomed) await remove(item);
    } finally {
      // Done, or stopped by an error: either way this prune deletes nothing more.
      for (const mark of marks) await this.put(`${mark}-done`, "{}\n", false);
    }
  }

  async lockOf(path: string): Promise<{ until?: Date; legalHold: boolean } | null> {
    const state = await this.call(`reading the lock of ${path}`, () =>
      this.client.lockState(this.key(path)),
    );
    const until =
      state?.retainUntil && state.retainUntil.getTime() > Date.now()
        ? state.retainUntil
        : undefined;
    if (!state || (!until && !state.legalHold)) return null;
    return { ...(until ? { until } : {}), legalHold: state.legalHold };
  }

  /** Paths deleteBlobs and deleteNodes withheld because a snapshot in flight names them (ADR 1408). */
  readonly sparedForCommits: string[] = [];

  async deleteBlobs(
    blobs: readonly BlobRef[],
    recheck?: (blobs: readonly BlobRef[]) => Promise<readonly BlobRef[]>,
  ): Promise<void> {
    await this.deleteFenced(blobs, (blob) => blobPath(blob), recheck);
  }

  async deleteNodes(
    ids: readonly string[],
    recheck?: (ids: readonly string[]) => Promise<readonly string[]>,
  ): Promise<void> {
    // Fenced by the id's plain path (what commit intents name); both stored forms go (ADR 1106).
    await this.deleteFenced(
      ids,
      (id) => nodePath(id),
      recheck,
      async (id) => {
        await this.deleteUnlocked(gzipNodePath(id));
        await this.deleteUnlocked(nodePath(id));
      },
    );
  }

  async readStreamIndex(stream: string): Promise<StreamIndex> {
    const [catalog, manifestSeqs, tombstones, verifications, blobs, locks] = await Promise.all([
      this.readCatalog(stream),
      this.listManifestSeqs(stream),
      this.list(`tombstones/${stream}/`),
      this.list(`verifications/${stream}/`),
      this.listBlobs(),
      this.list(`locks/${stream}/`),
    ]);
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: tombstones
        .map(({ path }) => /^tombstones\/[^/]+\/(\d{10})\.json$/.exec(path)?.[1])
        .filter((seq): seq is string => seq !== undefined)
        .map(Number)
        .sort((a, b) => a - b),
      verifications: verifications
        .map(({ path }) => path)
        .filter((path) => path.endsWith(".json") && path.split("/").length === 3),
      blobs: blobs.map(({ modifiedAt: _modifiedAt, ...ref }) => ref),
      locks: locks
        .map(({ path }) => path)
        .filter((path) => path.endsWith(".json") && path.split("/").length === 3),
    };
  }

  private async auditBatches(): Promise<string[]> {
    return (await this.list("audit/log/"))
      .map((item) => item.path)
      .filter((path) => /^audit\/log\/\d{10}\.jsonl$/.test(path));
  }

  private async batchLines(path: string): Promise<string[]> {
    const raw = await this.readClaimed(path);
    return Buffer.from(raw ?? new Uint8Array())
      .toString("utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
  }

  async readAuditLines(): Promise<string[]> {
    const batches = await mapWithConcurrency(await this.auditBatches(), 16, (path) =>
      this.batchLines(path),
    );
    return batches.flat();
  }

  async currentAuditHead(): Promise<AuditHead | null> {
    const last = (await this.auditBatches()).at(-1);
    if (!last) return null;
    const line = (await this.batchLines(last)).at(-1);
    return line ? (auditHeadOfLine(line) ?? null) : null;
  }

  async recordedAuditHead(): Promise<AuditHead | null> {
    return parseAuditHeadPointer(await this.get(AUDIT_HEAD_PATH));
  }

  async appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    _time: Date,
  ): Promise<CommitOutcome> {
    if (lines.length === 0) return "committed";
    if (!sameAuditHead(await this.currentAuditHead(), expected)) return "conflict";
    // The batch's first seq is the key every appender on this head races for.
    const target = s3AuditBatchPath((expected?.seq ?? 0) + 1);
    if ((await this.claim(target, lines.map((line) => `${line}\n`).join(""))) === "lost")
      return "conflict";
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    if (head)
      await this.put(AUDIT_HEAD_PATH, JSON.stringify({ ...head, file: target }) + "\n", false);
    return "committed";
  }

  async writeRecords(records: readonly StoreRecord[]): Promise<void> {
    for (const record of records) assertRecordPath(record.path);
    for (const record of records) {
      if ((await this.claim(record.path, record.bytes)) === "lost") {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${record.path} already exists in ${this.location}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name.",
          },
        );
      }
    }
  }

  async readRecord(path: string): Promise<Uint8Array | null> {
    assertRecordPath(path);
    return this.readClaimed(path);
  }

  async listRecords(prefix: string): Promise<string[]> {
    assertRecordPath(`${prefix.replace(/\/$/, "")}/x`);
    return (await this.list(`${prefix.replace(/\/$/, "")}/`)).map((item) => item.path);
  }
}
