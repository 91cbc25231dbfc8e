import { randomBytes } from "node:crypto";
import { mkdir, open, rename, link, unlink, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/** Temp files live beside their target (same file system, so rename is atomic) and start with this. */
export const TEMP_PREFIX = ".snapgate-tmp-";

/** Folders Snapgate creates: never group- or other-writable, whatever the umask (000 gave 0777). */
export const DIR_MODE = 0o755;

/**
 * A snapshot's staged blobs stay temp files from encryption to commit; a temp
 * file older than this is litter of a writer that died (none runs that long),
 * which the next writer and prune delete.
 */
export const STALE_TEMP_MS = 6 * 60 * 60 * 1000;

export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `${TEMP_PREFIX}${basename(target).slice(0, 40)}-${randomBytes(6).toString("hex")}`,
  );
}

async function writeSynced(
  path: string,
  bytes: Uint8Array | string,
  mode: number,
  exactMode: boolean,
): Promise<void> {
  const handle = await open(path, "wx", exactMode ? 0o600 : mode);
  try {
    await handle.writeFile(bytes);
    // open()'s mode is filtered by the umask; set it exactly where it matters (restored files).
    if (exactMode) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that readers see either nothing or all of it: temp file,
 * fsync, rename. With `exclusive`, the final step is link(2), which fails if
 * the target exists; that makes it a compare-and-swap. Returns false when an
 * exclusive write lost to an existing file.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array | string,
  options: { mode?: number; exclusive?: boolean; exactMode?: boolean; parentExists?: boolean } = {},
): Promise<boolean> {
  if (!options.parentExists) await mkdir(dirname(target), { recursive: true, mode: DIR_MODE });
  const temp = tempPathFor(target);
  try {
    await writeSynced(temp, bytes, options.mode ?? 0o644, options.exactMode ?? false);
  } catch (error) {
    // A full disk leaves a partial file: remove it, or it keeps the disk full.
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    if (options.exclusive) {
      try {
        await link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        await unlink(temp);
        return false;
      }
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return true;
}

/**
 * Writes a temp file beside `target` without fsync; the caller makes a batch
 * durable with flushFiles() and then renames them into place. Returns the temp path.
 */
export async function writeTempFile(
  target: string,
  bytes: Uint8Array,
  mode: number,
  options: { exactMode?: boolean } = {},
): Promise<string> {
  const temp = tempPathFor(target);
  if (!options.exactMode) {
    // One thread-pool task instead of three (open, write, close): thousands of blobs add up.
    await writeFile(temp, bytes, { flag: "wx", mode }).catch(async (error: unknown) => {
      // A full disk leaves a partial file: remove it, or it keeps the disk full.
      await unlink(temp).catch(() => undefined);
      throw error;
    });
    return temp;
  }
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    // open()'s mode is filtered by the umask; set it exactly where it matters (restored files).
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
  return temp;
}

/**
 * A durability barrier for many files (or directories, for the names renamed
 * into them) at once. On Linux, `sync -f` (syncfs(2)) flushes the whole file
 * system in one call, which on small files is two orders of magnitude cheaper
 * than an fsync each; elsewhere, or if it fails, each one is fsynced.
 */
export async function flushFiles(
  dir: string | readonly string[],
  files: readonly string[],
): Promise<void> {
  if (files.length === 0) return;
  if (process.platform === "linux" && files.length > 64) {
    const { spawnSync } = await import("node:child_process");
    // Several directories (each one's file system) in one child process.
    const dirs = typeof dir === "string" ? [dir] : dir;
    if (spawnSync("sync", ["-f", ...dirs], { stdio: "ignore" }).status === 0) return;
  }
  const { mapWithConcurrency } = await import("../map-with-concurrency.js");
  await mapWithConcurrency(files, 16, async (file) => {
    const handle = await open(file, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}
