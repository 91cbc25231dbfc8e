import { lstatSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { UnsafePath } from "./check-restore-paths.js";

export interface RestoreEntry {
  path: string;
  type: "file" | "symlink" | "directory";
}

export interface TargetInspection {
  /** What is at each entry's place now (absent: nothing). */
  existing: Map<string, Stats>;
  /** Directories to make, relative, each after its parent. */
  missingDirectories: string[];
  /** Everything that would stop the restore half-way: reported before anything is written. */
  conflicts: UnsafePath[];
  /** Inodes (dev:ino) of every existing place and parent: the same file under another spelling. */
  knownInodes: Set<string>;
}

export const inodeKey = (info: Stats): string => `${info.dev}:${info.ino}`;

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Looks (lstat only, never following a link) at every parent directory and
 * every place the restore would write, and lists every conflict: a parent
 * that is a symlink or a file, a directory where the snapshot has a file or a
 * link, a file where it has a directory. In a new or empty target nothing is
 * looked at. Synchronous on purpose, as in collectFiles: many small calls.
 */
export function inspectRestoreTarget(
  target: string,
  entries: readonly RestoreEntry[],
  targetIsEmpty: boolean,
): TargetInspection {
  const existing = new Map<string, Stats>();
  const missingDirectories: string[] = [];
  const conflicts: UnsafePath[] = [];
  const knownInodes = new Set<string>();
  // For each directory: "dir", "missing", or why it cannot hold anything.
  const directories = new Map<string, string>([["", "dir"]]);
  const directoryState = (relative: string): string => {
    const known = directories.get(relative);
    if (known !== undefined) return known;
    const slash = relative.lastIndexOf("/");
    const parent = directoryState(slash < 0 ? "" : relative.slice(0, slash));
    let state: string;
    if (parent !== "dir" || targetIsEmpty)
      state = parent === "dir" || parent === "missing" ? "missing" : parent;
    else {
      const absolute = join(target, relative);
      const info = lstatOrNull(absolute);
      if (!info) state = "missing";
      else {
        knownInodes.add(inodeKey(info));
        state = info.isSymbolicLink()
          ? `${absolute} is a symlink`
          : info.isDirectory()
            ? "dir"
            : `${absolute} is not a directory`;
      }
    }
    if (state === "missing") missingDirectories.push(relative);
    directories.set(relative, state);
    return state;
  };
  for (const entry of entries) {
    if (entry.type === "directory") {
      const state = directoryState(entry.path);
      if (state !== "dir" && state !== "missing")
        conflicts.push({ path: `${entry.path}/`, reason: state });
      continue;
    }
    const slash = entry.path.lastIndexOf("/");
    const parent = directoryState(slash < 0 ? "" : entry.path.slice(0, slash));
    if (parent !== "dir") {
      if (parent !== "missing") conflicts.push({ path: entry.path, reason: parent });
      continue;
    }
    if (targetIsEmpty) continue;
    const absolute = join(target, entry.path);
    const info = lstatOrNull(absolute);
    if (!info) continue;
    knownInodes.add(inodeKey(info));
    existing.set(entry.path, info);
    if (info.isDirectory())
      conflicts.push({ path: entry.path, reason: `${absolute} is a directory` });
  }
  return { existing, missingDirectories, conflicts, knownInodes };
}
