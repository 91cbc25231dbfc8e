import { randomBytes } from "node:crypto";
import { mkdir, open, rename, link, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/** Temp files live beside their target (same file system, so rename is atomic) and start with this. */
export const TEMP_PREFIX = ".snapgate-tmp-";

function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `${TEMP_PREFIX}${basename(target).slice(0, 40)}-${randomBytes(6).toString("hex")}`,
  );
}

async function writeSynced(path: string, bytes: Uint8Array | string, mode: number): Promise<void> {
  const handle = await open(path, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    // Explicitly, since open()'s mode is filtered by the umask.
    await handle.chmod(mode);
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
  options: { mode?: number; exclusive?: boolean } = {},
): Promise<boolean> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  await writeSynced(temp, bytes, options.mode ?? 0o644);
  try {
    if (options.exclusive) {
      try {
        await link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
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

/** Makes a directory's entries (renames, links) durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
