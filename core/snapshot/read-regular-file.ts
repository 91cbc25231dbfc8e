import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { SnapgateError } from "../errors.js";

export interface ReadRegularFileOptions {
  /** What the walk's lstat saw: the file opened must be that one (not a swapped-in link or file). */
  expect?: { dev: number; ino: number };
  /** More bytes than this are refused (a file that keeps growing is not read forever). */
  maxBytes?: number;
  /** Called after the bytes are read, before the file is checked again (tests change it here). */
  afterRead?: () => void;
}

export interface RegularFileContent {
  content: Buffer;
  /** The file's stat once the bytes were read: its size is the content's length. */
  stat: Stats;
}

/** Reads when a file changes under the read, before giving up. */
const ATTEMPTS = 3;
const CHUNK_BYTES = 1024 * 1024;

function changed(shown: string, what: string): SnapgateError {
  return new SnapgateError("CONFLICT", `${shown} ${what} while the snapshot was being taken.`, {
    fix: "Run the snapshot again once whatever writes the configuration has finished.",
  });
}

/**
 * Reads a regular file consistently, never through a link and never blocking:
 * O_NOFOLLOW refuses a symlink swapped in after the walk's lstat, O_NONBLOCK
 * keeps a FIFO from hanging the open, and fstat must show a regular file (the
 * very inode the walk saw, when given). The content is read to its end and
 * returned with the stat taken after the read; a file whose size, mtime or
 * ctime changed during the read is read again, then refused.
 */
export function readRegularFile(
  absolute: string,
  shown: string,
  options: ReadRegularFileOptions = {},
): RegularFileContent {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw changed(shown, "became a symlink");
    throw error;
  }
  try {
    for (let attempt = 1; ; attempt++) {
      const before = fstatSync(fd);
      if (!before.isFile()) {
        if (options.expect) throw changed(shown, "stopped being a regular file");
        throw new SnapgateError(
          "UNSAFE_PATH",
          `${shown} is not a regular file (a directory, FIFO, socket or device), so it was not read.`,
          { fix: "Name a regular file: Snapgate never opens special files for reading." },
        );
      }
      if (
        options.expect &&
        (before.dev !== options.expect.dev || before.ino !== options.expect.ino)
      )
        throw changed(shown, "was replaced (or a directory above it was)");
      const content = readToEnd(fd, before.size, shown, options.maxBytes);
      options.afterRead?.();
      const after = fstatSync(fd);
      if (
        after.size === content.length &&
        after.mtimeMs === before.mtimeMs &&
        after.ctimeMs === before.ctimeMs
      )
        return { content, stat: after };
      if (attempt === ATTEMPTS) throw changed(shown, "kept changing");
    }
  } finally {
    closeSync(fd);
  }
}

/** From offset 0 to end of file, however long the file has become since it was stat'ed. */
function readToEnd(
  fd: number,
  expected: number,
  shown: string,
  maxBytes: number | undefined,
): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // One byte more than expected: the usual file is read whole by the first read, its end seen by the second.
  let size = expected + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(size);
    const read = readSync(fd, chunk, 0, size, total);
    if (read === 0) break;
    chunks.push(read === size ? chunk : chunk.subarray(0, read));
    size = CHUNK_BYTES;
    total += read;
    if (maxBytes !== undefined && total > maxBytes) {
      throw new SnapgateError(
        "TOO_LARGE",
        `${shown} grew past the limit of ${(maxBytes / 1048576).toFixed(0)} MB while it was read. Nothing was written.`,
        {
          fix: "Exclude it (exclude globs or the policy's exclude list): large artefacts are not configuration.",
        },
      );
    }
  }
  if (chunks.length === 0) return Buffer.alloc(0);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}
