import { formatBytes } from "../../core/format-bytes.js";
import type { VerifyReport } from "../../core/snapshot/verify-snapshots.js";
import { markdownTable } from "../lib/markdown-table.js";

/** The job summary: each snapshot checked with its outcome, then every problem with its fix. */
export function verifySummary(report: VerifyReport, records: readonly string[]): string {
  const problems = report.snapshots.flatMap((snapshot) =>
    snapshot.problems.map((problem) => [
      `${snapshot.stream}@${snapshot.seq}`,
      problem.kind,
      problem.path ?? "",
      problem.message,
      problem.fix,
    ]),
  );
  const parts = [
    `### Snapgate verify (${report.level} level): ${report.ok ? "verified" : `${problems.length} problem(s)`}`,
    "",
    `${report.snapshots.length} snapshot(s), ${report.blobsChecked} blob(s), ${formatBytes(report.bytesChecked)} checked.${records.length ? ` ${records.length} verification record(s) written.` : ""}`,
    "",
    markdownTable(
      ["snapshot", "id", "result"],
      report.snapshots.map((snapshot) => [
        `${snapshot.stream}@${snapshot.seq}`,
        snapshot.id.slice(0, 12),
        snapshot.ok
          ? snapshot.forgotten
            ? "ok (forgotten: blobs not checked)"
            : "ok"
          : `FAIL (${snapshot.problems.length})`,
      ]),
    ),
    "",
  ];
  if (problems.length > 0)
    parts.push(
      "#### Problems",
      "",
      markdownTable(["snapshot", "kind", "path", "problem", "fix"], problems),
      "",
    );
  return `${parts.join("\n")}\n`;
}
