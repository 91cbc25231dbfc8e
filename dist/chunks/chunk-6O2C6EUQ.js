import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  collectFiles
} from "./chunk-JNENQNN5.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/scan-tree.ts
import { readFileSync } from "node:fs";
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
    skipDirectories: options.skipDirectories
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
    const content = readFileSync(file.absolute);
    const blob = computeBlobId(options.macKey, content);
    const keep = options.keepContent !== false && !options.knownBlobs?.has(blob) && cached + content.length <= CONTENT_CACHE_BYTES;
    if (keep) cached += content.length;
    progress({ stage: "hash", done: index + 1, total: collected.files.length });
    return { file, blob, classification, ...keep ? { content } : {} };
  });
  const states = files.map(({ file, blob, classification }) => {
    const component = classification.component ? { component: classification.component } : {};
    return file.type === "file" ? { path: file.path, type: "file", mode: file.mode, blob, ...component } : { path: file.path, type: "symlink", target: file.target, ...component };
  });
  return {
    files,
    states,
    uniqueIds: [...new Set(files.flatMap(({ blob }) => blob ? [blob] : []))],
    bytes: files.reduce((sum, { file }) => sum + file.size, 0),
    excluded: collected.excluded,
    skipped: collected.skipped,
    cachedFiles,
    scannedAtMs
  };
}

export {
  scanTree
};
