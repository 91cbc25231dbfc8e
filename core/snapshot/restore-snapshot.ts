import { lstat, mkdir, readdir, readFile, rename, symlink, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import picomatch from "picomatch";
import { SnapgateError } from "../errors.js";
import type { FileEntry, Manifest, RegularFileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { flushFiles, TEMP_PREFIX } from "../store/atomic-file.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import { loadSodium } from "../crypto/sodium.js";
import type { LoadedSnapshot } from "./load-snapshot.js";
import { assertSafeRestorePaths } from "./check-restore-paths.js";
import { signatureProblem } from "./signature-problem.js";
import { openVerifiedBlob } from "./open-verified-blob.js";
import { assertBlobIntact } from "./assert-blob-intact.js";
import { createFileOpener, type FileOpener } from "../crypto/create-opener.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { forEachBlobWindow } from "./for-each-blob-window.js";
import { recipientsOfFile } from "./recipients-of-file.js";

export interface RestoreOptions {
  store: Store;
  snapshot: LoadedSnapshot;
  opener: BlobOpener;
  /** Verify keys the manifest's signature must match. */
  trustedKeys: readonly string[];
  /** Restore without checking who signed the manifest (explicit opt-out). */
  skipSignatureCheck?: boolean;
  target: string;
  include?: readonly string[];
  /** Allow a non-empty target; files are replaced atomically, others are left alone. */
  overwrite?: boolean;
  /** Decrypt and compare with the target, write nothing. */
  dryRun?: boolean;
  /** The bundled crypto worker (dist/workers/crypto-worker.js): large restores decrypt on every core. */
  workerUrl?: URL;
  onProgress?: (done: number, total: number) => void;
}

export type PlannedAction = "create" | "update" | "unchanged";

export interface RestoreResult {
  id: string;
  stream: string;
  seq: number;
  target: string;
  dryRun: boolean;
  files: number;
  symlinks: number;
  bytes: number;
  plan: Array<{ path: string; action: PlannedAction }>;
}

/** Strip setuid, setgid and sticky bits: a restore never creates privileged files. */
export function safeMode(mode: number): number {
  return mode & 0o777;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink() || !info.isDirectory()) {
      throw new SnapgateError(
        "UNSAFE_PATH",
        `The restore target ${dir} is not a directory${info.isSymbolicLink() ? " (it is a symlink)" : ""}.`,
        {
          fix: "Restore into a new directory (--to DIR).",
        },
      );
    }
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/** Creates the parents of `relative` under root, refusing any component that is a symlink or a file. */
class DirectoryGuard {
  private readonly verified = new Set<string>();

  constructor(private readonly root: string) {}

  async ensureParents(relative: string): Promise<string> {
    const segments = relative.split("/");
    let current = this.root;
    for (const segment of segments.slice(0, -1)) {
      current = join(current, segment);
      if (this.verified.has(current)) continue;
      try {
        const info = await lstat(current);
        if (!info.isDirectory() || info.isSymbolicLink()) {
          throw new SnapgateError(
            "UNSAFE_PATH",
            `Refusing to write ${relative}: ${current} is ${info.isSymbolicLink() ? "a symlink" : "not a directory"}.`,
            {
              fix: "Restore into an empty directory, or remove what is in the way.",
            },
          );
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        await mkdir(current, { mode: 0o755 }).catch((mkdirError: NodeJS.ErrnoException) => {
          if (mkdirError.code !== "EEXIST") throw mkdirError;
        });
      }
      this.verified.add(current);
    }
    return join(this.root, ...segments);
  }

  directories(): string[] {
    return [this.root, ...this.verified];
  }
}

async function readExisting(path: string): Promise<Buffer | null> {
  try {
    const info = await lstat(path);
    if (!info.isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * Restores a snapshot into a directory: signature first, then every path is
 * checked before anything is written; each blob is hash-checked and decrypted,
 * each file written via temp + fsync + rename with its mode (never setuid).
 */
export async function restoreSnapshot(options: RestoreOptions): Promise<RestoreResult> {
  const { manifest, id } = options.snapshot;
  const where = `snapshot ${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  if (!options.skipSignatureCheck) {
    const problem = signatureProblem(await loadSodium(), manifest, options.trustedKeys, where);
    if (problem)
      throw new SnapgateError("INTEGRITY", `${problem.message} Nothing was restored.`, {
        fix: problem.fix,
      });
  }
  assertSafeRestorePaths(manifest.files, where);

  const included = selectFiles(manifest, options.include);
  const target = resolve(options.target);
  if (!options.dryRun && !options.overwrite && !(await isEmptyOrMissing(target))) {
    throw new SnapgateError("USAGE", `The restore target ${target} is not empty.`, {
      fix: "Restore into a new or empty directory, or pass --force to replace the snapshot's files in place (other files are left alone).",
    });
  }
  if (!options.dryRun) await mkdir(target, { recursive: true, mode: 0o755 });
  const guard = new DirectoryGuard(target);
  const regular = included.filter((file): file is RegularFileEntry => file.type === "file");
  const links = included.filter((file) => file.type === "symlink");
  const plan: RestoreResult["plan"] = [];
  const pending: Array<{ temp: string; target: string }> = [];
  let done = 0;
  let bytes = 0;

  // Every parent directory is checked (and made) before any file is written, so a symlink
  // or a file in the way of one path refuses the whole restore, not half of it.
  // Decryption workers (for large restores) start loading now, while the directories are made.
  const opening = options.dryRun
    ? undefined
    : createFileOpener(options.opener, {
        ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
        expectedBlobs: regular.length,
      });
  opening?.catch(() => undefined);
  try {
    if (!options.dryRun) for (const file of included) await guard.ensureParents(file.path);
  } catch (error) {
    await opening?.then(
      (opener) => opener.close(),
      () => undefined,
    );
    throw error;
  }

  // A window of blobs is read at once: a GitHub store answers it with one request.
  if (options.dryRun) {
    await forEachBlobWindow(options.store, regular, async (file, ciphertext) => {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext,
      );
      bytes += content.length;
      const existing = await readExisting(join(target, ...file.path.split("/")));
      plan.push({
        path: file.path,
        action: existing === null ? "create" : existing.equals(content) ? "unchanged" : "update",
      });
      options.onProgress?.(++done, included.length);
    });
  } else {
    // The decrypting thread (a worker per core for large restores) writes each file as a temp
    // file with the mode exactly as recorded, minus setuid/setgid/sticky, whatever the umask.
    const files = await (opening as Promise<FileOpener>);
    try {
      await forEachBlobWindow(
        options.store,
        regular,
        async (file, ciphertext) => {
          assertBlobIntact(ciphertext, file, where, options.store.location);
          const path = await guard.ensureParents(file.path);
          const context = {
            describe: `${file.path} in ${where}`,
            recipients: recipientsOfFile(manifest, file),
          };
          const temp = await files.openInto(
            ciphertext,
            file.encoding,
            context,
            path,
            safeMode(file.mode),
            file.size,
          );
          pending.push({ temp, target: path });
          bytes += file.size;
          plan.push({ path: file.path, action: "create" });
          options.onProgress?.(++done, included.length);
        },
        8,
      );
    } catch (error) {
      // Leave no half-restored temp files behind: the target keeps what it had.
      await Promise.all(pending.map(({ temp }) => unlink(temp).catch(() => undefined)));
      throw error;
    } finally {
      await files.close();
    }
  }

  // One durability barrier for every file, then each appears under its name: a crash leaves
  // either the old file or the whole new one, never a torn one.
  if (!options.dryRun) {
    await flushFiles(
      target,
      pending.map((p) => p.temp),
    );
    await mapWithConcurrency(pending, 16, ({ temp, target: destination }) =>
      rename(temp, destination),
    );
  }

  // Symlinks last, so no file is ever written through a link this restore made.
  for (const link of links) {
    if (link.type !== "symlink") continue;
    if (!options.dryRun) {
      const destination = await guard.ensureParents(link.path);
      const temp = join(destination, "..", `${TEMP_PREFIX}link-${done}`);
      await unlink(temp).catch(() => undefined);
      await symlink(link.target, temp);
      await rename(temp, destination);
    }
    plan.push({ path: link.path, action: "create" });
    options.onProgress?.(++done, included.length);
  }
  // The new names are durable once their directories are: one file-system sync for many
  // directories (a restore of 2,000 files makes hundreds), else an fsync of each.
  if (!options.dryRun) await flushFiles(target, guard.directories());
  plan.sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    target,
    dryRun: options.dryRun ?? false,
    files: regular.length,
    symlinks: links.length,
    bytes,
    plan,
  };
}

function selectFiles(manifest: Manifest, include: readonly string[] | undefined): FileEntry[] {
  if (!include?.length) return manifest.files;
  const matches = picomatch([...include], { dot: true });
  const selected = manifest.files.filter((file) => matches(file.path));
  if (selected.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No file of the snapshot matches --include ${include.join(" ")}.`,
      {
        fix: "Check the globs against `snapgate show <snapshot>` (paths are relative, e.g. deploy/prod/**).",
      },
    );
  }
  return selected;
}
