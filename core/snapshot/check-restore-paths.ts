import { SnapgateError } from "../errors.js";
import type { FileEntry } from "../types.js";

export interface UnsafePath {
  path: string;
  reason: string;
}

const MAX_SEGMENT_BYTES = 255;

/** What no writer produces from a real tree: such a path could only escape or clobber the target. */
function pathProblem(path: string): string | undefined {
  if (typeof path !== "string" || path.length === 0) return "the path is empty";
  if (path.includes("\0")) return "the path contains a NUL byte";
  if (path.startsWith("/")) return "the path is absolute";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment (// or a trailing /)";
    if (segment === "." || segment === "..") return `the path has a '${segment}' segment`;
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return "a path segment is longer than 255 bytes";
  }
  return undefined;
}

/**
 * Refuses a manifest that could write outside the target or clobber its own
 * files: absolute paths, `..`, NUL, a file under another file or under a
 * symlink, a symlink with no target. Names are compared exactly: whether the
 * target's file system can hold them (case, Unicode normalisation, a
 * backslash on Windows) is findUnrestorableNames' question, and where a
 * symlink points is only warned about (findLinkWarnings): links are made
 * last and nothing is ever written through one. Returns every problem.
 */
export function findUnsafeRestorePaths(
  files: readonly FileEntry[],
  emptyDirectories: readonly string[] = [],
): UnsafePath[] {
  const problems: UnsafePath[] = [];
  const kinds = new Map<string, FileEntry["type"]>();
  const valid: FileEntry[] = [];
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) problems.push({ path: file.path, reason: problem });
    else if (kinds.has(file.path))
      problems.push({ path: file.path, reason: "the path is listed twice" });
    else {
      kinds.set(file.path, file.type);
      valid.push(file);
    }
  }
  const underAnEntry = (path: string): UnsafePath | undefined => {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      const kind = kinds.get(parent);
      if (kind === "file")
        return { path, reason: `its parent '${parent}' is a file in the same snapshot` };
      if (kind === "symlink")
        return { path, reason: `it would be written through the symlink '${parent}'` };
    }
    return undefined;
  };
  for (const file of valid) {
    const problem = underAnEntry(file.path);
    if (problem) problems.push(problem);
    if (
      file.type === "symlink" &&
      (typeof file.target !== "string" || file.target === "" || file.target.includes("\0"))
    )
      problems.push({ path: file.path, reason: "the symlink target is empty or contains NUL" });
  }
  for (const dir of emptyDirectories) {
    const problem = pathProblem(dir);
    if (problem) problems.push({ path: `${dir}/`, reason: problem });
    else if (kinds.has(dir))
      problems.push({ path: `${dir}/`, reason: "the snapshot also lists it as a file" });
    else {
      const under = underAnEntry(dir);
      if (under) problems.push({ path: `${dir}/`, reason: under.reason });
    }
  }
  return problems;
}

export function assertSafeRestorePaths(
  files: readonly FileEntry[],
  where: string,
  emptyDirectories: readonly string[] = [],
): void {
  const problems = findUnsafeRestorePaths(files, emptyDirectories);
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
