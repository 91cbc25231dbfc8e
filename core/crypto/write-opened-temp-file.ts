import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SnapgateError } from "../errors.js";
import type { BlobContext } from "./blob-opener.js";

/** How a decrypted file is written. */
export interface OpenedFileWrite {
  /**
   * Create `target` itself (exclusively) instead of a temp file beside it: for a
   * restore into its own fresh staging directory, where no name is final yet.
   */
  atTarget?: boolean;
  /** The process's umask: fchmod only when it would strip bits of `mode` (unknown: always). */
  umask?: number;
  /**
   * With `atTarget`, in a restore's own staging directory: make the file's
   * missing parent directories (mode 0755, as the restore makes every
   * directory) when the create finds none, so they are made in parallel by
   * the crypto workers, not one by one before them.
   */
  makeParents?: boolean;
}

function createExclusive(path: string, mode: number, makeParents: boolean): number {
  try {
    return openSync(path, "wx", mode);
  } catch (error) {
    if (!makeParents || (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // Another worker may be making the same directories: recursive takes an existing one.
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    return openSync(path, "wx", mode);
  }
}

/**
 * Checks a decrypted file's size against the manifest, then writes it as a
 * new temp file beside `target` (or, with `atTarget`, as `target`) with
 * exactly `mode` (not filtered by the umask). The restore makes all of them
 * durable at once and renames each (or their staging directory).
 */
export function writeOpenedTempFile(
  target: string,
  content: Uint8Array,
  mode: number,
  size: number,
  context: BlobContext,
  how: OpenedFileWrite = {},
): string {
  if (content.length !== size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${context.describe} decrypted to ${content.length} bytes; the manifest says ${size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt" },
      },
    );
  }
  const path = how.atTarget
    ? target
    : join(dirname(target), `.snapgate-tmp-${randomBytes(8).toString("hex")}`);
  // The mode is given at creation; a second call (fchmod) only when the umask would strip some
  // of it. Until then the file is at most as open as `mode` asks, never more.
  const chmod = how.umask === undefined || (mode & how.umask) !== 0;
  const fd = createExclusive(
    path,
    chmod ? 0o600 : mode,
    (how.atTarget ?? false) && (how.makeParents ?? false),
  );
  try {
    writeFileSync(fd, content);
    if (chmod) fchmodSync(fd, mode);
  } catch (error) {
    // Decrypted content must not stay behind under a temp name (a full disk, say).
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return path;
}
