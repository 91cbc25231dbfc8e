import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  unlink,
} from "node:fs/promises";
import type { Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import picomatch from "picomatch";
import { SnapgateError } from "../errors.js";
import type { FileEntry, Manifest, RegularFileEntry, SymlinkEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { flushFiles, tempPathFor } from "../store/atomic-file.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import type { OpenedFileWrite } from "../crypto/write-opened-temp-file.js";
import { loadSodium } from "../crypto/sodium.js";
import type { LoadedSnapshot } from "./load-snapshot.js";
import { assertSafeRestorePaths, type UnsafePath } from "./check-restore-paths.js";
import { signatureProblem } from "./signature-problem.js";
import type { WriterKeyRule } from "../policy/policy.js";
import { openVerifiedBlob } from "./open-verified-blob.js";
import { assertBlobIntact } from "./assert-blob-intact.js";
import { createFileOpener, type FileOpener, type OpenArgs } from "../crypto/create-opener.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { BLOB_WINDOW, forEachBlobWindow } from "./for-each-blob-window.js";
import { rewrapResolver } from "../rekey/rewrap-resolver.js";
import { assertIdentityOpensSnapshot } from "../rekey/assert-identity-opens-snapshot.js";
import type { ChangeKind } from "./diff-file-states.js";
import { findLinkWarnings } from "./find-link-warnings.js";
import {
  FOLDING_EVERYTHING,
  findUnrestorableNames,
  type NameFolding,
} from "./find-unrestorable-names.js";
import { probeNameFolding } from "./probe-name-folding.js";
import { inspectRestoreTarget, type RestoreEntry } from "./inspect-restore-target.js";
import { findExtraFiles, type ExtraFile } from "./find-extra-files.js";
import { blobContextOf } from "./blob-context-of.js";
import { blobRefOf } from "./blob-ref-of.js";

export interface RestoreOptions {
  store: Store;
  snapshot: LoadedSnapshot;
  opener: BlobOpener;
  /** Verify keys the manifest's signature must match. */
  trustedKeys: readonly string[];
  /** The policy's keys.writers: a signature by a key outside its period is refused. */
  writerPeriods?: readonly WriterKeyRule[];
  /** Restore without checking who signed the manifest (explicit opt-out). */
  skipSignatureCheck?: boolean;
  target: string;
  include?: readonly string[];
  /** Globs of the snapshot's paths not to restore (e.g. names the target cannot hold). */
  exclude?: readonly string[];
  /** Allow a non-empty target; files are replaced atomically, others are left alone. */
  overwrite?: boolean;
  /** Remove what the target holds inside the selection that the snapshot does not (needs overwrite or dryRun). */
  deleteExtra?: boolean;
  /** Decrypt and compare with the target, write nothing. */
  dryRun?: boolean;
  /** The bundled crypto worker (dist/workers/crypto-worker.js): large restores decrypt on every core. */
  workerUrl?: URL;
  /**
   * A file opener the caller started before the manifest was read (its workers
   * load meanwhile, ADR 1109); the restore uses it instead of starting one, and
   * closes it whatever happens.
   */
  fileOpener?: Promise<FileOpener>;
  /** How the target's file system compares names; probed when it matters (tests set it). */
  nameFolding?: NameFolding;
  onProgress?: (done: number, total: number) => void;
}

/** `extra`: in the target, inside the selection, not in the snapshot (kept); `delete`: the same, removed. */
export type PlannedAction = "create" | "update" | "unchanged" | "extra" | "delete";

export interface PlannedChange {
  /** Relative; a directory ends with /. */
  path: string;
  action: PlannedAction;
  /** For an update found by a dry run: what differs. */
  changes?: ChangeKind[];
}

export interface RestoreResult {
  id: string;
  stream: string;
  seq: number;
  target: string;
  dryRun: boolean;
  files: number;
  symlinks: number;
  /** Empty directories of the snapshot. */
  directories: number;
  /** Files, links and directories removed (or, in a dry run, to remove) with deleteExtra. */
  deleted: number;
  bytes: number;
  plan: PlannedChange[];
  /** Symlinks restored as links that point out of the tree or through another link. */
  warnings: UnsafePath[];
}

/** Strip setuid, setgid and sticky bits: a restore never creates privileged files. */
export function safeMode(mode: number): number {
  return mode & 0o777;
}

/** The target must be a real directory (never a link to one) or missing; says whether it is empty. */
async function inspectTargetDirectory(dir: string): Promise<"missing" | "empty" | "full"> {
  let info;
  try {
    info = await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  if (info.isSymbolicLink()) {
    const real = await readlink(dir).catch(() => "?");
    throw new SnapgateError(
      "UNSAFE_PATH",
      `The restore target ${dir} is not a directory (it is a symlink, to ${real}). Nothing was written.`,
      {
        fix: "A restore never writes through a link: pass the directory itself as --to (its real path).",
      },
    );
  }
  if (!info.isDirectory()) {
    throw new SnapgateError("UNSAFE_PATH", `The restore target ${dir} is not a directory.`, {
      fix: "Restore into a new directory (--to DIR).",
    });
  }
  return (await readdir(dir)).length === 0 ? "empty" : "full";
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function listed(problems: readonly UnsafePath[], limit = 10): string {
  const shown = problems.slice(0, limit).map((p) => `'${p.path}' (${p.reason})`);
  return `${shown.join(", ")}${problems.length > limit ? ` and ${problems.length - limit} more` : ""}`;
}

/** Compares what a dry run decrypted with what is at its place. */
async function compareFile(
  absolute: string,
  existing: Stats | undefined,
  file: RegularFileEntry,
  content: Uint8Array,
): Promise<PlannedChange> {
  if (!existing) return { path: file.path, action: "create" };
  if (!existing.isFile()) return { path: file.path, action: "update", changes: ["type"] };
  const changes: ChangeKind[] = [];
  if (!(await readFile(absolute)).equals(content)) changes.push("content");
  if ((existing.mode & 0o7777) !== safeMode(file.mode)) changes.push("mode");
  return changes.length
    ? { path: file.path, action: "update", changes }
    : { path: file.path, action: "unchanged" };
}

async function compareLink(
  absolute: string,
  existing: Stats | undefined,
  link: SymlinkEntry,
): Promise<PlannedChange> {
  if (!existing) return { path: link.path, action: "create" };
  if (!existing.isSymbolicLink()) return { path: link.path, action: "update", changes: ["type"] };
  return (await readlink(absolute)) === link.target
    ? { path: link.path, action: "unchanged" }
    : { path: link.path, action: "update", changes: ["target"] };
}

/**
 * Restores a snapshot into a directory, all or nothing. Before anything is
 * created: the signature, every path, whether the identity is a recipient,
 * whether the target's file system can hold every name, every conflict in the
 * target, and (beyond one window of blobs) that every blob is present. Then
 * each blob is hash-checked and decrypted into a temp file beside its place,
 * with its mode (never setuid); on any failure every temp file and directory
 * this restore made is removed. Only when all are written and durable is each
 * renamed into place; symlinks are renamed in last, so nothing is ever
 * written through one.
 */
export async function restoreSnapshot(options: RestoreOptions): Promise<RestoreResult> {
  // An opener the caller started is closed whatever happens (a dry run does not use one).
  let opening = options.fileOpener;
  opening?.catch(() => undefined);
  try {
    const { manifest } = options.snapshot;
    const selection = selectEntries(manifest, options.include, options.exclude);
    const regularCount = selection.files.filter((file) => file.type === "file").length;
    // The crypto workers load (~250 ms each) while this thread checks the signature, the
    // paths, the target and the store (ADR 1103); a refused restore just stops them.
    // (Few files: a thread-mode opener, no workers.)
    if (!options.dryRun) {
      opening ??= createFileOpener(options.opener, {
        ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
        expectedBlobs: regularCount,
      });
      opening.catch(() => undefined);
    }
    return await restoreSelection(options, selection, options.dryRun ? undefined : opening);
  } finally {
    await opening?.then(
      (files) => files.close(),
      () => undefined,
    );
  }
}

async function restoreSelection(
  options: RestoreOptions,
  selection: Selection,
  opening: Promise<FileOpener> | undefined,
): Promise<RestoreResult> {
  const { manifest, id } = options.snapshot;
  const where = `snapshot ${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  if (!options.skipSignatureCheck) {
    const problem = signatureProblem(
      await loadSodium(),
      manifest,
      options.trustedKeys,
      where,
      options.writerPeriods,
    );
    if (problem)
      throw new SnapgateError("INTEGRITY", `${problem.message} Nothing was restored.`, {
        fix: problem.fix,
      });
  }
  const emptyDirectories = manifest.emptyDirectories ?? [];
  assertSafeRestorePaths(manifest.files, where, emptyDirectories);

  const regular = selection.files.filter((file): file is RegularFileEntry => file.type === "file");
  const links = selection.files.filter((file): file is SymlinkEntry => file.type === "symlink");
  if (regular.length > 0) {
    await assertIdentityOpensSnapshot(options.opener, options.store, manifest, options.trustedKeys);
  }

  if (options.deleteExtra && !options.overwrite && !options.dryRun) {
    throw new SnapgateError("USAGE", "--delete removes files from the target: it needs --force.", {
      fix: "See what it would remove with --dry-run --delete first, then pass --force --delete.",
    });
  }
  const target = resolve(options.target);
  const state = await inspectTargetDirectory(target);
  if (!options.dryRun && !options.overwrite && state === "full") {
    throw new SnapgateError("USAGE", `The restore target ${target} is not empty.`, {
      fix: "Restore into a new or empty directory, or pass --force to replace the snapshot's files in place (other files are left alone).",
    });
  }

  await assertNamesFit(selection, target, options.nameFolding, where);
  const entries: RestoreEntry[] = [
    ...selection.files.map((file) => ({ path: file.path, type: file.type })),
    ...selection.directories.map((path) => ({ path, type: "directory" as const })),
  ];
  const inspection = inspectRestoreTarget(target, entries, state !== "full");
  if (inspection.conflicts.length > 0) {
    const first = inspection.conflicts[0] as UnsafePath;
    const more = inspection.conflicts.length - 1;
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to write ${first.path}: ${first.reason}${more > 0 ? ` (and ${more} more: ${listed(inspection.conflicts.slice(1))})` : ""}. Nothing was written.`,
      {
        fix: "Remove or move what is in the way, restore into a new directory, or leave these paths out with --exclude.",
        details: { conflicts: inspection.conflicts },
      },
    );
  }
  const extras =
    state === "full" && (options.overwrite || options.dryRun)
      ? findExtraFiles(target, extraScope(manifest, selection, options, inspection.knownInodes))
      : [];
  const warnings = findLinkWarnings(selection.files);
  await assertBlobsPresent(options.store, regular, where, options.trustedKeys);

  const total = selection.files.length;
  let done = 0;
  const plan: PlannedChange[] = [];
  let bytes = 0;
  const extraAction: PlannedAction = options.deleteExtra ? "delete" : "extra";
  const extraPlan = extras.map(({ path }) => ({ path, action: extraAction }));
  const missing = new Set(inspection.missingDirectories);
  const directoryPlan = selection.directories
    .filter((dir) => missing.has(dir))
    .map((dir) => ({ path: `${dir}/`, action: "create" as const }));

  if (options.dryRun) {
    // A window of blobs is read at once: a GitHub store answers it with one request.
    await forEachBlobWindow(
      options.store,
      regular,
      async (file, ciphertext) => {
        const content = await openVerifiedBlob(
          options.store,
          options.opener,
          manifest,
          file,
          where,
          ciphertext,
        );
        bytes += content.length;
        const absolute = join(target, ...file.path.split("/"));
        plan.push(await compareFile(absolute, inspection.existing.get(file.path), file, content));
        options.onProgress?.(++done, total);
      },
      4,
      (files, blobs) =>
        files.forEach((file, i) =>
          assertBlobIntact(blobs[i] ?? null, file, where, options.store.location),
        ),
      rewrapResolver(options.store, await loadSodium(), options.trustedKeys),
    );
    for (const link of links) {
      const absolute = join(target, ...link.path.split("/"));
      plan.push(await compareLink(absolute, inspection.existing.get(link.path), link));
      options.onProgress?.(++done, total);
    }
  } else {
    // A new or empty target is written whole into a staging directory beside it and renamed
    // onto it at once (ADR 1108); into a non-empty one, file by file. (Windows cannot rename a
    // directory onto an empty one: there an empty target goes file by file too.)
    const fileByFile = state === "full" || (state === "empty" && process.platform === "win32");
    const write = fileByFile ? writeAll : writeStaged;
    bytes = await write(options, opening as Promise<FileOpener>, {
      target,
      targetExists: state !== "missing",
      missingDirectories: inspection.missingDirectories,
      regular,
      links,
      where,
      onFile: () => options.onProgress?.(++done, total),
    });
    for (const file of selection.files)
      plan.push({
        path: file.path,
        action: inspection.existing.has(file.path) ? "update" : "create",
      });
    if (options.deleteExtra) await deleteExtras(target, extras);
  }
  plan.push(...directoryPlan, ...extraPlan);
  plan.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    target,
    dryRun: options.dryRun ?? false,
    files: regular.length,
    symlinks: links.length,
    directories: selection.directories.length,
    deleted: options.deleteExtra ? extras.length : 0,
    bytes,
    plan,
    warnings,
  };
}

interface WritePlan {
  target: string;
  targetExists: boolean;
  missingDirectories: readonly string[];
  regular: readonly RegularFileEntry[];
  links: readonly SymlinkEntry[];
  where: string;
  onFile: () => void;
}

/** Decryptions a local store's restore keeps in flight: requests carry a path, not bytes. */
const FILE_REQUESTS_IN_FLIGHT = 16;

/**
 * Decrypts every regular file of the plan into `openInto`'s file for
 * `destinationOf` (a temp beside it, or the name itself with `how.atTarget`).
 * From a local store with crypto workers, each worker reads and checks its
 * blobs itself (Store.blobFilePath, readBlobFile); otherwise blobs are read
 * here window by window, each window checked before any of it is decrypted.
 * Either way a blob is checked against the signed hash before it is opened.
 * Calls `written` with each path made; on a failure, waits for the
 * decryptions in flight before rethrowing, so the caller's clean-up sees
 * every file. Returns the bytes.
 */
async function decryptFiles(
  options: RestoreOptions,
  opening: Promise<FileOpener>,
  plan: WritePlan,
  destinationOf: (file: RegularFileEntry) => string,
  how: OpenedFileWrite | undefined,
  written: (path: string, destination: string) => void,
): Promise<number> {
  const { where } = plan;
  const { manifest } = options.snapshot;
  const { store } = options;
  const inFlight = new Set<Promise<unknown>>();
  let failed = false;
  let bytes = 0;
  const checkWindow = (
    window: readonly RegularFileEntry[],
    blobs: ReadonlyArray<Uint8Array | null>,
  ) => window.forEach((file, i) => assertBlobIntact(blobs[i] ?? null, file, where, store.location));
  const opener = await opening;
  const resolveMissing = rewrapResolver(store, await loadSodium(), options.trustedKeys);
  const contextOf = (file: RegularFileEntry) => blobContextOf(manifest, file, where);
  const done = (file: RegularFileEntry, path: string, destination: string) => {
    written(path, destination);
    bytes += file.size;
    plan.onFile();
  };
  // How to decrypt a file's blob and where to write it, for either way of opening it.
  const openArgs = (file: RegularFileEntry, destination: string): OpenArgs => [
    file.encoding,
    contextOf(file),
    destination,
    safeMode(file.mode),
    file.size,
    how,
  ];
  const fromBytes = async (file: RegularFileEntry, ciphertext: Uint8Array | null) => {
    assertBlobIntact(ciphertext, file, where, store.location);
    const destination = destinationOf(file);
    done(file, await opener.openInto(ciphertext, ...openArgs(file, destination)), destination);
  };
  const track = async (work: () => Promise<void>): Promise<void> => {
    if (failed) return;
    const promise = work();
    inFlight.add(promise);
    try {
      await promise;
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      inFlight.delete(promise);
    }
  };
  try {
    const openFileInto = opener.openFileInto?.bind(opener);
    const blobFilePath = store.blobFilePath?.bind(store);
    // Only beyond one window, where the presence listing ran first: a missing blob is still
    // found before anything is decrypted (a pool started from the catalog's count may get a
    // selection of fewer files).
    if (openFileInto && blobFilePath && plan.regular.length > BLOB_WINDOW) {
      await mapWithConcurrency(plan.regular, FILE_REQUESTS_IN_FLIGHT, (file) =>
        track(async () => {
          const ref = blobRefOf(file);
          const destination = destinationOf(file);
          const path = await openFileInto(
            {
              // Awaited: a wrapped store (a proxy) may answer with a promise.
              path: await blobFilePath(ref),
              file: { path: file.path, blob: file.blob, ciphertextSha256: file.ciphertextSha256 },
              where,
              location: store.location,
            },
            ...openArgs(file, destination),
          );
          if (path !== undefined) return done(file, path, destination);
          // The worker could not read it (gone, re-wrapped by rekey, unreadable): read it
          // here, through the store, as before; that finds a re-wrap or raises the error.
          await fromBytes(file, (await store.readBlob(ref)) ?? (await resolveMissing(ref)));
        }),
      );
    } else {
      await forEachBlobWindow(
        store,
        plan.regular,
        (file, ciphertext) => track(() => fromBytes(file, ciphertext)),
        8,
        checkWindow,
        resolveMissing,
      );
    }
  } catch (error) {
    failed = true;
    await Promise.allSettled([...inFlight]);
    throw error;
  }
  return bytes;
}

/** The umask, read once: fchmod is skipped when it would not strip any bit of a file's mode. */
function currentUmask(): number | undefined {
  try {
    return process.umask();
  } catch {
    return undefined;
  }
}

/**
 * Makes the directories, decrypts every file into a temp file and makes a temp
 * link for every symlink; if anything fails, removes all of it (in-flight
 * decryptions are waited for first) and the target keeps what it had. Then
 * one durability barrier, and every temp is renamed onto its name.
 */
async function writeAll(
  options: RestoreOptions,
  opening: Promise<FileOpener>,
  plan: WritePlan,
): Promise<number> {
  const { target } = plan;
  const created: string[] = [];
  const temps: Array<{ temp: string; destination: string }> = [];
  const linkTemps: Array<{ temp: string; destination: string }> = [];
  const umask = currentUmask();
  let bytes: number;
  try {
    if (!plan.targetExists) {
      // The target and any missing parent of it, outermost first: each is removed on failure.
      const missing: string[] = [];
      for (let dir = target; !(await exists(dir)); dir = dirname(dir)) missing.unshift(dir);
      for (const dir of missing) {
        await mkdir(dir, { mode: 0o755 });
        created.push(dir);
      }
    }
    await makeDirectories(target, plan.missingDirectories, created);
    bytes = await decryptFiles(
      options,
      opening,
      plan,
      (file) => join(target, ...file.path.split("/")),
      umask === undefined ? undefined : { umask },
      (temp, destination) => temps.push({ temp, destination }),
    );
    for (const link of plan.links) {
      const destination = join(target, ...link.path.split("/"));
      const temp = tempPathFor(destination);
      await symlink(link.target, temp);
      linkTemps.push({ temp, destination });
      plan.onFile();
    }
    // One durability barrier for every file, then each appears under its name: a crash leaves
    // either the old file or the whole new one, never a torn one.
    await flushFiles(
      target,
      temps.map((t) => t.temp),
    );
  } catch (error) {
    await Promise.all(
      [...temps, ...linkTemps].map(({ temp }) => unlink(temp).catch(() => undefined)),
    );
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
  await mapWithConcurrency(temps, 16, ({ temp, destination }) => rename(temp, destination));
  // Links last: every file is in place before a link could lead anywhere.
  for (const { temp, destination } of linkTemps) await rename(temp, destination);
  // The new names are durable once their directories are: one file-system sync for many
  // directories (a restore of 2,000 files makes hundreds), else an fsync of each.
  const parents = new Set<string>([target]);
  for (const { destination } of [...temps, ...linkTemps]) parents.add(resolve(destination, ".."));
  for (const dir of created) parents.add(resolve(dir, ".."));
  for (const dir of created) parents.add(dir);
  await flushFiles(target, [...parents]);
  return bytes;
}

/** Staging directories are named after their target, with the pid of the restore writing them. */
const STAGING_INFIX = ".snapgate-restore-";

function stagingPathFor(target: string): string {
  return join(
    dirname(target),
    `${basename(target).slice(0, 100)}${STAGING_INFIX}${process.pid}-${randomBytes(6).toString("hex")}`,
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the staging directories a restore into `target` left when its
 * process died (a crash or a kill between staging and the final rename):
 * only those of the same target whose process is gone. Returns their names.
 */
export async function removeStaleStaging(target: string): Promise<string[]> {
  const prefix = `${basename(target).slice(0, 100)}${STAGING_INFIX}`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const pid = Number(/^(\d+)-[0-9a-f]{12}$/.exec(name.slice(prefix.length))?.[1]);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid);
  });
  for (const name of stale) await rm(join(dirname(target), name), { recursive: true, force: true });
  return stale;
}

/**
 * A new or empty target, all or nothing for the whole tree: every directory,
 * file (under its final relative name, created exclusively) and link is made
 * inside a fresh staging directory beside the target (same parent, so same
 * file system), one durability barrier, then ONE rename of the staging
 * directory onto the target (rename(2) replaces an empty directory; anything
 * that appeared in the target meanwhile makes it fail, and nothing is lost)
 * and an fsync of the parent. A failure removes the staging directory; a
 * crash leaves only it, never a file under a final name in the target, and
 * the next restore into that target removes it (removeStaleStaging).
 */
async function writeStaged(
  options: RestoreOptions,
  opening: Promise<FileOpener>,
  plan: WritePlan,
): Promise<number> {
  const { target } = plan;
  const parent = dirname(target);
  const createdParents: string[] = [];
  const written: string[] = [];
  const staging = stagingPathFor(target);
  let stagingMade = false;
  let bytes: number;
  const umask = currentUmask();
  try {
    // Leftovers of a killed restore; one that cannot be removed does not stop this one.
    await removeStaleStaging(target).catch(() => []);
    const missing: string[] = [];
    for (let dir = parent; !(await exists(dir)); dir = dirname(dir)) missing.unshift(dir);
    for (const dir of missing) {
      await mkdir(dir, { mode: 0o755 });
      createdParents.push(dir);
    }
    await mkdir(staging, { mode: 0o755 });
    stagingMade = true;
    // With crypto workers, each file's directories are made by the worker that writes the
    // first file into them (in parallel, while they decrypt), the others after. On this
    // thread, all of them first, many at once on the thread pool, as before (ADR 1109).
    const inWorkers = (await opening).mode === "pool";
    if (!inWorkers) await makeDirectories(staging, plan.missingDirectories, []);
    bytes = await decryptFiles(
      options,
      opening,
      plan,
      (file) => join(staging, ...file.path.split("/")),
      { atTarget: true, makeParents: inWorkers, ...(umask === undefined ? {} : { umask }) },
      (path) => written.push(path),
    );
    if (inWorkers) {
      const holding = new Set<string>();
      for (const file of plan.regular)
        for (
          let slash = file.path.lastIndexOf("/");
          slash > 0;
          slash = file.path.lastIndexOf("/", slash - 1)
        )
          holding.add(file.path.slice(0, slash));
      // Those that hold no file (empty, or links only): none of them exists yet.
      const rest = plan.missingDirectories.filter((dir) => !holding.has(dir));
      await makeDirectories(staging, rest, []);
    }
    const directories = plan.missingDirectories.map((dir) => join(staging, ...dir.split("/")));
    // Links last, as everywhere: nothing is written after (or through) one.
    for (const link of plan.links) {
      await symlink(link.target, join(staging, ...link.path.split("/")));
      plan.onFile();
    }
    // An empty target keeps its own mode (the staging directory replaces it).
    if (plan.targetExists) await chmod(staging, (await lstat(target)).mode & 0o7777);
    // One barrier for every file and directory (links are entries of the directories).
    await flushFiles(staging, [...written, ...directories, staging]);
    await rename(staging, target);
  } catch (error) {
    if (stagingMade) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    for (const dir of createdParents.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
  // The one new name is durable once its parent is (and each parent made, once its own is).
  await flushFiles(parent, [parent, ...createdParents.map((dir) => dirname(dir))]);
  return bytes;
}

/**
 * Makes the missing directories, parents before children and each level's many
 * at once (a 2,000-file restore makes hundreds: one by one they were hundreds
 * of thread-pool round trips). Every directory made is in `created`, also when
 * another fails, so that the caller can remove them all.
 */
async function makeDirectories(
  target: string,
  directories: readonly string[],
  created: string[],
): Promise<void> {
  const levels = new Map<number, string[]>();
  for (const dir of directories) {
    const depth = dir.split("/").length;
    levels.set(depth, [...(levels.get(depth) ?? []), dir]);
  }
  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    let failure: unknown;
    await mapWithConcurrency(levels.get(depth) ?? [], 16, async (dir) => {
      const absolute = join(target, ...dir.split("/"));
      try {
        await mkdir(absolute, { mode: 0o755 });
        created.push(absolute);
      } catch (error) {
        failure ??= error;
      }
    });
    if (failure !== undefined) throw failure;
  }
}

/** Removes extras: files first, then directories deepest first (one still holding anything stays). */
async function deleteExtras(target: string, extras: readonly ExtraFile[]): Promise<void> {
  for (const extra of extras.filter((e) => !e.directory))
    await unlink(join(target, ...extra.path.split("/"))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  const directories = extras
    .filter((e) => e.directory)
    .map((e) => e.path.slice(0, -1))
    .sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of directories)
    await rmdir(join(target, ...dir.split("/"))).catch(() => undefined);
  if (extras.length > 0) await flushFiles(target, [target]);
}

interface Selection {
  files: FileEntry[];
  directories: string[];
}

function selectEntries(
  manifest: Manifest,
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
): Selection {
  const excluded = exclude?.length ? picomatch([...exclude], { dot: true }) : () => false;
  const included = include?.length ? picomatch([...include], { dot: true }) : () => true;
  const wanted = (path: string) => included(path) && !excluded(path);
  const files = manifest.files.filter((file) => wanted(file.path));
  const directories = (manifest.emptyDirectories ?? []).filter(wanted);
  if (include?.length && files.length === 0 && directories.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No file of the snapshot matches --include ${include.join(" ")}.`,
      {
        fix: "Check the globs against `snapgate show <snapshot>` (paths are relative, e.g. deploy/prod/**).",
      },
    );
  }
  return { files, directories };
}

/**
 * Refuses, before anything is written, the selected names the target's file
 * system cannot hold side by side: listed, with the way to restore the rest.
 * The target is probed only when some names could collide.
 */
async function assertNamesFit(
  selection: Selection,
  target: string,
  folding: NameFolding | undefined,
  where: string,
): Promise<void> {
  const paths = [...selection.files.map((file) => file.path), ...selection.directories];
  const windows = process.platform === "win32";
  if (findUnrestorableNames(paths, { ...FOLDING_EVERYTHING, windows }).length === 0) return;
  const problems = findUnrestorableNames(paths, folding ?? (await probeNameFolding(target)));
  if (problems.length === 0) return;
  throw new SnapgateError(
    "UNSAFE_PATH",
    `Cannot restore ${where} into ${target}: its file system cannot hold ${problems.length} of its names: ${listed(problems)}. Nothing was written.`,
    {
      fix: `Restore the rest by leaving these out (--exclude '${problems[0]?.path ?? ""}' for each), and restore them into a directory on a file system that tells them apart (e.g. case-sensitive).`,
      details: { problems },
    },
  );
}

/**
 * Beyond one window, blobs are read window by window while files are
 * decrypted: one listing first checks every blob is there, so a missing one
 * stops the restore before anything is decrypted.
 */
async function assertBlobsPresent(
  store: Store,
  regular: readonly RegularFileEntry[],
  where: string,
  trustedKeys: readonly string[],
): Promise<void> {
  if (regular.length <= BLOB_WINDOW) return;
  const listed = await store.listBlobs({ modifiedAt: false });
  const stored = new Set(listed.map((blob) => `${blob.id}-${blob.sha256}`));
  const absent = regular.filter((file) => {
    const ref = blobRefOf(file);
    return !stored.has(`${ref.id}-${ref.sha256}`);
  });
  if (absent.length === 0) return;
  // `snapgate rekey` re-wrapped these under new names (and deleted the old ones): present
  // when their signed re-wrap records lead to a blob that hashes to what they say.
  const resolve = rewrapResolver(store, await loadSodium(), trustedKeys);
  const found = await mapWithConcurrency(
    absent,
    16,
    async (file) => (await resolve(blobRefOf(file))) !== null,
  );
  const missing = absent.filter((_, i) => !found[i]);
  if (missing.length === 0) return;
  const first = missing[0] as RegularFileEntry;
  throw new SnapgateError(
    "INTEGRITY",
    `The blob of ${first.path}${missing.length > 1 ? ` and ${missing.length - 1} more file(s)` : ""} in ${where} is missing from ${store.location}. Nothing was written.`,
    {
      fix: "The store lost data: restore these files from another snapshot (leave them out with --exclude), and run `snapgate verify --all`.",
      details: { kind: "missing-blob", paths: missing.map((file) => file.path) },
    },
  );
}

/**
 * What counts as inside the selection for extras: with --include, what its
 * globs match; without, everything below a directory that directly holds a
 * selected file, link or empty directory (the target's other files are not
 * the snapshot's business). --exclude is never in scope.
 */
function extraScope(
  manifest: Manifest,
  selection: Selection,
  options: RestoreOptions,
  knownInodes: ReadonlySet<string>,
) {
  const snapshotDirectories = new Set<string>(manifest.emptyDirectories ?? []);
  for (const file of manifest.files) {
    const segments = file.path.split("/");
    for (let i = 1; i < segments.length; i++)
      snapshotDirectories.add(segments.slice(0, i).join("/"));
  }
  const excluded = options.exclude?.length
    ? picomatch([...options.exclude], { dot: true })
    : () => false;
  let inScope: (path: string) => boolean;
  let worthWalking: (directory: string) => boolean;
  if (options.include?.length) {
    const included = picomatch([...options.include], { dot: true });
    inScope = (path) => included(path) && !excluded(path);
    worthWalking = () => true;
  } else {
    const roots = new Set<string>(selection.directories);
    for (const file of selection.files) {
      const slash = file.path.lastIndexOf("/");
      roots.add(slash < 0 ? "" : file.path.slice(0, slash));
    }
    // Directories above a root: walked (something in scope may be below), never in scope.
    const aboveRoots = new Set<string>();
    for (const root of roots) {
      const segments = root.split("/");
      for (let i = 1; i < segments.length; i++) aboveRoots.add(segments.slice(0, i).join("/"));
    }
    const under = (path: string): boolean => {
      if (roots.has("")) return true;
      for (let slash = path.indexOf("/"); slash >= 0; slash = path.indexOf("/", slash + 1))
        if (roots.has(path.slice(0, slash))) return true;
      return false;
    };
    inScope = (path) => under(path) && !excluded(path);
    worthWalking = (directory) =>
      under(directory) || roots.has(directory) || aboveRoots.has(directory);
  }
  return {
    snapshotPaths: new Set(manifest.files.map((file) => file.path)),
    snapshotDirectories,
    inScope,
    worthWalking,
    knownInodes,
  };
}
