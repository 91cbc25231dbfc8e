import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  writeOpenedTempFile
} from "./chunk-MXRMIS4K.js";
import {
  CryptoPool
} from "./chunk-7I44WYK3.js";
import {
  TEMP_PREFIX,
  flushFiles
} from "./chunk-WHUW7ABC.js";
import {
  assertBlobIntact,
  openVerifiedBlob,
  signatureProblem
} from "./chunk-T4XVUYKR.js";
import {
  forEachBlobWindow
} from "./chunk-PDBKAZLO.js";
import {
  require_picomatch
} from "./chunk-MWA4TWMP.js";
import {
  loadSodium
} from "./chunk-JFMH5QSK.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

// core/snapshot/restore-snapshot.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { lstat, mkdir, readdir, readFile, rename, symlink, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";

// core/snapshot/check-restore-paths.ts
import { posix } from "node:path";
var MAX_SEGMENT_BYTES = 255;
function pathProblem(path) {
  if (typeof path !== "string" || path.length === 0) return "the path is empty";
  if (path.includes("\0")) return "the path contains a NUL byte";
  if (path.includes("\\")) return "the path contains a backslash";
  if (path.startsWith("/")) return "the path is absolute";
  if (/^[A-Za-z]:/.test(path)) return "the path starts with a drive letter";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment (// or a trailing /)";
    if (segment === "." || segment === "..") return `the path has a '${segment}' segment`;
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return "a path segment is longer than 255 bytes";
  }
  return void 0;
}
function foldKey(path) {
  return path.normalize("NFC").toLowerCase();
}
function findUnsafeRestorePaths(files) {
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  const kinds = /* @__PURE__ */ new Map();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) {
      problems.push({ path: file.path, reason: problem });
      continue;
    }
    const key = foldKey(file.path);
    const earlier = seen.get(key);
    if (earlier !== void 0) {
      problems.push({
        path: file.path,
        reason: `it collides with '${earlier}' on case-insensitive file systems`
      });
      continue;
    }
    seen.set(key, file.path);
    kinds.set(key, file.type);
  }
  for (const file of files) {
    if (pathProblem(file.path)) continue;
    const segments = foldKey(file.path).split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      const kind = kinds.get(parent);
      if (kind === "file")
        problems.push({
          path: file.path,
          reason: `its parent '${parent}' is a file in the same snapshot`
        });
      if (kind === "symlink")
        problems.push({
          path: file.path,
          reason: `it would be written through the symlink '${parent}'`
        });
    }
    if (file.type !== "symlink") continue;
    if (typeof file.target !== "string" || file.target === "" || file.target.includes("\0")) {
      problems.push({ path: file.path, reason: "the symlink target is empty or contains NUL" });
      continue;
    }
    if (file.target.startsWith("/")) {
      problems.push({
        path: file.path,
        reason: `the symlink points to the absolute path ${file.target}`
      });
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file.path), file.target));
    if (resolved === ".." || resolved.startsWith("../")) {
      problems.push({
        path: file.path,
        reason: `the symlink points outside the restore directory (${file.target})`
      });
      continue;
    }
    const hops = foldKey(resolved).split("/");
    for (let i = 1; i < hops.length; i++) {
      if (kinds.get(hops.slice(0, i).join("/")) === "symlink") {
        problems.push({
          path: file.path,
          reason: `the symlink's target passes through another symlink (${file.target})`
        });
        break;
      }
    }
  }
  return problems;
}
function assertSafeRestorePaths(files, where) {
  const problems = findUnsafeRestorePaths(files);
  const first = problems[0];
  if (first) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to restore ${where}: '${first.path.replace(/\0/g, "\\0")}' is unsafe (${first.reason})${problems.length > 1 ? ` and ${problems.length - 1} more` : ""}. Nothing was written.`,
      {
        fix: "This manifest was crafted or written by a faulty writer; do not restore it. Check who can write the store, and restore an earlier snapshot.",
        details: { problems }
      }
    );
  }
}

// core/crypto/create-opener.ts
async function createFileOpener(opener, options) {
  const pool = await CryptoPool.start(
    options.workerUrl,
    { identities: opener.secretKeys() },
    options.expectedBlobs
  );
  if (pool) {
    return {
      async openInto(ciphertext, encoding, context, target, mode, size) {
        const reply = await pool.request({
          kind: "open",
          ciphertext,
          encoding,
          context,
          writeBeside: target,
          mode,
          size
        });
        return reply.tempPath;
      },
      close: () => pool.close(),
      mode: "pool"
    };
  }
  return {
    async openInto(ciphertext, encoding, context, target, mode, size) {
      const content = await opener.open(ciphertext, encoding, context);
      return writeOpenedTempFile(target, content, mode, size, context);
    },
    close: async () => void 0,
    mode: "thread"
  };
}

// core/snapshot/restore-snapshot.ts
function safeMode(mode) {
  return mode & 511;
}
async function isEmptyOrMissing(dir) {
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink() || !info.isDirectory()) {
      throw new SnapgateError(
        "UNSAFE_PATH",
        `The restore target ${dir} is not a directory${info.isSymbolicLink() ? " (it is a symlink)" : ""}.`,
        {
          fix: "Restore into a new directory (--to DIR)."
        }
      );
    }
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if (error.code === "ENOENT") return true;
    throw error;
  }
}
var DirectoryGuard = class {
  constructor(root) {
    this.root = root;
  }
  root;
  verified = /* @__PURE__ */ new Set();
  async ensureParents(relative) {
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
              fix: "Restore into an empty directory, or remove what is in the way."
            }
          );
        }
      } catch (error) {
        if (error.code !== "ENOENT") throw error;
        await mkdir(current, { mode: 493 }).catch((mkdirError) => {
          if (mkdirError.code !== "EEXIST") throw mkdirError;
        });
      }
      this.verified.add(current);
    }
    return join(this.root, ...segments);
  }
  directories() {
    return [this.root, ...this.verified];
  }
};
async function readExisting(path) {
  try {
    const info = await lstat(path);
    if (!info.isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}
async function restoreSnapshot(options) {
  const { manifest, id } = options.snapshot;
  const where = `snapshot ${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  if (!options.skipSignatureCheck) {
    const problem = signatureProblem(await loadSodium(), manifest, options.trustedKeys, where);
    if (problem)
      throw new SnapgateError("INTEGRITY", `${problem.message} Nothing was restored.`, {
        fix: problem.fix
      });
  }
  assertSafeRestorePaths(manifest.files, where);
  const included = selectFiles(manifest, options.include);
  const target = resolve(options.target);
  if (!options.dryRun && !options.overwrite && !await isEmptyOrMissing(target)) {
    throw new SnapgateError("USAGE", `The restore target ${target} is not empty.`, {
      fix: "Restore into a new or empty directory, or pass --force to replace the snapshot's files in place (other files are left alone)."
    });
  }
  if (!options.dryRun) await mkdir(target, { recursive: true, mode: 493 });
  const guard = new DirectoryGuard(target);
  const regular = included.filter((file) => file.type === "file");
  const links = included.filter((file) => file.type === "symlink");
  const plan = [];
  const pending = [];
  let done = 0;
  let bytes = 0;
  const opening = options.dryRun ? void 0 : createFileOpener(options.opener, {
    ...options.workerUrl ? { workerUrl: options.workerUrl } : {},
    expectedBlobs: regular.length
  });
  opening?.catch(() => void 0);
  try {
    if (!options.dryRun) for (const file of included) await guard.ensureParents(file.path);
  } catch (error) {
    await opening?.then(
      (opener) => opener.close(),
      () => void 0
    );
    throw error;
  }
  if (options.dryRun) {
    await forEachBlobWindow(options.store, regular, async (file, ciphertext) => {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext
      );
      bytes += content.length;
      const existing = await readExisting(join(target, ...file.path.split("/")));
      plan.push({
        path: file.path,
        action: existing === null ? "create" : existing.equals(content) ? "unchanged" : "update"
      });
      options.onProgress?.(++done, included.length);
    });
  } else {
    const files = await opening;
    try {
      await forEachBlobWindow(
        options.store,
        regular,
        async (file, ciphertext) => {
          assertBlobIntact(ciphertext, file, where, options.store.location);
          const path = await guard.ensureParents(file.path);
          const context = { describe: `${file.path} in ${where}`, recipients: manifest.recipients };
          const temp = await files.openInto(
            ciphertext,
            file.encoding,
            context,
            path,
            safeMode(file.mode),
            file.size
          );
          pending.push({ temp, target: path });
          bytes += file.size;
          plan.push({ path: file.path, action: "create" });
          options.onProgress?.(++done, included.length);
        },
        8
      );
    } catch (error) {
      await Promise.all(pending.map(({ temp }) => unlink(temp).catch(() => void 0)));
      throw error;
    } finally {
      await files.close();
    }
  }
  if (!options.dryRun) {
    await flushFiles(
      target,
      pending.map((p) => p.temp)
    );
    await mapWithConcurrency(
      pending,
      16,
      ({ temp, target: destination }) => rename(temp, destination)
    );
  }
  for (const link of links) {
    if (link.type !== "symlink") continue;
    if (!options.dryRun) {
      const destination = await guard.ensureParents(link.path);
      const temp = join(destination, "..", `${TEMP_PREFIX}link-${done}`);
      await unlink(temp).catch(() => void 0);
      await symlink(link.target, temp);
      await rename(temp, destination);
    }
    plan.push({ path: link.path, action: "create" });
    options.onProgress?.(++done, included.length);
  }
  if (!options.dryRun) await flushFiles(target, guard.directories());
  plan.sort((a, b) => a.path < b.path ? -1 : 1);
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    target,
    dryRun: options.dryRun ?? false,
    files: regular.length,
    symlinks: links.length,
    bytes,
    plan
  };
}
function selectFiles(manifest, include) {
  if (!include?.length) return manifest.files;
  const matches = (0, import_picomatch.default)([...include], { dot: true });
  const selected = manifest.files.filter((file) => matches(file.path));
  if (selected.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No file of the snapshot matches --include ${include.join(" ")}.`,
      {
        fix: "Check the globs against `snapgate show <snapshot>` (paths are relative, e.g. deploy/prod/**)."
      }
    );
  }
  return selected;
}

export {
  restoreSnapshot
};
