import type { DriftReport } from "../../core/snapshot/detect-drift.js";

export interface DriftRow {
  component: string;
  change: "added" | "removed" | "changed";
  path: string;
  detail: string;
}

/** Every drifted file of the workspace, per component (what `snapgate drift` prints). */
export function driftRows(report: DriftReport): DriftRow[] {
  return report.components.flatMap((group) => {
    const component = group.component ?? "(no component)";
    return [
      ...group.added.map((file): DriftRow => ({
        component,
        change: "added",
        path: file.path,
        detail: "",
      })),
      ...group.removed.map((file): DriftRow => ({
        component,
        change: "removed",
        path: file.path,
        detail: "",
      })),
      ...group.changed.map((change): DriftRow => ({
        component,
        change: "changed",
        path: change.path,
        detail: change.kinds.join(", "),
      })),
    ];
  });
}
