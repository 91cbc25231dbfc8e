import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  collectFiles
} from "./chunk-FVHYGXQ4.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
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

// core/snapshot/read-collected-file.ts
function readCollectedFile(file, maxBytes) {
  return readRegularFile(file.absolute, file.path, {
    ...file.dev !== void 0 && file.stamp ? { expect: { dev: file.dev, ino: file.stamp.ino } } : {},
    ...maxBytes !== void 0 ? { maxBytes } : {}
  });
}

// core/snapshot/scan-tree.ts
var DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
var CONTENT_CACHE_BYTES = 64 * 1024 * 1024;
async function scanTree(options) {
  const progress = options.onProgress ?? (() => void 0);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  progress({ stage: "scan", done: 0, total: 0 });
  const scannedAtMs = (options.now?.() ?? /* @__PURE__ */ new Date()).getTime();
  const collected = await collectFiles({
    root: options.root,
    patterns: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories,
    ...options.onFound ? { onFound: options.onFound } : {}
  });
  progress({ stage: "scan", done: collected.files.length, total: collected.files.length });
  const tooLarge = collected.files.find((file) => file.type === "file" && file.size > maxFileBytes);
  if (tooLarge) {
    throw new SnapgateError(
      "TOO_LARGE",
      `${tooLarge.path} is ${(tooLarge.size / 1048576).toFixed(1)} MB; the limit is ${(maxFileBytes / 1048576).toFixed(0)} MB. Nothing was written.`,
      {
        fix: "Exclude it (exclude globs or the policy's exclude list): large artefacts are not configuration."
      }
    );
  }
  let cached = 0;
  let cachedFiles = 0;
  const files = collected.files.map((file, index) => {
    const classification = options.classify?.(file.path) ?? {};
    if (file.type === "symlink") return { file, classification };
    const known = options.statCache?.lookup(file);
    if (known !== void 0) {
      cachedFiles++;
      progress({ stage: "hash", done: index + 1, total: collected.files.length });
      return { file, blob: known, classification };
    }
    const { content, stat } = readCollectedFile(file, maxFileBytes);
    const blob = computeBlobId(options.macKey, content);
    const keep = options.keepContent !== false && !options.knownBlobs?.has(blob) && cached + content.length <= CONTENT_CACHE_BYTES;
    if (keep) cached += content.length;
    progress({ stage: "hash", done: index + 1, total: collected.files.length });
    const read = {
      ...file,
      mode: stat.mode & 4095,
      size: content.length,
      stamp: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino }
    };
    return { file: read, blob, classification, ...keep ? { content } : {} };
  });
  const states = files.map(({ file, blob, classification }) => {
    const component = classification.component ? { component: classification.component } : {};
    return file.type === "file" ? { path: file.path, type: "file", mode: file.mode, blob, ...component } : { path: file.path, type: "symlink", target: file.target, ...component };
  });
  return {
    files,
    states,
    emptyDirectories: collected.emptyDirectories,
    uniqueIds: [...new Set(files.flatMap(({ blob }) => blob ? [blob] : []))],
    bytes: files.reduce((sum, { file }) => sum + file.size, 0),
    excluded: collected.excluded,
    skipped: collected.skipped,
    cachedFiles,
    scannedAtMs
  };
}

export {
  readRegularFile,
  readCollectedFile,
  DEFAULT_MAX_FILE_BYTES,
  scanTree
};
