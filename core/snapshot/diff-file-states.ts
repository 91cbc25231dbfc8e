/** The parts of a file that make it "the same file": what diff, drift and --skip-unchanged compare. */
export interface FileState {
  path: string;
  type: "file" | "symlink";
  mode?: number;
  blob?: string;
  target?: string;
  size?: number;
  component?: string;
}

export type ChangeKind = "content" | "mode" | "type" | "target";

export interface FileChange {
  path: string;
  before: FileState;
  after: FileState;
  kinds: ChangeKind[];
}

export interface FileStateDiff {
  added: FileState[];
  removed: FileState[];
  changed: FileChange[];
  unchanged: number;
}

/** Compares two file lists by keyed blob id (never by content): no decryption needed. */
export function diffFileStates(
  before: readonly FileState[],
  after: readonly FileState[],
): FileStateDiff {
  const old = new Map(before.map((file) => [file.path, file]));
  const diff: FileStateDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const file of after) {
    const previous = old.get(file.path);
    old.delete(file.path);
    if (!previous) {
      diff.added.push(file);
      continue;
    }
    const kinds: ChangeKind[] = [];
    if (previous.type !== file.type) kinds.push("type");
    else if (file.type === "file") {
      if (previous.blob !== file.blob) kinds.push("content");
      if ((previous.mode ?? 0) !== (file.mode ?? 0)) kinds.push("mode");
    } else if (previous.target !== file.target) kinds.push("target");
    if (kinds.length > 0)
      diff.changed.push({ path: file.path, before: previous, after: file, kinds });
    else diff.unchanged += 1;
  }
  diff.removed = [...old.values()];
  return diff;
}

export function isEmptyDiff(diff: FileStateDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
