import { randomBytes } from "node:crypto";
import { renameSync } from "node:fs";
import { access, mkdir, open, readdir, readFile, stat, unlink } from "node:fs/promises";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { parseCatalogLines } from "./parse-catalog-lines.js";
import { dirname, join, resolve, sep } from "node:path";
import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import { auditHeadOfLine, parseAuditHeadPointer } from "../audit/audit-event.js";
import {
  DIR_MODE,
  flushFiles,
  STALE_TEMP_MS,
  TEMP_PREFIX,
  writeFileAtomic,
  writeTempFile,
} from "./atomic-file.js";
import { withFileLock } from "./file-lock.js";
import { compressNode } from "./compress-node.js";
import { decompressNode } from "./decompress-node.js";
import {
  AUDIT_HEAD_PATH,
  auditPath,
  blobLookupKey,
  BLOB_DIRECTORIES,
  blobDirectoryOf,
  blobPath,
  catalogPath,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  gzipNodePath,
  parseBlobFileName,
  parseNodeFileName,
  STORE_FORMAT,
  type BlobRef,
  type AuditHead,
  type CommitOutcome,
  type SnapshotCommit,
  type NodeFile,
  type StagedBlob,
  type StoredBlob,
  type StoredNode,
  type StreamIndex,
  type Store,
  type StoreRecord,
  type StreamHead,
  type TempFileSweep,
  type WriteView,
} from "./store.js";
import { assertRecordPath } from "./record-path.js";
import { checkHeadManifest } from "./check-head-manifest.js";
import { checkHeadPointer } from "./check-head-pointer.js";
import { sha256Hex } from "../crypto/sha256-hex.js";

const MANIFEST_NAME = /^(\d{10})\.json$/;

/**
 * Prune's mark, written under the commit lock: `deleting <epoch>` before it
 * deletes anything, `done <epoch>` after. A commit checks every blob it
 * references unless the mark is unchanged since its view and was not
 * `deleting` (a view read while prune deleted, or after a prune died mid-way).
 */
const PRUNE_EPOCH_PATH = "locks/prune-epoch";
const PRUNE_DELETING = "deleting ";

function pruneMayHaveDeleted(then: string | null, now: string | null): boolean {
  return then !== now || (now?.startsWith(PRUNE_DELETING) ?? false);
}

/** Deletes the temp file at `path` if it was last written before `before`; its size (at least 1), or 0. */
async function removeIfStale(path: string, before: number, dryRun = false): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || info.mtimeMs >= before) return 0;
  if (!dryRun) await unlink(path).catch(() => undefined);
  return Math.max(1, info.size);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** A folder's names; none if it is missing, or is a stray file where a folder belongs. */
async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException)?.code === "ENOTDIR") return [];
    throw error;
  }
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function sameAuditHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);
}

class LocalWriteView implements WriteView {
  /** Promises, so a listing already under way (a prefetch) is shared, not read twice. */
  private readonly blobDirs = new Map<string, Promise<Map<string, BlobRef>>>();
  readonly touchedDirs = new Set<string>();
  /** Blobs written to temp files, renamed into place after one durability barrier at commit. */
  readonly pending: Array<{ temp: string; target: string }> = [];

  constructor(
    private readonly store: LocalDirStore,
    readonly stream: string,
    readonly head: StreamHead | null,
    readonly auditHead: AuditHead | null,
    /** Prune's mark when the view was taken: unchanged and not `deleting` at commit means no blob was deleted since. */
    readonly pruneEpoch: string | null,
  ) {}

  private blobsWithPrefix(prefix: string): Promise<Map<string, BlobRef>> {
    let known = this.blobDirs.get(prefix);
    if (!known) {
      const dir = this.store.path(`blobs/${prefix}`);
      known = readdirOrEmpty(dir).then(async (names) => {
        const refs = new Map<string, BlobRef>();
        // Two racing writers may both store a blob for one id and set; either copy serves.
        for (const name of names.sort()) {
          const ref = parseBlobFileName(name);
          const key = ref && blobLookupKey(ref.id, ref.recipientSet);
          if (ref && key && !refs.has(key)) refs.set(key, ref);
        }
        // Temp files of writers that died here long ago (a full disk stays full otherwise).
        const before = Date.now() - STALE_TEMP_MS;
        await Promise.all(
          names
            .filter((name) => name.startsWith(TEMP_PREFIX))
            .map((name) => removeIfStale(join(dir, name), before)),
        );
        return refs;
      });
      this.blobDirs.set(prefix, known);
    }
    return known;
  }

  async findBlobs(ids: readonly string[], recipientSet: string): Promise<Map<string, BlobRef>> {
    const found = new Map<string, BlobRef>();
    // Every prefix directory at once, not one round trip after another.
    await Promise.all(
      [...new Set(ids.map((id) => blobDirectoryOf(id)))].map((prefix) =>
        this.blobsWithPrefix(prefix),
      ),
    );
    for (const id of ids) {
      const ref = (await this.blobsWithPrefix(blobDirectoryOf(id))).get(
        blobLookupKey(id, recipientSet),
      );
      if (ref) found.set(id, ref);
    }
    return found;
  }

  async stageBlob(blob: StagedBlob): Promise<void> {
    if (this.discarded) return;
    const { ciphertext, ...ref } = blob;
    const dir = this.store.path(`blobs/${blobDirectoryOf(ref.id)}`);
    if (!this.touchedDirs.has(dir)) {
      await mkdir(dir, { recursive: true, mode: DIR_MODE });
      this.touchedDirs.add(dir);
    }
    const target = this.store.path(blobPath(ref));
    this.pending.push({ temp: await writeTempFile(target, ciphertext, 0o444), target });
    (await this.blobsWithPrefix(blobDirectoryOf(ref.id))).set(
      blobLookupKey(ref.id, ref.recipientSet),
      ref,
    );
  }

  /** One mkdir per prefix directory, shared by every blob sealed into it at the same time. */
  private readonly madeDirs = new Map<string, Promise<unknown>>();

  async blobStagingDirectory(id: string): Promise<string> {
    const dir = this.store.path(`blobs/${blobDirectoryOf(id)}`);
    let made = this.madeDirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true, mode: DIR_MODE }).then(() => this.touchedDirs.add(dir));
      // A failed mkdir is tried again by the next blob (and reported to each waiting one).
      made.catch(() => this.madeDirs.delete(dir));
      this.madeDirs.set(dir, made);
    }
    await made;
    return dir;
  }

  async blobStagingRoot(): Promise<string> {
    const root = this.store.path("blobs");
    await mkdir(root, { recursive: true, mode: DIR_MODE });
    // Every blob folder is listed now, before the encrypting threads put temp files in them:
    // the presence check later reads no folder again and stats none of those temp files
    // (2,000 for a first snapshot of 2,000 files). A folder that is not there holds no blob.
    const folders = new Set(await readdirOrEmpty(root));
    await Promise.all(
      BLOB_DIRECTORIES.map((prefix) => {
        if (folders.has(prefix)) return this.blobsWithPrefix(prefix);
        if (!this.blobDirs.has(prefix)) this.blobDirs.set(prefix, Promise.resolve(new Map()));
        return undefined;
      }),
    );
    return root;
  }

  async adoptStagedBlob(ref: BlobRef, tempPath: string): Promise<void> {
    // Encryption still in flight when the snapshot failed: its file goes at once.
    if (this.discarded) return unlink(tempPath).catch(() => undefined);
    const target = this.store.path(blobPath(ref));
    // A folder the encrypting thread made (blobStagingRoot) must be flushed with the others.
    this.touchedDirs.add(dirname(target));
    this.pending.push({ temp: tempPath, target });
    (await this.blobsWithPrefix(blobDirectoryOf(ref.id))).set(
      blobLookupKey(ref.id, ref.recipientSet),
      ref,
    );
  }

  private discarded = false;

  async discard(): Promise<void> {
    this.discarded = true;
    await Promise.all(
      this.pending.splice(0).map(({ temp }) => unlink(temp).catch(() => undefined)),
    );
  }

  /**
   * Makes every staged blob and node durable, then gives it its final name:
   * one barrier for all their bytes, the renames, one barrier for the
   * directories the names went into. A blob or node appears under its final
   * name only once its content is durable (ADR 0008), so a crash never leaves
   * a truncated one that a later snapshot would reuse.
   */
  async publishStaged(nodes: StagedNodes): Promise<void> {
    const staged = [...this.pending, ...nodes.pending];
    if (staged.length === 0) return;
    const roots = [
      ...(this.pending.length > 0 ? [this.store.path("blobs")] : []),
      ...(nodes.pending.length > 0 ? [this.store.path("nodes")] : []),
    ];
    try {
      await flushFiles(
        roots,
        staged.map((p) => p.temp),
      );
    } catch (error) {
      // The blobs' temp files go with discard(); the nodes' go now.
      await Promise.all(nodes.pending.map(({ temp }) => unlink(temp).catch(() => undefined)));
      throw error;
    }
    this.pending.splice(0);
    // One synchronous loop: ~3x cheaper than 16 renames at a time through the thread pool,
    // and nothing else waits on this thread now (ADR 1111).
    for (const { temp, target } of staged) renameSync(temp, target);
    // The renames are durable once their directories are (up to 256 prefix directories each).
    const dirRoots = [
      ...(this.touchedDirs.size > 0 ? [this.store.path("blobs")] : []),
      ...(nodes.dirs.length > 0 ? [this.store.path("nodes")] : []),
    ];
    await flushFiles(dirRoots, [...this.touchedDirs, ...nodes.dirs]);
  }
}

/** Node files written as temp files beside their final names, not yet durable. */
interface StagedNodes {
  pending: Array<{ temp: string; target: string }>;
  dirs: string[];
}

/** The embedded default store: the snapshot layout in a local directory. */
export class LocalDirStore implements Store {
  readonly location: string;
  readonly armorBlobs = false;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.location = this.root;
  }

  path(relative: string): string {
    return join(this.root, ...relative.split("/"));
  }

  async initialize(): Promise<void> {
    if (await this.isStore()) return;
    await mkdir(this.root, { recursive: true, mode: DIR_MODE });
    const entries = (await readdir(this.root)).filter((name) => !name.startsWith("."));
    if (entries.length > 0) {
      // Another writer may have created the store since isStore() looked.
      if (await this.isStore()) return;
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.root} is not empty and is not a Snapgate store.`,
        {
          fix: "Point --store at a new or empty directory, or at an existing Snapgate store (it has a snapgate.json).",
        },
      );
    }
    const body =
      JSON.stringify({ format: STORE_FORMAT, created: new Date().toISOString() }, null, 2) + "\n";
    await writeFileAtomic(this.path("snapgate.json"), body, { exclusive: true });
  }

  private async isStore(): Promise<boolean> {
    const raw = await readOrNull(this.path("snapgate.json"));
    if (raw === null) return false;
    let format: unknown;
    try {
      format = (JSON.parse(raw.toString("utf8")) as { format?: unknown }).format;
    } catch {
      format = undefined;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.root}/snapgate.json is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another directory.",
        },
      );
    }
    return true;
  }

  async assertExists(): Promise<void> {
    if (!(await this.isStore())) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.root}.`, {
        fix: "Check --store (or SNAPGATE_STORE); a store is created by the first `snapgate snapshot`.",
      });
    }
  }

  async beginWrite(stream: string): Promise<LocalWriteView> {
    await this.assertExists();
    const [head, auditHead, pruneEpoch] = await Promise.all([
      this.readHead(stream),
      this.currentAuditHead(),
      this.readPruneEpoch(),
    ]);
    return new LocalWriteView(this, stream, head, auditHead, pruneEpoch);
  }

  private async readHead(stream: string): Promise<StreamHead | null> {
    const seqs = await this.headManifestSeqs(stream);
    const seq = seqs.at(-1);
    if (seq === undefined) return null;
    const manifest = await readFile(this.path(manifestPath(stream, seq)));
    // The next snapshot links to it: refuse to chain onto something that is not its manifest.
    checkHeadManifest(stream, seq, manifest, this.root);
    return { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
  }

  /**
   * Writes the nodes the store lacks, gzip'd (ADR 1106), as temp files that
   * publishStaged makes durable and renames with the blobs, so no node
   * appears under its name half-written. Nothing names them until the root
   * commits. A node an older writer kept as plain JSON is present already.
   */
  private async stageNodes(nodes: readonly NodeFile[]): Promise<StagedNodes> {
    const missing = (
      await mapWithConcurrency(nodes, 32, async (node) =>
        (await this.nodePresent(node.id)) ? null : node,
      )
    ).filter((node): node is NodeFile => node !== null);
    if (missing.length === 0) return { pending: [], dirs: [] };
    const dirs = [...new Set(missing.map((node) => this.path(nodePath(node.id).slice(0, 8))))];
    await Promise.all(dirs.map((dir) => mkdir(dir, { recursive: true, mode: DIR_MODE })));
    const pending = await mapWithConcurrency(missing, 16, async (node) => {
      const target = this.path(gzipNodePath(node.id));
      return { temp: await writeTempFile(target, compressNode(node.bytes), 0o444), target };
    });
    return { pending, dirs };
  }

  /** Whether a node is stored, gzip'd or (written before ADR 1106) plain. */
  private async nodePresent(id: string): Promise<boolean> {
    return (await this.allPresent([gzipNodePath(id)])) || (await this.allPresent([nodePath(id)]));
  }

  async commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome> {
    await (commit.view as LocalWriteView).publishStaged(await this.stageNodes(commit.nodes ?? []));
    return withFileLock(this.path("locks/commit.lock"), async () => {
      const seqs = await this.listManifestSeqs(commit.view.stream);
      if ((seqs.at(-1) ?? 0) !== (commit.view.head?.seq ?? 0)) return "conflict";
      if (!sameAuditHead(await this.currentAuditHead(), commit.view.auditHead)) return "conflict";
      // Prune deletes under this same lock: a blob it took since the view was read means a
      // retry, which stores that content again, instead of a manifest pointing at nothing.
      const view = commit.view as LocalWriteView;
      if (
        pruneMayHaveDeleted(view.pruneEpoch, await this.readPruneEpoch()) &&
        !(
          (await this.allBlobsPresent(commit.blobs)) &&
          (
            await mapWithConcurrency(commit.nodes ?? [], 32, (node) => this.nodePresent(node.id))
          ).every(Boolean)
        )
      )
        return "conflict";
      const target = this.path(manifestPath(commit.view.stream, commit.seq));
      if (!(await writeFileAtomic(target, commit.manifest, { mode: 0o444, exclusive: true })))
        return "conflict";
      await this.appendDurably(
        catalogPath(commit.view.stream, commit.time),
        JSON.stringify(commit.catalogEntry) + "\n",
      );
      await writeFileAtomic(this.path(headPath(commit.view.stream)), headPointerText(commit));
      if (commit.auditLines.length > 0)
        await this.appendAuditUnlocked(commit.auditLines, commit.time);
      return "committed";
    });
  }

  /** Appends lines; a torn last line left by a crash is closed first so it cannot swallow the next one. */
  private async appendDurably(relative: string, text: string): Promise<void> {
    const target = this.path(relative);
    await mkdir(join(target, ".."), { recursive: true, mode: DIR_MODE });
    const handle = await open(target, "a+", 0o644);
    try {
      const { size } = await handle.stat();
      let prefix = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = "\n";
      }
      await handle.write(prefix + text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async listStreams(): Promise<string[]> {
    return (await readdirOrEmpty(this.path("manifests")))
      .filter((name) => !name.startsWith("."))
      .sort();
  }

  async readCatalog(stream: string): Promise<CatalogEntry[]> {
    const shards = (await readdirOrEmpty(this.path(`catalog/${stream}`)))
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .sort();
    const texts = await Promise.all(
      shards.map(async (name) => {
        const path = `catalog/${stream}/${name}`;
        return { path, text: await readFile(this.path(path), "utf8") };
      }),
    );
    const entries = parseCatalogLines(texts, stream);
    await this.headManifestSeqs(stream);
    return entries;
  }

  /**
   * The stream's manifest seqs, after checking that the manifest the head
   * pointer names exists. The pointer is written after its manifest, so it is
   * never ahead of the manifests unless one was deleted.
   */
  private async headManifestSeqs(stream: string): Promise<number[]> {
    const raw = await readOrNull(this.path(headPath(stream)));
    const seqs = await this.listManifestSeqs(stream);
    checkHeadPointer(stream, raw, seqs, this.root);
    return seqs;
  }

  async readStreamIndex(stream: string): Promise<StreamIndex> {
    const [catalog, manifestSeqs, tombstones, verifications, blobs, locks, drills, signoffs] =
      await Promise.all([
        this.readCatalog(stream),
        this.listManifestSeqs(stream),
        readdirOrEmpty(this.path(`tombstones/${stream}`)),
        readdirOrEmpty(this.path(`verifications/${stream}`)),
        this.listBlobs(),
        readdirOrEmpty(this.path(`locks/${stream}`)),
        readdirOrEmpty(this.path(`drills/${stream}`)),
        readdirOrEmpty(this.path(`drills/${stream}/signoffs`)),
      ]);
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: tombstones
        .map((name) => /^(\d{10})\.json$/.exec(name)?.[1])
        .filter((seq): seq is string => seq !== undefined)
        .map(Number)
        .sort((a, b) => a - b),
      verifications: verifications
        .filter((name) => name.endsWith(".json"))
        .map((name) => `verifications/${stream}/${name}`),
      blobs: blobs.map(({ modifiedAt: _modifiedAt, ...ref }) => ref),
      locks: locks
        .filter((name) => name.endsWith(".json"))
        .map((name) => `locks/${stream}/${name}`),
      drills: [
        ...drills
          .filter((name) => name.endsWith(".json"))
          .map((name) => `drills/${stream}/${name}`),
        ...signoffs
          .filter((name) => name.endsWith(".json"))
          .map((name) => `drills/${stream}/signoffs/${name}`),
      ],
    };
  }

  async listManifestSeqs(stream: string): Promise<number[]> {
    const seqs: number[] = [];
    for (const name of await readdirOrEmpty(this.path(`manifests/${stream}`))) {
      const match = MANIFEST_NAME.exec(name);
      if (match?.[1]) seqs.push(Number(match[1]));
    }
    return seqs.sort((a, b) => a - b);
  }

  async readManifest(stream: string, seq: number): Promise<Uint8Array | null> {
    return readOrNull(this.path(manifestPath(stream, seq)));
  }

  async readBlob(blob: BlobRef): Promise<Uint8Array | null> {
    return readOrNull(this.path(blobPath(blob)));
  }

  blobFilePath(blob: BlobRef): string {
    return this.path(blobPath(blob));
  }

  async putBlob(blob: StagedBlob): Promise<void> {
    const { ciphertext, ...ref } = blob;
    // Exclusive: a name carries the ciphertext hash, so an existing file already holds these bytes.
    await writeFileAtomic(this.path(blobPath(ref)), ciphertext, { mode: 0o444, exclusive: true });
  }

  async putBlobs(blobs: readonly StagedBlob[]): Promise<void> {
    await mapWithConcurrency(blobs, 16, async (blob) => {
      await mkdir(this.path(blobPath(blob).slice(0, 8)), { recursive: true, mode: DIR_MODE });
      await this.putBlob(blob);
    });
  }

  async readNode(id: string): Promise<Uint8Array | null> {
    const gzipped = await readOrNull(this.path(gzipNodePath(id)));
    if (gzipped) return decompressNode(gzipped, `${this.root}/${gzipNodePath(id)}`);
    return readOrNull(this.path(nodePath(id)));
  }

  /** One entry per node id: a node kept both plain and gzip'd (an interrupted upgrade) counts both files' bytes. */
  async listNodes(): Promise<StoredNode[]> {
    const nodes = new Map<string, StoredNode>();
    for (const prefix of (await readdirOrEmpty(this.path("nodes"))).sort()) {
      for (const name of (await readdirOrEmpty(this.path(`nodes/${prefix}`))).sort()) {
        const id = parseNodeFileName(name);
        if (!id) continue;
        const info = await stat(this.path(`nodes/${prefix}/${name}`)).catch(() => undefined);
        const seen = nodes.get(id);
        const storedBytes = (seen?.storedBytes ?? 0) + (info?.size ?? 0);
        const modifiedAt =
          info && seen?.modifiedAt && seen.modifiedAt > info.mtime ? seen.modifiedAt : info?.mtime;
        nodes.set(id, { id, ...(modifiedAt ? { modifiedAt } : {}), storedBytes });
      }
    }
    return [...nodes.values()];
  }

  async listBlobs(options: { modifiedAt?: boolean } = {}): Promise<StoredBlob[]> {
    // Many directory reads and stats in flight at once: one after another, a restore's
    // presence check waited on ~2,000 thread-pool round trips (ADR 1103).
    const prefixes = (await readdirOrEmpty(this.path("blobs"))).sort();
    const names = await mapWithConcurrency(prefixes, 16, async (prefix) =>
      (await readdirOrEmpty(this.path(`blobs/${prefix}`))).sort().map((name) => ({
        ref: parseBlobFileName(name),
        path: this.path(`blobs/${prefix}/${name}`),
      })),
    );
    const found = names.flat().filter((entry) => entry.ref !== undefined);
    // A restore's presence check needs the names only: a stat per blob was 2,000 `statx`.
    if (options.modifiedAt === false) return found.map(({ ref }) => ref as BlobRef);
    return mapWithConcurrency(found, 32, async ({ ref, path }): Promise<StoredBlob> => {
      const info = await stat(path).catch(() => undefined);
      return info ? { ...(ref as BlobRef), modifiedAt: info.mtime } : (ref as BlobRef);
    });
  }

  async clearStaleTempFiles(
    before: Date,
    options: { dryRun?: boolean } = {},
  ): Promise<TempFileSweep> {
    const sweep: TempFileSweep = { files: 0, bytes: 0, strays: [] };
    const blobs = this.path("blobs");
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      await mapWithConcurrency(entries, 16, async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        if (!entry.name.startsWith(TEMP_PREFIX)) {
          // Not Snapgate's: left alone, and named so that someone looks at it.
          if (path.startsWith(blobs + sep) && !parseBlobFileName(entry.name))
            sweep.strays.push(
              path
                .slice(this.root.length + 1)
                .split(sep)
                .join("/"),
            );
          return;
        }
        const size = await removeIfStale(path, before.getTime(), options.dryRun);
        if (size > 0) {
          sweep.files += 1;
          sweep.bytes += size;
        }
      });
    };
    await walk(this.root);
    sweep.strays.sort();
    return sweep;
  }

  async deleteBlobs(
    blobs: readonly BlobRef[],
    recheck?: (blobs: readonly BlobRef[]) => Promise<readonly BlobRef[]>,
  ): Promise<void> {
    if (blobs.length === 0) return;
    await withFileLock(this.path("locks/commit.lock"), async () => {
      const epoch = `${Date.now()}-${randomBytes(8).toString("hex")}`;
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `${PRUNE_DELETING}${epoch}\n`);
      // No snapshot commits while this lock is held: what recheck spares stays referenced.
      const doomed = recheck ? await recheck(blobs) : blobs;
      for (const blob of doomed) {
        await unlink(this.path(blobPath(blob))).catch((error: unknown) => {
          if (!isMissing(error)) throw error;
        });
      }
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `done ${epoch}\n`);
    });
  }

  /** Nodes go as blobs do: under the commit lock, between prune's `deleting` and `done` marks. */
  async deleteNodes(
    ids: readonly string[],
    recheck?: (ids: readonly string[]) => Promise<readonly string[]>,
  ): Promise<void> {
    if (ids.length === 0) return;
    await withFileLock(this.path("locks/commit.lock"), async () => {
      const epoch = `${Date.now()}-${randomBytes(8).toString("hex")}`;
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `${PRUNE_DELETING}${epoch}\n`);
      const doomed = recheck ? await recheck(ids) : ids;
      for (const path of doomed.flatMap((id) => [gzipNodePath(id), nodePath(id)])) {
        await unlink(this.path(path)).catch((error: unknown) => {
          if (!isMissing(error)) throw error;
        });
      }
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `done ${epoch}\n`);
    });
  }

  private async allPresent(paths: readonly string[]): Promise<boolean> {
    const present = await mapWithConcurrency(paths, 32, (path) =>
      access(this.path(path)).then(
        () => true,
        () => false,
      ),
    );
    return present.every(Boolean);
  }

  private async readPruneEpoch(): Promise<string | null> {
    const raw = await readOrNull(this.path(PRUNE_EPOCH_PATH));
    return raw === null ? null : raw.toString("utf8");
  }

  private async allBlobsPresent(blobs: readonly BlobRef[]): Promise<boolean> {
    const present = await mapWithConcurrency(blobs, 32, (blob) =>
      access(this.path(blobPath(blob))).then(
        () => true,
        () => false,
      ),
    );
    return present.every(Boolean);
  }

  private async auditFiles(): Promise<string[]> {
    const files: string[] = [];
    for (const year of (await readdirOrEmpty(this.path("audit")))
      .filter((y) => /^\d{4}$/.test(y))
      .sort()) {
      for (const month of (await readdirOrEmpty(this.path(`audit/${year}`))).sort()) {
        if (/^\d{2}\.jsonl$/.test(month)) files.push(`audit/${year}/${month}`);
      }
    }
    return files;
  }

  async readAuditLines(): Promise<string[]> {
    const lines: string[] = [];
    for (const file of await this.auditFiles()) {
      const raw = await readFile(this.path(file), "utf8");
      lines.push(...raw.split("\n").filter((line) => line.trim() !== ""));
    }
    return lines;
  }

  async currentAuditHead(): Promise<AuditHead | null> {
    const last = (await this.auditFiles()).at(-1);
    if (!last) return null;
    const lines = (await readFile(this.path(last), "utf8"))
      .split("\n")
      .filter((line) => line.trim() !== "");
    const line = lines.at(-1);
    return line ? (auditHeadOfLine(line) ?? null) : null;
  }

  async recordedAuditHead(): Promise<AuditHead | null> {
    return parseAuditHeadPointer(await readOrNull(this.path(AUDIT_HEAD_PATH)));
  }

  async appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    time: Date,
  ): Promise<CommitOutcome> {
    return withFileLock(this.path("locks/commit.lock"), async () => {
      if (!sameAuditHead(await this.currentAuditHead(), expected)) return "conflict";
      await this.appendAuditUnlocked(lines, time);
      return "committed";
    });
  }

  /** Appends to the month file of `time`, or to the newest file if a writer's clock is behind. */
  private async appendAuditUnlocked(lines: readonly string[], time: Date): Promise<void> {
    const newest = (await this.auditFiles()).at(-1);
    const byTime = auditPath(time);
    const target = newest && newest > byTime ? newest : byTime;
    await this.appendDurably(target, lines.map((line) => `${line}\n`).join(""));
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    if (head)
      await writeFileAtomic(
        this.path(AUDIT_HEAD_PATH),
        JSON.stringify({ ...head, file: target }) + "\n",
      );
  }

  async writeRecords(records: readonly StoreRecord[]): Promise<void> {
    for (const record of records) assertRecordPath(record.path);
    for (const record of records) {
      const written = await writeFileAtomic(this.path(record.path), record.bytes, {
        mode: 0o444,
        exclusive: true,
      });
      if (!written) {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${record.path} already exists in ${this.root}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name.",
          },
        );
      }
    }
  }

  async readRecord(path: string): Promise<Uint8Array | null> {
    assertRecordPath(path);
    return readOrNull(this.path(path));
  }

  async listRecords(prefix: string): Promise<string[]> {
    assertRecordPath(`${prefix.replace(/\/$/, "")}/x`);
    const found: string[] = [];
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(this.path(relative), { withFileTypes: true }).catch(
        (error: unknown) => {
          if (isMissing(error)) return [];
          throw error;
        },
      )) {
        if (entry.name.startsWith(TEMP_PREFIX)) continue;
        const child = `${relative}/${entry.name}`;
        if (entry.isDirectory()) await walk(child);
        else found.push(child);
      }
    };
    await walk(prefix.replace(/\/$/, ""));
    return found.sort();
  }
}
