import type { DrillResult } from "../../core/operations/run-drill.js";
import { formatDuration } from "../../core/policy/parse-duration.js";
import { markdownTable } from "../lib/markdown-table.js";

const sla = (met: boolean | null, limit: number | null) =>
  met === null || limit === null
    ? "no SLA"
    : `${met ? "met" : "MISSED"} (${formatDuration(limit)})`;

/** The job summary: outcome, RTO/RPO against the SLA, deviations from the baseline, gaps. */
export function drillSummary(result: DrillResult): string {
  const r = result.record;
  const parts = [
    `### Snapgate drill of ${r.stream}@${r.seq}: ${r.ok ? "passed" : "FAILED"}${r.slaMet === false ? ", SLA missed" : ""}`,
    "",
    "A configuration-only drill into a staging directory.",
    "",
    markdownTable(
      ["measure", "value", "SLA"],
      [
        ["RTO (restore + validation)", formatDuration(r.rto.ms), sla(r.rto.met, r.rto.slaMs)],
        ["RPO (snapshot age)", formatDuration(r.rpo.snapshotAgeMs), sla(r.rpo.met, r.rpo.slaMs)],
        ["configuration unchanged since", r.rpo.lastChangeAt, ""],
        [
          "validation",
          r.validation
            ? r.validation.timedOut
              ? "timed out"
              : `exit ${r.validation.exitCode ?? "(did not start)"}`
            : "none",
          "",
        ],
      ],
    ),
    "",
  ];
  if (r.baseline) {
    parts.push(
      `#### Compared with ${r.baseline.drill}`,
      "",
      markdownTable(
        ["deviation", "what"],
        [
          ["missing files", r.baseline.missing.join(", ") || "none"],
          ["extra files", r.baseline.extra.join(", ") || "none"],
          ["changed components", r.baseline.changedComponents.join(", ") || "none"],
          ["validation output", r.baseline.validationOutputDiffers ? "differs" : "same"],
        ],
      ),
      "",
    );
  }
  if (r.gaps.length)
    parts.push(
      "#### Gaps",
      "",
      markdownTable(
        ["kind", "path", "gap"],
        r.gaps.map((g) => [g.kind, g.path ?? "", g.message]),
      ),
      "",
    );
  parts.push(`Record: \`${result.path}\``, "");
  // Sign-off happens in a comment (ADR 1203): say what to type, and who may not.
  if (r.ok)
    parts.push(
      `To sign it off, someone in the policy's roles.ops and someone else in roles.security comment \`/snapgate signoff ${result.path}\`${r.ranBy ? ` (not @${r.ranBy.login}, who ran it)` : ""}.`,
      "",
    );
  return parts.join("\n");
}
