import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  collectFiles
} from "./chunk-FVHYGXQ4.js";
import {
  readRegularFile
} from "./chunk-7T6BWT36.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

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
  let hashed = 0;
  const total = collected.files.length;
  const readHere = (file, classification) => {
    const { content, stat } = readCollectedFile(file, maxFileBytes);
    const blob = computeBlobId(options.macKey, content);
    const keep = options.keepContent !== false && !options.knownBlobs?.has(blob) && cached + content.length <= CONTENT_CACHE_BYTES;
    if (keep) cached += content.length;
    const read = {
      ...file,
      mode: stat.mode & 4095,
      size: content.length,
      stamp: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino }
    };
    return { file: read, blob, classification, ...keep ? { content } : {} };
  };
  const hashedOne = (scanned) => {
    progress({ stage: "hash", done: ++hashed, total });
    return scanned;
  };
  const known = (file, classification) => {
    if (file.type === "symlink") return hashedOne({ file, classification });
    const blob = options.statCache?.lookup(file);
    if (blob === void 0) return void 0;
    cachedFiles++;
    return hashedOne({ file, blob, classification });
  };
  const sealFile = options.sealFile;
  let files;
  if (!sealFile) {
    files = collected.files.map((file) => {
      const classification = options.classify?.(file.path) ?? {};
      return known(file, classification) ?? hashedOne(readHere(file, classification));
    });
  } else {
    const settled = await Promise.allSettled(
      collected.files.map(async (file) => {
        const classification = options.classify?.(file.path) ?? {};
        const cachedFile = known(file, classification);
        if (cachedFile) return cachedFile;
        const sealed = await sealFile(file, classification, maxFileBytes);
        if (!sealed) return hashedOne(readHere(file, classification));
        return hashedOne({
          file: { ...file, mode: sealed.mode & 4095, size: sealed.size, stamp: sealed.stamp },
          blob: sealed.blob,
          classification,
          sealed: {
            sha256: sealed.sha256,
            encoding: sealed.encoding,
            sealedSize: sealed.sealedSize,
            tempPath: sealed.tempPath
          }
        });
      })
    );
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    files = settled.map((result) => result.value);
  }
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
  readCollectedFile,
  DEFAULT_MAX_FILE_BYTES,
  scanTree
};
