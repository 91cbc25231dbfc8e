import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/read-regular-file.ts
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
var ATTEMPTS = 3;
var CHUNK_BYTES = 1024 * 1024;
function changed(shown, what) {
  return new SnapgateError("CONFLICT", `${shown} ${what} while the snapshot was being taken.`, {
    fix: "Run the snapshot again once whatever writes the configuration has finished."
  });
}
function readRegularFile(absolute, shown, options = {}) {
  let fd;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === "ELOOP") throw changed(shown, "became a symlink");
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
          { fix: "Name a regular file: Snapgate never opens special files for reading." }
        );
      }
      if (options.expect && (before.dev !== options.expect.dev || before.ino !== options.expect.ino))
        throw changed(shown, "was replaced (or a directory above it was)");
      const content = readToEnd(fd, before.size, shown, options.maxBytes);
      options.afterRead?.();
      const after = fstatSync(fd);
      if (after.size === content.length && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs)
        return { content, stat: after };
      if (attempt === ATTEMPTS) throw changed(shown, "kept changing");
    }
  } finally {
    closeSync(fd);
  }
}
function readToEnd(fd, expected, shown, maxBytes) {
  const chunks = [];
  let total = 0;
  let size = expected + 1;
  for (; ; ) {
    const chunk = Buffer.allocUnsafe(size);
    const read = readSync(fd, chunk, 0, size, total);
    if (read === 0) break;
    chunks.push(read === size ? chunk : chunk.subarray(0, read));
    size = CHUNK_BYTES;
    total += read;
    if (maxBytes !== void 0 && total > maxBytes) {
      throw new SnapgateError(
        "TOO_LARGE",
        `${shown} grew past the limit of ${(maxBytes / 1048576).toFixed(0)} MB while it was read. Nothing was written.`,
        {
          fix: "Exclude it (exclude globs or the policy's exclude list): large artefacts are not configuration."
        }
      );
    }
  }
  if (chunks.length === 0) return Buffer.alloc(0);
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

export {
  readRegularFile
};
