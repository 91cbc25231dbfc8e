import { formatDuration } from "../policy/parse-duration.js";
import type { MonthlyReport, ReportEvent } from "./monthly-report.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
const table = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
  [row(headers), row(headers.map(() => "---")), ...rows.map(row)].join("\n");
const duration = (ms: number | null) => (ms === null ? "-" : formatDuration(ms));
const met = (value: boolean | null) => (value === null ? "no SLA" : value ? "met" : "MISSED");

function events(list: readonly ReportEvent[]): string {
  if (list.length === 0) return "None.";
  return table(
    ["time", "what", "snapshot", "by", "approvers", "request"],
    list.map((e) => [
      e.time,
      e.type,
      e.stream ? `${e.stream}@${e.seq ?? "?"}` : "-",
      e.actor,
      e.approvers.join(", ") || "-",
      e.request ?? "-",
    ]),
  );
}

/** The monthly report as Markdown (for an issue, a wiki or a PDF). */
export function renderReportMarkdown(report: MonthlyReport): string {
  const out: string[] = [
    `# Snapgate compliance report ${report.month}`,
    "",
    `Period ${report.from} to ${report.until} (exclusive), store ${report.store}, generated ${report.generatedAt}.`,
    "",
    "## Summary",
    "",
    table(
      ["snapshots", "drills (passed)", "restores", "deletions", "alerts raised", "alerts resolved"],
      [
        [
          String(report.totals.snapshots),
          `${report.totals.drills} (${report.totals.drillsPassed})`,
          String(report.totals.restores),
          String(report.totals.deletions),
          String(report.totals.alertsRaised),
          String(report.totals.alertsResolved),
        ],
      ],
    ),
    "",
    "## Coverage",
    "",
    table(
      ["tier", "environments", "fully covered"],
      report.tiers.map((t) => [t.tier, String(t.environments), String(t.covered)]),
    ),
    "",
    table(
      [
        "environment",
        "tier",
        "snapshots",
        "latest at end",
        "coverage",
        "missing components",
        "checks ok",
      ],
      report.environments.map((env) => [
        env.environment,
        env.tier ?? "-",
        String(env.snapshots),
        env.latestAtEnd ? `#${env.latestAtEnd.seq} ${env.latestAtEnd.time}` : "none",
        env.coverage.state,
        env.coverage.missingComponents.join(", ") || "-",
        `${env.checks.ok}/${env.checks.total}`,
      ]),
    ),
    "",
    "## Retention",
    "",
    table(
      ["environment", "held", "forgotten", "floor min_count", "legal hold", "adheres"],
      report.environments.map((env) => [
        env.environment,
        String(env.retention.held),
        String(env.retention.forgottenInMonth),
        String(env.retention.minCount),
        env.retention.legalHold ?? "-",
        env.retention.adheres ? "yes" : `NO: ${env.retention.problems.join("; ")}`,
      ]),
    ),
    "",
    "## Drills",
    "",
  ];
  const drills = report.environments.flatMap((env) => env.drills.map((d) => ({ env, d })));
  out.push(
    drills.length === 0
      ? "None."
      : table(
          [
            "environment",
            "time",
            "snapshot",
            "result",
            "RTO",
            "RTO SLA",
            "RPO",
            "RPO SLA",
            "sign-offs",
          ],
          drills.map(({ env, d }) => [
            env.environment,
            d.time,
            `#${d.seq}`,
            d.trusted ? (d.ok ? "passed" : "FAILED") : "UNTRUSTED record",
            duration(d.rtoMs),
            met(d.rtoMet),
            duration(d.rpoMs),
            met(d.rpoMet),
            d.signoffs.join(", ") || "none recorded",
          ]),
        ),
    "",
    `${report.totals.drillsSignedOff} of ${report.totals.drills} drills signed off by ops and security.`,
    "",
    "## Restores",
    "",
    events(report.restores),
    "",
    "## Deletions",
    "",
    events(report.deletions),
    "",
    "## Exceptions",
    "",
    report.exceptions.length === 0
      ? "None."
      : table(
          ["#", "paths", "reason", "accepted by", "expires", "state"],
          report.exceptions.map((e) => [
            String(e.index),
            e.paths.join(", "),
            e.reason,
            e.acceptedBy.join(", "),
            e.expires,
            e.expired ? "EXPIRED" : e.expiresInMonth ? "expires this month" : "active",
          ]),
        ),
    "",
    "## Alerts (late backups)",
    "",
  );
  const alerts = report.environments.flatMap((env) => env.alerts.map((a) => ({ env, a })));
  out.push(
    alerts.length === 0
      ? "None."
      : table(
          ["environment", "raised", "resolved"],
          alerts.map(({ env, a }) => [
            env.environment,
            a.raisedAt,
            a.resolvedAt ?? "OPEN at the end of the period",
          ]),
        ),
    "",
    "## Alert issues (from the audit log)",
    "",
    report.alertIssues.length === 0
      ? "None."
      : table(
          ["environment", "problem", "issue", "raised", "updates", "resolved"],
          report.alertIssues.map((a) => [
            a.environment,
            a.problem,
            `${a.repository}#${a.issue}`,
            a.raisedAt,
            String(a.updates),
            a.resolvedAt ?? "OPEN at the end of the period",
          ]),
        ),
    "",
    `Synthetic canary: ${report.canary.runs} run(s), ${report.canary.passed} passed, ${report.canary.failed} failed${report.canary.lastFailure ? ` (last failure ${report.canary.lastFailure})` : ""}.`,
    "",
  );
  return out.join("\n");
}
