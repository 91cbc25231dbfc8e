import { SnapgateError } from "../errors.js";
import type { Classification } from "../types.js";
import { computeBlobId } from "../crypto/blob-id.js";
import { collectFiles, type CollectedFile } from "./collect-files.js";
import type { FileState } from "./diff-file-states.js";
import { readCollectedFile } from "./read-collected-file.js";
import type { StatCache } from "./stat-cache.js";
import type { DiskFileSealed } from "./seal-file-from-disk.js";

export type SnapshotStage = "scan" | "hash" | "encrypt" | "commit";

export interface SnapshotProgress {
  stage: SnapshotStage;
  done: number;
  total: number;
}

export interface FileClassification extends Classification {
  /** Secret-class files are never compressed before encryption. */
  secret?: boolean;
}

export interface ScanTreeOptions {
  root: string;
  /** Files, directories or globs, relative to the root. */
  paths: readonly string[];
  /** Globs left out (e.g. --exclude). */
  exclude?: readonly string[];
  /** Further exclusion rules (the policy's): true leaves the file out. */
  isExcluded?: (path: string) => boolean;
  /** True when everything below a directory is excluded: it is not walked. */
  isExcludedDirectory?: (path: string) => boolean;
  skipDirectories?: readonly string[];
  /** Keys the blob ids: the writer key's MAC key. */
  macKey: Uint8Array;
  classify?: (path: string) => FileClassification;
  /** Files larger than this are refused before anything is written. */
  maxFileBytes?: number;
  /** Keep contents read while hashing (within a memory budget) so new blobs need no second read. */
  keepContent?: boolean;
  /** Blob ids the store is known to have (the previous snapshot's): their contents are not kept. */
  knownBlobs?: ReadonlySet<string>;
  /** Files whose stat it knows are not read: their blob id comes from the cache. */
  statCache?: StatCache;
  /** The clock the stat cache's racy window is measured with (tests move it). */
  now?: () => Date;
  onProgress?: (progress: SnapshotProgress) => void;
  /** Called with the number of files the walk has found so far (before hashing starts). */
  onFound?: (count: number) => void;
  /**
   * Reads, ids and seals a file elsewhere (a crypto worker, ADR 1112), all
   * files at once; undefined to read it on this thread as usual.
   */
  sealFile?: (
    file: CollectedFile,
    classification: FileClassification,
    maxBytes: number,
  ) => Promise<DiskFileSealed | undefined>;
}

export interface ScannedFile {
  file: CollectedFile;
  /** Keyed id of a regular file's content. */
  blob?: string;
  classification: FileClassification;
  content?: Uint8Array;
  /** Sealed while it was read (sealFile): a temp file the snapshot adopts or deletes. */
  sealed?: Pick<DiskFileSealed, "sha256" | "encoding" | "sealedSize" | "tempPath">;
}

/** A working tree as the snapshot engine and drift see it: files, keyed ids, classification. */
export interface ScannedTree {
  files: ScannedFile[];
  /** What diff, drift and --skip-unchanged compare (with each file's component). */
  states: FileState[];
  /** Directories that hold nothing: the manifest records them. */
  emptyDirectories: string[];
  uniqueIds: string[];
  bytes: number;
  excluded: string[];
  skipped: Array<{ path: string; reason: string }>;
  /** Regular files whose id came from the stat cache (not read). */
  cachedFiles: number;
  /** When the walk began (ms since the epoch): the stat cache's racy window is measured from it. */
  scannedAtMs: number;
}

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
const CONTENT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Collects the files the paths name and computes their keyed ids (pass 1 of a
 * snapshot; all of drift). Nothing is written and nothing is decrypted.
 */
export async function scanTree(options: ScanTreeOptions): Promise<ScannedTree> {
  const progress = options.onProgress ?? (() => undefined);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  progress({ stage: "scan", done: 0, total: 0 });
  const scannedAtMs = (options.now?.() ?? new Date()).getTime();
  const collected = await collectFiles({
    root: options.root,
    patterns: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories,
    ...(options.onFound ? { onFound: options.onFound } : {}),
  });
  progress({ stage: "scan", done: collected.files.length, total: collected.files.length });
  const tooLarge = collected.files.find((file) => file.type === "file" && file.size > maxFileBytes);
  if (tooLarge) {
    throw new SnapgateError(
      "TOO_LARGE",
      `${tooLarge.path} is ${(tooLarge.size / 1048576).toFixed(1)} MB; the limit is ${(maxFileBytes / 1048576).toFixed(0)} MB. Nothing was written.`,
      {
        fix: "Exclude it (exclude globs or the policy's exclude list): large artefacts are not configuration.",
      },
    );
  }
  // Content is kept while it fits the budget, so new blobs need no second read. Synchronous
  // reads on purpose: for many small files they are several times faster than the thread pool.
  let cached = 0;
  let cachedFiles = 0;
  let hashed = 0;
  const total = collected.files.length;
  const readHere = (file: CollectedFile, classification: FileClassification): ScannedFile => {
    // What was read is what is recorded: its size and stamp are the read's, not the walk's.
    const { content, stat } = readCollectedFile(file, maxFileBytes);
    const blob = computeBlobId(options.macKey, content);
    const keep =
      options.keepContent !== false &&
      !options.knownBlobs?.has(blob) &&
      cached + content.length <= CONTENT_CACHE_BYTES;
    if (keep) cached += content.length;
    const read: CollectedFile = {
      ...file,
      mode: stat.mode & 0o7777,
      size: content.length,
      stamp: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino },
    };
    return { file: read, blob, classification, ...(keep ? { content } : {}) };
  };
  const hashedOne = <T>(scanned: T): T => {
    progress({ stage: "hash", done: ++hashed, total });
    return scanned;
  };
  const known = (file: CollectedFile, classification: FileClassification) => {
    // A link has no content to read: it counts as hashed, so progress reaches the total.
    if (file.type === "symlink") return hashedOne({ file, classification });
    const blob = options.statCache?.lookup(file);
    if (blob === undefined) return undefined;
    cachedFiles++;
    return hashedOne({ file, blob, classification });
  };
  const sealFile = options.sealFile;
  let files: ScannedFile[];
  if (!sealFile) {
    files = collected.files.map((file) => {
      const classification = options.classify?.(file.path) ?? {};
      return known(file, classification) ?? hashedOne(readHere(file, classification));
    });
  } else {
    // Every file at once: the workers queue them. Each settles before any error is raised, so
    // no temp file is written after the caller has cleaned up.
    const settled = await Promise.allSettled(
      collected.files.map(async (file): Promise<ScannedFile> => {
        const classification = options.classify?.(file.path) ?? {};
        const cachedFile = known(file, classification);
        if (cachedFile) return cachedFile;
        const sealed = await sealFile(file, classification, maxFileBytes);
        if (!sealed) return hashedOne(readHere(file, classification));
        return hashedOne({
          file: { ...file, mode: sealed.mode & 0o7777, size: sealed.size, stamp: sealed.stamp },
          blob: sealed.blob,
          classification,
          sealed: {
            sha256: sealed.sha256,
            encoding: sealed.encoding,
            sealedSize: sealed.sealedSize,
            tempPath: sealed.tempPath,
          },
        });
      }),
    );
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    files = settled.map((result) => (result as PromiseFulfilledResult<ScannedFile>).value);
  }
  const states: FileState[] = files.map(({ file, blob, classification }) => {
    const component = classification.component ? { component: classification.component } : {};
    return file.type === "file"
      ? { path: file.path, type: "file", mode: file.mode, blob, ...component }
      : { path: file.path, type: "symlink", target: file.target, ...component };
  });
  return {
    files,
    states,
    emptyDirectories: collected.emptyDirectories,
    uniqueIds: [...new Set(files.flatMap(({ blob }) => (blob ? [blob] : [])))],
    bytes: files.reduce((sum, { file }) => sum + file.size, 0),
    excluded: collected.excluded,
    skipped: collected.skipped,
    cachedFiles,
    scannedAtMs,
  };
}
