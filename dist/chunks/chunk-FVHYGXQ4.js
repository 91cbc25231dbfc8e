import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  compileGlobs
} from "./chunk-R4SSWUCW.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/collect-files.ts
import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
var GLOB_CHARS = /[*?[\]{}!]/;
function escapeName(raw) {
  return [...raw].map(
    (byte) => byte >= 32 && byte < 127 && byte !== 92 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`
  ).join("");
}
function readNames(absolute) {
  const names = readdirSync(absolute);
  if (!names.some((name) => name.includes("\uFFFD"))) return { names, invalid: [] };
  const valid = [];
  const invalid = [];
  for (const raw of readdirSync(absolute, { encoding: "buffer" })) {
    const name = raw.toString("utf8");
    if (Buffer.from(name, "utf8").equals(raw)) valid.push(name);
    else invalid.push(escapeName(raw));
  }
  return { names: valid, invalid };
}
function toPosix(path) {
  return sep === "/" ? path : path.split(sep).join("/");
}
function globBase(pattern) {
  const segments = pattern.split("/");
  const fixed = [];
  for (const segment of segments) {
    if (GLOB_CHARS.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join("/");
}
function symlinkOnTheWay(root, absolute) {
  let current = root;
  for (const segment of relative(root, absolute).split(sep).slice(0, -1)) {
    current = join(current, segment);
    try {
      if (lstatSync(current).isSymbolicLink()) return current;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
async function collectFiles(options) {
  const root = resolve(options.root);
  const matchesExclude = compileGlobs(options.exclude ?? []);
  const isExcluded = (path) => matchesExclude(path) || (options.isExcluded?.(path) ?? false);
  const skipDirectories = new Set((options.skipDirectories ?? []).map((dir) => resolve(dir)));
  const found = /* @__PURE__ */ new Map();
  const emptyDirectories = /* @__PURE__ */ new Set();
  const excluded = /* @__PURE__ */ new Set();
  const skipped = [];
  const insideRoot = (absolute, shown) => {
    const rel = relative(root, absolute);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new SnapgateError("UNSAFE_PATH", `'${shown}' is outside the snapshot root ${root}.`, {
        fix: "Name paths inside the root (the working directory, or --root DIR)."
      });
    }
    return toPosix(rel);
  };
  const visit = async (absolute, matches, explicit, knownRel) => {
    const rel = knownRel ?? insideRoot(absolute, absolute);
    let info;
    try {
      info = lstatSync(absolute);
    } catch (error) {
      if (error.code === "ENOENT" && explicit) {
        throw new SnapgateError("NOT_FOUND", `'${rel || "."}' does not exist under ${root}.`, {
          fix: "Check the paths you asked to snapshot (they are relative to the root), or remove this one."
        });
      }
      throw error;
    }
    if (info.isDirectory()) {
      if (skipDirectories.has(absolute)) return;
      if (rel !== "" && options.isExcludedDirectory?.(rel)) {
        excluded.add(`${rel}/`);
        return;
      }
      const { names: entries, invalid } = readNames(absolute);
      for (const name of invalid)
        skipped.push({
          path: rel === "" ? name : `${rel}/${name}`,
          reason: "the name is not valid UTF-8, which a manifest cannot record; rename it to snapshot it"
        });
      entries.sort();
      const prefix = absolute.endsWith(sep) ? absolute : `${absolute}${sep}`;
      if (entries.length === 0 && invalid.length === 0 && rel !== "" && matches(rel) && !isExcluded(rel))
        emptyDirectories.add(rel);
      for (const name of entries) {
        await visit(`${prefix}${name}`, matches, false, rel === "" ? name : `${rel}/${name}`);
      }
      return;
    }
    if (rel === "" || !matches(rel)) return;
    if (isExcluded(rel)) {
      excluded.add(rel);
      return;
    }
    if (info.isSymbolicLink()) {
      found.set(rel, {
        path: rel,
        absolute,
        type: "symlink",
        mode: 511,
        size: 0,
        target: readlinkSync(absolute)
      });
      options.onFound?.(found.size);
    } else if (info.isFile()) {
      found.set(rel, {
        path: rel,
        absolute,
        type: "file",
        mode: info.mode & 4095,
        size: info.size,
        stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino },
        dev: info.dev
      });
      options.onFound?.(found.size);
    } else {
      skipped.push({
        path: rel,
        reason: "not a regular file, directory or symlink (socket, FIFO or device)"
      });
    }
  };
  for (const pattern of options.patterns) {
    const normalized = toPosix(pattern).replace(/^\.\/+/, "").replace(/\/+$/, "") || ".";
    if (GLOB_CHARS.test(normalized)) {
      const matcher = compileGlobs([normalized]);
      const base = globBase(normalized);
      const start = resolve(root, base || ".");
      if (symlinkOnTheWay(root, start)) continue;
      try {
        lstatSync(start);
      } catch {
        continue;
      }
      await visit(start, (path) => matcher(path), false);
    } else {
      const absolute = resolve(root, normalized);
      const link = symlinkOnTheWay(root, absolute);
      if (link) {
        throw new SnapgateError(
          "UNSAFE_PATH",
          `'${normalized}' is under the symlink '${toPosix(relative(root, link))}'.`,
          {
            fix: "Snapgate records a symlink as a link and never follows it: name the link itself, or the directory it points to as --root."
          }
        );
      }
      await visit(absolute, () => true, true);
    }
  }
  const files = [...found.values()].sort(
    (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0
  );
  return {
    files,
    emptyDirectories: [...emptyDirectories].sort(),
    excluded: [...excluded].sort(),
    skipped
  };
}

export {
  collectFiles
};
