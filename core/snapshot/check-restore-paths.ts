import { posix } from "node:path";
import { SnapgateError } from "../errors.js";
import type { FileEntry } from "../types.js";

export interface UnsafePath {
  path: string;
  reason: string;
}

const MAX_SEGMENT_BYTES = 255;

function pathProblem(path: string): string | undefined {
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
  return undefined;
}

/** Case-insensitive and Unicode-normalised: what collides on macOS and Windows file systems. */
function foldKey(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * Refuses a manifest that could write outside the target or clobber its own
 * files: absolute paths, `..`, NUL, case-insensitive collisions, a file under
 * another file or under a symlink, and symlinks that lead out of the tree or
 * through another symlink. Returns every problem, for the error's details.
 */
export function findUnsafeRestorePaths(files: readonly FileEntry[]): UnsafePath[] {
  const problems: UnsafePath[] = [];
  const seen = new Map<string, string>();
  const kinds = new Map<string, FileEntry["type"]>();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) {
      problems.push({ path: file.path, reason: problem });
      continue;
    }
    const key = foldKey(file.path);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: file.path,
        reason: `it collides with '${earlier}' on case-insensitive file systems`,
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
          reason: `its parent '${parent}' is a file in the same snapshot`,
        });
      if (kind === "symlink")
        problems.push({
          path: file.path,
          reason: `it would be written through the symlink '${parent}'`,
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
        reason: `the symlink points to the absolute path ${file.target}`,
      });
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file.path), file.target));
    if (resolved === ".." || resolved.startsWith("../")) {
      problems.push({
        path: file.path,
        reason: `the symlink points outside the restore directory (${file.target})`,
      });
      continue;
    }
    const hops = foldKey(resolved).split("/");
    for (let i = 1; i < hops.length; i++) {
      if (kinds.get(hops.slice(0, i).join("/")) === "symlink") {
        problems.push({
          path: file.path,
          reason: `the symlink's target passes through another symlink (${file.target})`,
        });
        break;
      }
    }
  }
  return problems;
}

export function assertSafeRestorePaths(files: readonly FileEntry[], where: string): void {
  const problems = findUnsafeRestorePaths(files);
  const first = problems[0];
  if (first) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to restore ${where}: '${first.path.replace(/\0/g, "\\0")}' is unsafe (${first.reason})${problems.length > 1 ? ` and ${problems.length - 1} more` : ""}. Nothing was written.`,
      {
        fix: "This manifest was crafted or written by a faulty writer; do not restore it. Check who can write the store, and restore an earlier snapshot.",
        details: { problems },
      },
    );
  }
}
