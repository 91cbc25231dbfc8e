import type { DriftReport } from "../../core/snapshot/detect-drift.js";
import { markdownTable } from "../lib/markdown-table.js";
import { driftRows } from "./drift-rows.js";

const LISTED = 200;

/** The job summary: the snapshot compared with, then each drifted file by component. */
export function driftSummary(report: DriftReport): string {
  const { snapshot } = report;
  const base = `${snapshot.stream}@${snapshot.seq} \`${snapshot.id.slice(0, 12)}\` (${snapshot.time})`;
  const rows = driftRows(report);
  const parts = [
    `### Snapgate drift: ${report.drifted ? `${rows.length} file(s) differ` : "no drift"}`,
    "",
    report.drifted
      ? `The workspace differs from ${base}: ${report.added} added, ${report.removed} removed, ${report.changed} changed, ${report.unchanged} unchanged.`
      : `All ${report.unchanged} file(s) match ${base}.`,
    "",
  ];
  if (rows.length > 0) {
    parts.push(
      markdownTable(
        ["component", "change", "path", "detail"],
        rows.slice(0, LISTED).map((row) => [row.component, row.change, row.path, row.detail]),
      ),
      ...(rows.length > LISTED ? ["", `... and ${rows.length - LISTED} more.`] : []),
      "",
    );
  }
  return `${parts.join("\n")}\n`;
}
