import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { SnapgateError } from "../errors.js";
import { compileGlobs } from "../policy/glob.js";

/** What tells whether a regular file changed without reading it (see StatCache). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface CollectedFile {
  /** Relative to the root, with / separators. */
  path: string;
  absolute: string;
  type: "file" | "symlink";
  mode: number;
  size: number;
  target?: string;
  /** Regular files only. */
  stamp?: FileStamp;
  /** Regular files only: the device, with stamp.ino the inode the read must find. */
  dev?: number;
}

export interface CollectOptions {
  root: string;
  /** Files, directories or globs, relative to the root. */
  patterns: readonly string[];
  exclude?: readonly string[];
  /** Further exclusion rules (e.g. the policy's, with `!glob` negation): true leaves a file out. */
  isExcluded?: (path: string) => boolean;
  /** True when everything below a directory is excluded: it is reported as `dir/` and not walked. */
  isExcludedDirectory?: (path: string) => boolean;
  /** Absolute directories never to descend into (the store itself, when it sits inside the root). */
  skipDirectories?: readonly string[];
  /** Called with the number of entries found so far, as the walk finds each one. */
  onFound?: (count: number) => void;
}

export interface CollectResult {
  files: CollectedFile[];
  /** Directories that hold nothing (relative): recorded so a restore makes them too. */
  emptyDirectories: string[];
  excluded: string[];
  skipped: Array<{ path: string; reason: string }>;
}

const GLOB_CHARS = /[*?[\]{}!]/;

/** A name that is not valid UTF-8, shown with each byte outside printable ASCII as \xNN. */
function escapeName(raw: Buffer): string {
  return [...raw]
    .map((byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`,
    )
    .join("");
}

/**
 * A directory's names; those that are not valid UTF-8 (a manifest path is
 * JSON text and cannot hold them, and decoding them loses bytes) are reported
 * by the caller, escaped, and left out.
 */
function readNames(absolute: string): { names: string[]; invalid: string[] } {
  const names = readdirSync(absolute);
  // Node decodes an invalid byte as U+FFFD: only then is the directory read again as bytes.
  if (!names.some((name) => name.includes("\uFFFD"))) return { names, invalid: [] };
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of readdirSync(absolute, { encoding: "buffer" })) {
    const name = raw.toString("utf8");
    if (Buffer.from(name, "utf8").equals(raw)) valid.push(name);
    else invalid.push(escapeName(raw));
  }
  return { names: valid, invalid };
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** The directory part of a glob before its first wildcard: where the walk starts. */
function globBase(pattern: string): string {
  const segments = pattern.split("/");
  const fixed: string[] = [];
  for (const segment of segments) {
    if (GLOB_CHARS.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join("/");
}

/** The first directory between the root and `absolute` that is a symlink (lstat checks only the last segment). */
function symlinkOnTheWay(root: string, absolute: string): string | undefined {
  let current = root;
  for (const segment of relative(root, absolute).split(sep).slice(0, -1)) {
    current = join(current, segment);
    try {
      if (lstatSync(current).isSymbolicLink()) return current;
    } catch {
      return undefined; // missing: the caller reports it
    }
  }
  return undefined;
}

/**
 * Walks what the patterns name, never following a symlink: a link is recorded
 * as a link (its target text), so a snapshot cannot reach outside the tree.
 * The walk uses synchronous calls on purpose: thousands of lstat round trips
 * through the thread pool cost several times more than the calls themselves.
 */
export async function collectFiles(options: CollectOptions): Promise<CollectResult> {
  const root = resolve(options.root);
  // compileGlobs, not a regex-based glob library: its time is linear in glob and path.
  const matchesExclude = compileGlobs(options.exclude ?? []);
  const isExcluded = (path: string) =>
    matchesExclude(path) || (options.isExcluded?.(path) ?? false);
  const skipDirectories = new Set((options.skipDirectories ?? []).map((dir) => resolve(dir)));
  const found = new Map<string, CollectedFile>();
  const emptyDirectories = new Set<string>();
  const excluded = new Set<string>();
  const skipped: CollectResult["skipped"] = [];

  const insideRoot = (absolute: string, shown: string): string => {
    const rel = relative(root, absolute);
    // A name such as "..data" (Kubernetes ConfigMap mounts) is inside; only a ".." segment leaves.
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new SnapgateError("UNSAFE_PATH", `'${shown}' is outside the snapshot root ${root}.`, {
        fix: "Name paths inside the root (the working directory, or --root DIR).",
      });
    }
    return toPosix(rel);
  };

  // `rel` is given for entries found by the walk: a readdir name holds no separator and is
  // never "..", so a child of a directory inside the root is inside it (no path.relative per file).
  const visit = async (
    absolute: string,
    matches: (path: string) => boolean,
    explicit: boolean,
    knownRel?: string,
  ): Promise<void> => {
    const rel = knownRel ?? insideRoot(absolute, absolute);
    let info;
    try {
      info = lstatSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && explicit) {
        throw new SnapgateError("NOT_FOUND", `'${rel || "."}' does not exist under ${root}.`, {
          fix: "Check the paths you asked to snapshot (they are relative to the root), or remove this one.",
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
          reason:
            "the name is not valid UTF-8, which a manifest cannot record; rename it to snapshot it",
        });
      entries.sort();
      const prefix = absolute.endsWith(sep) ? absolute : `${absolute}${sep}`;
      // Every name is backed up, ".snapgate-tmp-*" too: Snapgate's own temp files live in the
      // store (skipped as a whole above), never among the files a user names.
      if (
        entries.length === 0 &&
        invalid.length === 0 &&
        rel !== "" &&
        matches(rel) &&
        !isExcluded(rel)
      )
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
        mode: 0o777,
        size: 0,
        target: readlinkSync(absolute),
      });
      options.onFound?.(found.size);
    } else if (info.isFile()) {
      found.set(rel, {
        path: rel,
        absolute,
        type: "file",
        mode: info.mode & 0o7777,
        size: info.size,
        stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino },
        dev: info.dev,
      });
      options.onFound?.(found.size);
    } else {
      skipped.push({
        path: rel,
        reason: "not a regular file, directory or symlink (socket, FIFO or device)",
      });
    }
  };

  for (const pattern of options.patterns) {
    const normalized =
      toPosix(pattern)
        .replace(/^\.\/+/, "")
        .replace(/\/+$/, "") || ".";
    if (GLOB_CHARS.test(normalized)) {
      const matcher = compileGlobs([normalized]);
      const base = globBase(normalized);
      const start = resolve(root, base || ".");
      if (symlinkOnTheWay(root, start)) continue; // the walk never goes through a link
      try {
        lstatSync(start);
      } catch {
        continue; // a glob that matches nothing is not an error
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
            fix: "Snapgate records a symlink as a link and never follows it: name the link itself, or the directory it points to as --root.",
          },
        );
      }
      await visit(absolute, () => true, true);
    }
  }

  const files = [...found.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return {
    files,
    emptyDirectories: [...emptyDirectories].sort(),
    excluded: [...excluded].sort(),
    skipped,
  };
}
