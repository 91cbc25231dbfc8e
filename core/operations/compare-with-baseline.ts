import type { DrillBody, DrillDeviation } from "./drill-record.js";

/**
 * Deviations from the last known-good drill: files it restored that this one
 * did not (missing), files new since (extra), components whose files changed
 * in any way, and whether the validation said something else.
 */
export function compareWithBaseline(
  current: Pick<DrillBody, "files" | "validation">,
  baseline: Pick<DrillBody, "files" | "validation">,
  baselinePath: string,
): DrillDeviation {
  const before = new Map(baseline.files.map((file) => [file.path, file]));
  const after = new Map(current.files.map((file) => [file.path, file]));
  const changed = new Set<string>();
  const label = (component: string | null) => component ?? "(no component)";
  const missing = [...before.keys()].filter((path) => !after.has(path)).sort();
  const extra = [...after.keys()].filter((path) => !before.has(path)).sort();
  for (const path of missing) changed.add(label(before.get(path)?.component ?? null));
  for (const path of extra) changed.add(label(after.get(path)?.component ?? null));
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old && (old.blob !== file.blob || old.component !== file.component)) {
      changed.add(label(file.component));
      if (old.component !== file.component) changed.add(label(old.component));
    }
  }
  return {
    drill: baselinePath,
    missing,
    extra,
    changedComponents: [...changed].sort(),
    validationOutputDiffers:
      (current.validation?.outputSha256 ?? null) !== (baseline.validation?.outputSha256 ?? null),
  };
}
