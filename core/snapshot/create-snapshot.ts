import { unlink } from "node:fs/promises";
import { isSnapgateError, SnapgateError } from "../errors.js";
import {
  MANIFEST_V2_FORMAT,
  PHASES,
  STREAM_PATTERN,
  type Classification,
  type ConsistencyOutcome,
  type FileEntry,
  type ManifestCoverage,
  type Manifest,
  type ManifestRootBody,
  type Phase,
  type SnapshotMetadata,
} from "../types.js";
import { blobPath, type BlobRef, type Store, type WriteView } from "../store/store.js";
import { computeBlobId } from "../crypto/blob-id.js";
import { createSealer, type SealResult, type Sealer } from "../crypto/create-sealer.js";
import { parseRecipient } from "../crypto/age-keys.js";
import { recipientSetId } from "../crypto/recipient-set-id.js";
import { signManifest } from "../crypto/manifest-signature.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { loadSodium } from "../crypto/sodium.js";
import type { WriterKey } from "../crypto/writer-key.js";
import { chainAuditEvents, type AuditEventInput } from "../audit/audit-event.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { catalogEntryOf } from "./catalog-entry.js";
import { diffFileStates, isEmptyDiff, type FileState } from "./diff-file-states.js";
import {
  scanTree,
  type FileClassification,
  type ScannedFile,
  type ScannedTree,
  type ScanTreeOptions,
  type SnapshotProgress,
} from "./scan-tree.js";
import { openManifest } from "./open-manifest.js";
import { buildManifestNodes } from "./build-manifest-nodes.js";
import { readCollectedFile } from "./read-collected-file.js";
import { buildPack, type BuiltPack } from "./build-pack.js";
import { confirmPacked } from "./confirm-packed.js";
import { packedContentsOf } from "./packed-contents-of.js";
import { MIN_PACKED_BLOBS, planPacks } from "./plan-packs.js";
import type { StoredContent } from "./stored-content.js";
import type { StatCache } from "./stat-cache.js";

export type { FileClassification, SnapshotProgress, SnapshotStage } from "./scan-tree.js";

export interface CreateSnapshotOptions {
  store: Store;
  root: string;
  paths: readonly string[];
  exclude?: readonly string[];
  /** Further exclusion rules (the policy's). */
  isExcluded?: (path: string) => boolean;
  isExcludedDirectory?: (path: string) => boolean;
  stream: string;
  phase: Phase;
  /** The snapshot's time (restic's --time); defaults to now. */
  time?: Date;
  metadata?: Partial<Omit<SnapshotMetadata, "environment">>;
  recipients: readonly string[];
  writerKey: WriterKey;
  skipUnchanged?: boolean;
  classify?: (path: string) => FileClassification;
  policyDigest?: string | null;
  consistency?: ConsistencyOutcome[];
  /** Coverage facts for the gate, recorded in the manifest. */
  coverage?: ManifestCoverage;
  /** The tree, when the caller scanned it already (to judge it before writing). */
  tree?: ScannedTree;
  /** Files larger than this are refused before anything is written. */
  maxFileBytes?: number;
  skipDirectories?: readonly string[];
  /** Reuses blob ids of files whose stat is unchanged; saved again after a snapshot succeeds. */
  statCache?: StatCache;
  onProgress?: (progress: SnapshotProgress) => void;
  /** The bundled crypto worker (dist/workers/crypto-worker.js): large snapshots encrypt on every core. */
  sealWorkerUrl?: URL;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Seal many new small files in packs, one age file each (ADR 1114). Default true;
   * false keeps one age file per file (and a first snapshot's workers, ADR 1112).
   */
  packs?: boolean;
}

/** Contents this snapshot knows to lie in packs (ADR 1114), kept across its commit attempts. */
interface PackedContents {
  known: Map<string, StoredContent>;
  /** Whether the head snapshot's packs were read (once per snapshot). */
  headRead: boolean;
  /** The previous snapshot, when --skip-unchanged read it already. */
  head?: Manifest;
}

export interface SnapshotResult {
  skipped: boolean;
  id: string | null;
  stream: string;
  seq: number | null;
  previousId: string | null;
  files: number;
  bytes: number;
  newBlobs: number;
  reusedBlobs: number;
  /** Ciphertext bytes this snapshot added to the store. */
  bytesAdded: number;
  excluded: string[];
  skippedFiles: Array<{ path: string; reason: string }>;
  /** Files whose id came from the stat cache instead of being read and hashed. */
  cachedFiles: number;
  manifest: Manifest | null;
  attempts: number;
}

const MAX_ATTEMPTS = 25;
const MIN_FILES_TO_PRESTART = 200;

function validateOptions(options: CreateSnapshotOptions): void {
  if (!STREAM_PATTERN.test(options.stream)) {
    throw new SnapgateError("USAGE", `'${options.stream}' is not a valid environment name.`, {
      fix: "Use lower-case letters, digits, '.', '_' and '-' (at most 63 characters), e.g. prod or eu-staging.",
    });
  }
  if (!(PHASES as readonly string[]).includes(options.phase)) {
    throw new SnapgateError("USAGE", `'${options.phase}' is not a snapshot phase.`, {
      fix: `Use one of ${PHASES.join(", ")}.`,
    });
  }
  if (options.paths.length === 0) {
    throw new SnapgateError("USAGE", "No paths to snapshot were given.", {
      fix: "Name the files, directories or globs to back up, e.g. deploy/prod terraform/prod.",
    });
  }
}

function normalizeMetadata(
  stream: string,
  metadata: CreateSnapshotOptions["metadata"],
): SnapshotMetadata {
  const result: SnapshotMetadata = {
    environment: stream,
    tags: [...new Set(metadata?.tags ?? [])].sort(),
  };
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (key === "tags" || key === "environment" || value === undefined || value === "") continue;
    (result as unknown as Record<string, unknown>)[key] = value;
  }
  return result;
}

/** What pass 1 learned; shared by the steps below. */
interface Prepared {
  options: CreateSnapshotOptions;
  files: ScannedFile[];
  states: FileState[];
  emptyDirectories: string[];
  uniqueIds: string[];
  /** The recipient set every blob of this snapshot is sealed to (recipientSetId). */
  recipientSet: string;
  base: Pick<
    SnapshotResult,
    "stream" | "files" | "bytes" | "excluded" | "skippedFiles" | "cachedFiles"
  >;
  scannedAtMs: number;
  progress: (progress: SnapshotProgress) => void;
}

function assertRecipients(recipients: readonly string[]): void {
  if (recipients.length === 0) {
    throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
      fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup.",
    });
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
}

/** Collects the files and computes their keyed ids (pass 1), unless the caller did. Nothing is written. */
async function prepare(
  options: CreateSnapshotOptions,
  knownBlobs: ReadonlySet<string> | undefined,
  recipientSet: string,
  onFound: ScanTreeOptions["onFound"],
  sealFile: ScanTreeOptions["sealFile"],
): Promise<Prepared> {
  const progress = options.onProgress ?? (() => undefined);
  const tree =
    options.tree ??
    (await scanTree({
      root: options.root,
      paths: options.paths,
      exclude: options.exclude,
      isExcluded: options.isExcluded,
      isExcludedDirectory: options.isExcludedDirectory,
      skipDirectories: options.skipDirectories,
      macKey: options.writerKey.macKey,
      classify: options.classify,
      maxFileBytes: options.maxFileBytes,
      statCache: options.statCache,
      now: options.now,
      onProgress: progress,
      ...(knownBlobs ? { knownBlobs } : {}),
      ...(onFound ? { onFound } : {}),
      ...(sealFile ? { sealFile } : {}),
    }));
  return {
    options,
    files: tree.files,
    states: tree.states,
    emptyDirectories: tree.emptyDirectories ?? [],
    uniqueIds: tree.uniqueIds,
    recipientSet,
    base: {
      stream: options.stream,
      files: tree.files.length,
      bytes: tree.bytes,
      excluded: tree.excluded,
      skippedFiles: tree.skipped,
      cachedFiles: tree.cachedFiles,
    },
    scannedAtMs: tree.scannedAtMs,
    progress,
  };
}

/** Encrypts and stages every blob the view lacks (on a retry, usually none); returns where each file's content is. */
async function stageMissingBlobs(
  prepared: Prepared,
  view: WriteView,
  sealers: { current?: Promise<Sealer> },
  counts: { newBlobs: number; bytesAdded: number },
  sealedEarly: Set<string>,
  packed: PackedContents,
): Promise<Map<string, StoredContent>> {
  const { files, progress, options } = prepared;
  // Only blobs sealed to exactly this snapshot's recipients are reused; any other is sealed again.
  const located = new Map<string, StoredContent>();
  // Contents in packs (ADR 1114) have no blob of their own: found through the stat cache or
  // an earlier attempt of this snapshot (one lookup per pack), and when many are still
  // unknown, through the head snapshot. The store is asked for the other contents' blobs at
  // the same time, and for those of a pack it no longer holds after.
  const findPacked = async (ids: readonly string[]) => {
    const confirmed = await confirmPacked(view, packed.known, ids, prepared.recipientSet);
    for (const [id, content] of confirmed) located.set(id, content);
  };
  const findAlone = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    for (const [id, ref] of await view.findBlobs(ids, prepared.recipientSet))
      located.set(id, { ref, encoding: ref.encoding });
  };
  const inPacks = prepared.uniqueIds.filter((id) => packed.known.has(id));
  await Promise.all([
    findPacked(inPacks),
    findAlone(prepared.uniqueIds.filter((id) => !packed.known.has(id))),
  ]);
  await findAlone(inPacks.filter((id) => !located.has(id)));
  const unresolved = prepared.uniqueIds.filter((id) => !located.has(id));
  if (unresolved.length >= MIN_PACKED_BLOBS && view.head && !packed.headRead) {
    packed.headRead = true;
    const head =
      packed.head ??
      (await openManifest(
        options.store,
        await view.head.loadManifest(),
        `manifest ${options.stream}@${view.head.seq}`,
      ));
    for (const [id, content] of packedContentsOf(head))
      if (!packed.known.has(id)) packed.known.set(id, content);
    await findPacked(unresolved);
  }
  const seen = new Set<string>();
  const missing = files.filter((entry) => {
    if (entry.blob === undefined || located.has(entry.blob) || seen.has(entry.blob)) return false;
    seen.add(entry.blob);
    return true;
  });
  // A first snapshot's workers sealed each file already (ADR 1112, only without packs).
  const { packs, alone } =
    options.packs === false || missing.some((entry) => entry.sealed)
      ? { packs: [], alone: missing }
      : planPacks(
          missing,
          (entry) => entry.file.size,
          (entry) => entry.blob as string,
        );
  const total = missing.length;
  const expectedBlobs = packs.length + alone.length;
  let sealed = 0;
  // Enough in flight that the file writes overlap the encryption.
  await mapWithConcurrency(alone, 16, async (entry) => {
    // Sealed by the worker that read it (ADR 1112), whose temp file the view takes over, or here.
    const blob =
      entry.sealed && view.adoptStagedBlob
        ? takeSealedEarly(entry, sealedEarly)
        : await sealHere(prepared, view, sealers, entry, expectedBlobs);
    const ref: BlobRef = {
      id: entry.blob as string,
      sha256: blob.sha256,
      encoding: blob.encoding,
      recipientSet: prepared.recipientSet,
    };
    await stage(view, ref, blob);
    located.set(ref.id, { ref, encoding: ref.encoding });
    counts.newBlobs += 1;
    counts.bytesAdded += blob.size;
    delete entry.content;
    progress({ stage: "encrypt", done: ++sealed, total });
  });
  // Each pack's plaintext first: a store that holds the same pack (another environment's
  // identical files) already has it sealed to these recipients, and it is reused.
  const built = packs.map((members) => {
    const pack = buildPack(
      members.map((entry) => ({
        content: contentToSeal(prepared, entry),
        compress: !entry.classification.secret,
      })),
    );
    for (const entry of members) delete entry.content;
    return { members, pack, id: computeBlobId(options.writerKey.macKey, pack.plaintext) };
  });
  const held =
    built.length > 0
      ? await view.findBlobs(
          built.map(({ id }) => id),
          prepared.recipientSet,
        )
      : new Map<string, BlobRef>();
  await mapWithConcurrency(built, 2, async ({ members, pack, id }) => {
    // A blob of this id holds exactly this plaintext; "none": it is stored as it is.
    const stored = held.get(id);
    let ref: BlobRef;
    if (stored?.encoding === "none") {
      ref = stored;
    } else {
      const blob = await sealBlob(
        prepared,
        view,
        sealers,
        id,
        pack.plaintext,
        false,
        expectedBlobs,
      );
      ref = { id, sha256: blob.sha256, encoding: "none", recipientSet: prepared.recipientSet };
      await stage(view, ref, blob);
      counts.newBlobs += members.length;
      counts.bytesAdded += blob.size;
    }
    members.forEach((entry, index) => {
      const slice = pack.slices[index] as BuiltPack["slices"][number];
      const content: StoredContent = {
        ref,
        encoding: slice.encoding,
        pack: { blob: id, offset: slice.offset, length: slice.length },
      };
      located.set(entry.blob as string, content);
      packed.known.set(entry.blob as string, content);
    });
    sealed += members.length;
    progress({ stage: "encrypt", done: sealed, total });
  });
  return located;
}

/** Stages a sealed blob: a temp file its thread wrote, taken over by the view, or the bytes. */
async function stage(view: WriteView, ref: BlobRef, blob: SealResult): Promise<void> {
  if (blob.tempPath && view.adoptStagedBlob) await view.adoptStagedBlob(ref, blob.tempPath);
  else await view.stageBlob({ ...ref, ciphertext: blob.ciphertext });
}

/** A worker's temp file for this entry (sealFile), now the snapshot's to adopt: no longer cleaned up as unused. */
function takeSealedEarly(entry: ScannedFile, sealedEarly: Set<string>): SealResult {
  const early = entry.sealed as NonNullable<ScannedFile["sealed"]>;
  sealedEarly.delete(early.tempPath);
  delete entry.sealed;
  return {
    ciphertext: new Uint8Array(0),
    sha256: early.sha256,
    encoding: early.encoding,
    size: early.sealedSize,
    tempPath: early.tempPath,
  };
}

/** Reads the entry's content again unless it was kept, checks it is what was hashed, and seals it. */
async function sealHere(
  prepared: Prepared,
  view: WriteView,
  sealers: { current?: Promise<Sealer> },
  entry: ScannedFile,
  expectedBlobs: number,
): Promise<SealResult> {
  const content = contentToSeal(prepared, entry);
  return sealBlob(
    prepared,
    view,
    sealers,
    entry.blob as string,
    content,
    !entry.classification.secret,
    expectedBlobs,
    // Content read here is this snapshot's own, and allocUnsafe takes 4 KiB or more outside
    // Node's shared pool: such a buffer moves to a crypto worker instead of being copied.
    content.byteLength >= Buffer.poolSize >>> 1,
  );
}

/** The entry's content, read again unless it was kept; it must still be what was hashed. */
function contentToSeal(prepared: Prepared, entry: ScannedFile): Uint8Array {
  const { options } = prepared;
  const content = entry.content ?? readCollectedFile(entry.file, options.maxFileBytes).content;
  // The manifest records entry.file.size: a blob of other bytes would never restore.
  if (
    content.length !== entry.file.size ||
    (!entry.content && computeBlobId(options.writerKey.macKey, content) !== entry.blob)
  ) {
    throw new SnapgateError(
      "CONFLICT",
      `${entry.file.path} changed while the snapshot was being taken.`,
      {
        fix: "Run the snapshot again once whatever writes the configuration has finished (if the file did not change, run it with --no-cache: the stat cache was wrong).",
      },
    );
  }
  return content;
}

/** Seals one blob (a file's content or a pack's plaintext) on the snapshot's sealer. */
async function sealBlob(
  prepared: Prepared,
  view: WriteView,
  sealers: { current?: Promise<Sealer> },
  id: string,
  plaintext: Uint8Array,
  compress: boolean,
  expectedBlobs: number,
  transfer = false,
): Promise<SealResult> {
  const { options } = prepared;
  sealers.current ??= createSealer(options.recipients, {
    workerUrl: options.sealWorkerUrl,
    expectedBlobs,
    armor: options.store.armorBlobs,
  });
  // A file store lets the encrypting thread write the blob itself (no per-blob I/O here).
  const writeInto = view.adoptStagedBlob ? await view.blobStagingDirectory?.(id) : undefined;
  return (await sealers.current).seal(plaintext, compress, writeInto, { transfer });
}

function fileEntries(
  files: readonly ScannedFile[],
  located: ReadonlyMap<string, StoredContent>,
): FileEntry[] {
  return files.map(({ file, blob, classification }) => {
    const classes: Classification = {};
    if (classification.component) classes.component = classification.component;
    if (classification.tier) classes.tier = classification.tier;
    if (classification.owner) classes.owner = classification.owner;
    if (file.type === "symlink")
      return { type: "symlink", path: file.path, target: file.target ?? "", ...classes };
    const { ref, encoding, pack } = located.get(blob as string) as StoredContent;
    return {
      type: "file",
      path: file.path,
      mode: file.mode,
      size: file.size,
      blob: blob as string,
      encoding,
      ciphertextSha256: ref.sha256,
      ...(ref.recipientSet ? { recipientSet: ref.recipientSet } : {}),
      ...(pack ? { pack } : {}),
      ...classes,
    };
  });
}

/** The stored objects a snapshot's files name, each once (a pack's members share one). */
function storedObjects(located: ReadonlyMap<string, StoredContent>): BlobRef[] {
  return [...new Map([...located.values()].map(({ ref }) => [blobPath(ref), ref])).values()];
}

/**
 * Takes one snapshot: collect, id by keyed hash, encrypt only what the store
 * lacks, then sign and commit the manifest by compare-and-swap on the stream
 * head. On a lost race it re-reads the head, re-links and re-signs.
 */
export async function createSnapshot(options: CreateSnapshotOptions): Promise<SnapshotResult> {
  validateOptions(options);
  assertRecipients(options.recipients);
  const recipients = [...new Set(options.recipients)];
  const recipientSet = recipientSetId(recipients);
  let view: WriteView = await beginWriteOrInitialize(options.store, options.stream);
  const sealers: { current?: Promise<Sealer> } = {};
  /** Temp files workers sealed while reading (ADR 1112) that no blob has adopted yet. */
  const sealedEarly = new Set<string>();
  let committed = false;
  try {
    // With --skip-unchanged the previous snapshot is read first: it is compared with anyway,
    // and files it already holds need not be kept in memory while hashing.
    const previous =
      options.skipUnchanged && view.head
        ? await readPreviousManifest(
            options.store,
            await view.head.loadManifest(),
            `manifest ${options.stream}@${view.head.seq}`,
            options.statCache,
          )
        : null;
    // Blobs of the previous snapshot sealed to other recipients will be sealed again: not "known".
    const knownBlobs = previous
      ? new Set(
          previous.manifest.files.flatMap((file) =>
            file.type === "file" && file.recipientSet === recipientSet ? [file.blob] : [],
          ),
        )
      : undefined;
    // Asked now, the store lists those blobs (local store: directory reads on the thread
    // pool) while this thread hashes; the presence check after the scan then finds them ready.
    if (knownBlobs) view.findBlobs([...knownBlobs], recipientSet).catch(() => undefined);
    // A new environment's first snapshot stores everything: start the encryption workers
    // (~250 ms to load) as soon as the walk has found enough files for the pool (not only
    // once it ends, ADR 1111), while the files are hashed.
    // With packs (ADR 1114) a first snapshot seals a few dozen age files: this thread does.
    const packs = options.packs !== false;
    const prestart = (files: number): void => {
      if (packs || files < MIN_FILES_TO_PRESTART || view.head || sealers.current) return;
      sealers.current = createSealer(options.recipients, {
        workerUrl: options.sealWorkerUrl,
        expectedBlobs: files,
        armor: options.store.armorBlobs,
        // A file store takes temp files its workers wrote: they may read and seal the files too.
        ...(view.blobStagingRoot && view.adoptStagedBlob
          ? { macKey: options.writerKey.macKey }
          : {}),
      });
      // An error surfaces where the sealer is awaited.
      sealers.current.catch(() => undefined);
    };
    // A new environment's files are almost all new blobs: the workers read, id and seal them
    // while this thread walks, instead of this thread reading and hashing them first (ADR
    // 1112). A blob the store turns out to hold already is sealed in vain and its temp deleted.
    const blobsRoot = view.head || packs ? undefined : view.blobStagingRoot?.();
    blobsRoot?.catch(() => undefined);
    const sealFile: ScanTreeOptions["sealFile"] = async (file, classification, maxBytes) => {
      const sealer =
        blobsRoot && sealers.current ? await sealers.current.catch(() => undefined) : undefined;
      if (!sealer?.sealFile || !blobsRoot) return undefined;
      const sealed = await sealer.sealFile({
        absolute: file.absolute,
        shown: file.path,
        ...(file.dev !== undefined && file.stamp
          ? { expect: { dev: file.dev, ino: file.stamp.ino } }
          : {}),
        maxBytes,
        compress: !classification.secret,
        blobsRoot: await blobsRoot,
      });
      if (sealed) sealedEarly.add(sealed.tempPath);
      return sealed;
    };
    const prepared = await prepare(
      {
        ...options,
        onProgress: (progress) => {
          if (progress.stage === "scan") prestart(progress.total);
          options.onProgress?.(progress);
        },
      },
      knownBlobs,
      recipientSet,
      prestart,
      blobsRoot ? sealFile : undefined,
    );

    if (options.skipUnchanged && view.head && previous) {
      // A new policy (other components, tiers or rules) is worth a snapshot even if no file changed.
      const samePolicy = previous.manifest.policyDigest === (options.policyDigest ?? null);
      const sameDirectories =
        (previous.manifest.emptyDirectories ?? []).join("\0") ===
        prepared.emptyDirectories.join("\0");
      // So are new recipients: the latest snapshot must open for each of them.
      const sameRecipients = previous.manifest.files.every(
        (file) => file.type !== "file" || file.recipientSet === recipientSet,
      );
      if (
        samePolicy &&
        sameDirectories &&
        sameRecipients &&
        recipientSetId(previous.manifest.recipients) === recipientSet &&
        isEmptyDiff(diffFileStates(previous.manifest.files, prepared.states))
      ) {
        options.statCache?.save(
          prepared.files,
          prepared.scannedAtMs,
          previous.sha256,
          packedContentsOf(previous.manifest),
        );
        return {
          ...prepared.base,
          skipped: true,
          id: view.head.sha256,
          seq: view.head.seq,
          previousId: view.head.sha256,
          newBlobs: 0,
          reusedBlobs: 0,
          bytesAdded: 0,
          manifest: previous.manifest,
          attempts: 1,
        };
      }
    }

    const now = options.now ?? (() => new Date());
    const counts = { newBlobs: 0, bytesAdded: 0 };
    const packed: PackedContents = {
      // What the last snapshot of this root packed: usually all this one reuses (ADR 1114).
      known: options.statCache?.packedContents() ?? new Map(),
      headRead: false,
      ...(previous ? { head: previous.manifest } : {}),
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await stageMissingBlobs(prepared, view, sealers, counts, sealedEarly, packed);
      const written = now();
      const files = fileEntries(prepared.files, stored);
      // Nodes the previous snapshots already stored are reused by id: only changed runs are new.
      const nodes = buildManifestNodes(files);
      const body: ManifestRootBody = {
        format: MANIFEST_V2_FORMAT,
        stream: options.stream,
        seq: (view.head?.seq ?? 0) + 1,
        prev: view.head?.sha256 ?? null,
        phase: options.phase,
        time: (options.time ?? written).toISOString(),
        writtenAt: written.toISOString(),
        metadata: normalizeMetadata(options.stream, options.metadata),
        policyDigest: options.policyDigest ?? null,
        recipients,
        recipientSets: { [recipientSet]: { recipients: [...recipients].sort() } },
        nodes: nodes.ids,
        ...(prepared.emptyDirectories.length
          ? { emptyDirectories: prepared.emptyDirectories }
          : {}),
        ...(options.consistency ? { consistency: options.consistency } : {}),
        ...(options.coverage ? { coverage: options.coverage } : {}),
      };
      const root = signManifest(await loadSodium(), body, options.writerKey);
      // The signature covers the canonical (RFC 8785) body; the file itself is plain JSON.
      const manifestBytes = new TextEncoder().encode(JSON.stringify(root));
      const manifest: Manifest = { ...root, files };
      const id = sha256Hex(manifestBytes);
      const audit = chainAuditEvents(view.auditHead, [
        snapshotAuditEvent(manifest, id, written, counts.newBlobs),
      ]);
      prepared.progress({ stage: "commit", done: 0, total: 1 });
      const outcome = await options.store.commitSnapshot({
        view,
        seq: body.seq,
        manifest: manifestBytes,
        blobs: storedObjects(stored),
        nodes: nodes.files,
        catalogEntry: catalogEntryOf(manifest, id),
        auditLines: audit.lines,
        time: written,
      });
      if (outcome === "committed") {
        committed = true;
        prepared.progress({ stage: "commit", done: 1, total: 1 });
        options.statCache?.save(prepared.files, prepared.scannedAtMs, id, stored);
        return {
          ...prepared.base,
          skipped: false,
          id,
          seq: body.seq,
          previousId: view.head?.sha256 ?? null,
          newBlobs: counts.newBlobs,
          reusedBlobs: prepared.uniqueIds.length - counts.newBlobs,
          bytesAdded: counts.bytesAdded,
          manifest,
          attempts: attempt,
        };
      }
      // Lost the race: back off a little (jittered), then re-read the heads.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt)),
      );
      view = await options.store.beginWrite(options.stream, view);
    }
  } finally {
    // A failed snapshot (a full disk, a changed file) leaves none of its temp files behind,
    // and no snapshot leaves a blob sealed in vain (one the store held, or a duplicate).
    if (!committed) await view.discard?.().catch(() => undefined);
    await Promise.all([...sealedEarly].map((path) => unlink(path).catch(() => undefined)));
    // Workers keep the process alive: always stop them, whatever went wrong.
    if (sealers.current)
      await sealers.current.then(
        (sealer) => sealer.close(),
        () => undefined,
      );
  }
  throw new SnapgateError(
    "CONFLICT",
    `Could not commit to ${options.store.location} after ${MAX_ATTEMPTS} attempts.`,
    {
      fix: "Too many writers raced for the same stream; run the snapshot again.",
    },
  );
}

/**
 * The stream's latest manifest, for --skip-unchanged. Bytes whose sha256 the
 * stat cache (authenticated with this writer key) names are ones this writer
 * wrote or checked before: parsed without the schema check, which costs
 * ~15 ms in a fresh process for 2,000 files. Any other bytes are checked.
 */
async function readPreviousManifest(
  store: Store,
  bytes: Uint8Array,
  where: string,
  statCache: StatCache | undefined,
): Promise<{ manifest: Manifest; sha256: string }> {
  const sha256 = sha256Hex(bytes);
  const trusted = statCache?.knowsManifest(sha256)
    ? (JSON.parse(Buffer.from(bytes).toString("utf8")) as Manifest)
    : null;
  // A v2 root's nodes are read (and hash-checked) whatever the cache says.
  const manifest =
    trusted && trusted.format !== MANIFEST_V2_FORMAT
      ? trusted
      : await openManifest(store, bytes, where);
  return { manifest, sha256 };
}

/** The first snapshot creates the store; later ones pay no extra read to find out it exists. */
async function beginWriteOrInitialize(store: Store, stream: string): Promise<WriteView> {
  try {
    return await store.beginWrite(stream);
  } catch (error) {
    if (!isSnapgateError(error, "STORE_MISSING")) throw error;
    await store.initialize();
    return store.beginWrite(stream);
  }
}

function snapshotAuditEvent(
  manifest: Manifest,
  id: string,
  time: Date,
  newBlobs: number,
): AuditEventInput {
  return {
    type: "snapshot.created",
    time,
    actor: {
      kind: "writer",
      key: manifest.signature.key,
      ...(manifest.metadata.deployer ? { login: manifest.metadata.deployer } : {}),
    },
    subject: { stream: manifest.stream, seq: manifest.seq, snapshot: id },
    details: {
      phase: manifest.phase,
      files: manifest.files.length,
      newBlobs,
      ...(manifest.metadata.commit ? { commit: manifest.metadata.commit } : {}),
      ...(manifest.metadata.changeId ? { changeId: manifest.metadata.changeId } : {}),
    },
  };
}
