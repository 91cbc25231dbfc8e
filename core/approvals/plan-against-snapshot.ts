import { compileGlobs } from "../policy/glob.js";
import { diffFileStates, type FileState } from "../snapshot/diff-file-states.js";
import type { PlannedChange } from "../snapshot/restore-snapshot.js";

/**
 * What a restore of `wanted` (limited to `paths`; none: every file) would
 * change in an environment that holds `current` (its newest snapshot; null:
 * none), by keyed blob id, so no identity is needed: files to create, to
 * update, unchanged, and files restore keeps as extra (it deletes nothing
 * unless asked). For the status comment of a request; the restore job plans
 * again against the real target.
 */
export function planAgainstSnapshot(
  current: readonly FileState[] | null,
  wanted: readonly FileState[],
  paths: readonly string[],
): PlannedChange[] {
  const matches = paths.length === 0 ? () => true : compileGlobs(paths);
  const inScope = (files: readonly FileState[]) => files.filter((file) => matches(file.path));
  const after = inScope(wanted);
  const diff = diffFileStates(inScope(current ?? []), after);
  const touched = new Set([...diff.added, ...diff.changed].map((file) => file.path));
  const plan: PlannedChange[] = [
    ...diff.added.map((file) => ({ path: file.path, action: "create" as const })),
    ...diff.changed.map((change) => ({
      path: change.path,
      action: "update" as const,
      changes: change.kinds,
    })),
    ...diff.removed.map((file) => ({ path: file.path, action: "extra" as const })),
    ...after
      .filter((file) => !touched.has(file.path))
      .map((file) => ({ path: file.path, action: "unchanged" as const })),
  ];
  return plan.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
