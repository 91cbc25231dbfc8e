import { formatDuration } from "../policy/parse-duration.js";
import { escapeHtml } from "./escape-html.js";
import type { MonthlyReport, ReportEvent } from "./monthly-report.js";
import { PAGE_STYLE } from "./page-style.js";
import { statusBadge } from "./status-badge.js";
import { svgChart } from "./svg-chart.js";

const e = escapeHtml;
const duration = (ms: number | null) => (ms === null ? "-" : formatDuration(ms));

/** A table with a caption and column headers (th scope=col); row headers for the first cell. */
function table(
  caption: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  if (rows.length === 0) return `<p>${e(caption)}: none.</p>`;
  return [
    `<table><caption>${e(caption)}</caption><thead><tr>`,
    ...headers.map((h) => `<th scope="col">${e(h)}</th>`),
    "</tr></thead><tbody>",
    ...rows.map(
      (cells) =>
        `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`,
    ),
    "</tbody></table>",
  ].join("");
}

function events(caption: string, list: readonly ReportEvent[]): string {
  return table(
    caption,
    ["time", "what", "snapshot", "by", "approvers", "request"],
    list.map((ev) => [
      e(ev.time),
      e(ev.type),
      e(ev.stream ? `${ev.stream}@${ev.seq ?? "?"}` : "-"),
      e(ev.actor),
      e(ev.approvers.join(", ") || "-"),
      e(ev.request ?? "-"),
    ]),
  );
}

/** The monthly report as one self-contained HTML page: no script, no external resource, inline SVG charts. */
export function renderReportHtml(report: MonthlyReport): string {
  const days = report.environments[0]?.backupAge.map((sample) => sample.day) ?? [];
  const ageChart = svgChart({
    kind: "line",
    title: `Backup age over ${report.month}`,
    description:
      "Age of the newest snapshot at the end of each day, per environment, in hours. The table below the charts has the same numbers.",
    labels: days,
    series: report.environments.map((env) => ({
      label: env.environment,
      values: env.backupAge.map((sample) =>
        sample.ageMs === null ? null : sample.ageMs / 3_600_000,
      ),
    })),
    format: (value) => `${value.toFixed(0)}h`,
  });
  const rateChart = svgChart({
    kind: "bar",
    title: "Success rate of verifications and drills",
    description:
      "Per environment, the share of the month's verification records and drills that passed, in percent.",
    labels: report.environments.map((env) => env.environment),
    series: [
      {
        label: "passed (%)",
        values: report.environments.map((env) =>
          env.checks.total === 0 ? null : (100 * env.checks.ok) / env.checks.total,
        ),
      },
    ],
    format: (value) => `${value.toFixed(0)}%`,
  });
  const coverageChart = svgChart({
    kind: "bar",
    title: "Coverage per tier",
    description:
      "Per tier, the environments and how many of them are fully covered at the end of the month.",
    labels: report.tiers.map((tier) => tier.tier),
    series: [
      { label: "environments", values: report.tiers.map((tier) => tier.environments) },
      { label: "fully covered", values: report.tiers.map((tier) => tier.covered) },
    ],
    format: (value) => value.toFixed(0),
  });
  const drills = report.environments.flatMap((env) => env.drills.map((d) => ({ env, d })));
  const alerts = report.environments.flatMap((env) => env.alerts.map((a) => ({ env, a })));
  const t = report.totals;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Snapgate compliance report ${e(report.month)}</title><style>${PAGE_STYLE}</style></head>
<body>
<header><h1>Snapgate compliance report ${e(report.month)}</h1>
<p>Period ${e(report.from)} to ${e(report.until)} (exclusive). Store ${e(report.store)}. Generated ${e(report.generatedAt)}.</p></header>
<nav aria-label="Sections"><ul>${["summary", "coverage", "charts", "retention", "drills", "restores", "deletions", "exceptions", "alerts"].map((id) => `<li><a href="#${id}">${id}</a></li>`).join("")}</ul></nav>
<main>
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
${table("Totals for the month", ["snapshots", "drills", "drills passed", "restores", "deletions", "alerts raised", "alerts resolved"], [[String(t.snapshots), String(t.drills), String(t.drillsPassed), String(t.restores), String(t.deletions), String(t.alertsRaised), String(t.alertsResolved)]])}
</section>
<section id="coverage" aria-labelledby="coverage-h"><h2 id="coverage-h">Coverage</h2>
${table(
  "Coverage per tier",
  ["tier", "environments", "fully covered"],
  report.tiers.map((tier) => [e(tier.tier), String(tier.environments), String(tier.covered)]),
)}
${table(
  "Coverage per environment",
  [
    "environment",
    "tier",
    "snapshots",
    "latest at end",
    "coverage",
    "missing components",
    "checks passed",
  ],
  report.environments.map((env) => [
    e(env.environment),
    e(env.tier ?? "-"),
    String(env.snapshots),
    e(env.latestAtEnd ? `#${env.latestAtEnd.seq} ${env.latestAtEnd.time}` : "none"),
    env.coverage.state === "none"
      ? statusBadge(false, "", "no snapshot")
      : statusBadge(
          env.coverage.state === "pass",
          "covered",
          env.coverage.state === "unknown" ? "unknown" : "gaps",
        ),
    e(env.coverage.missingComponents.join(", ") || "-"),
    `${env.checks.ok}/${env.checks.total}`,
  ]),
)}
</section>
<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2>
<figure>${ageChart}<figcaption>Backup age at the end of each day (hours).</figcaption></figure>
<figure>${rateChart}<figcaption>Success rate of verifications and drills.</figcaption></figure>
<figure>${coverageChart}<figcaption>Coverage per tier.</figcaption></figure>
${table(
  "Backup age at the end of each day (hours)",
  ["day", ...report.environments.map((env) => env.environment)],
  days.map((day, i) => [
    e(day),
    ...report.environments.map((env) => {
      const age = env.backupAge[i]?.ageMs ?? null;
      return age === null ? "-" : (age / 3_600_000).toFixed(1);
    }),
  ]),
)}
</section>
<section id="retention" aria-labelledby="retention-h"><h2 id="retention-h">Retention</h2>
${table(
  "Retention adherence",
  ["environment", "held", "forgotten this month", "floor min_count", "legal hold", "adheres"],
  report.environments.map((env) => [
    e(env.environment),
    String(env.retention.held),
    String(env.retention.forgottenInMonth),
    String(env.retention.minCount),
    e(env.retention.legalHold ?? "-"),
    statusBadge(env.retention.adheres, "yes", `no: ${env.retention.problems.join("; ")}`),
  ]),
)}
</section>
<section id="drills" aria-labelledby="drills-h"><h2 id="drills-h">Drills</h2>
${table(
  "Drills with RTO and RPO",
  ["environment", "time", "snapshot", "result", "RTO", "RTO SLA", "RPO", "RPO SLA", "sign-offs"],
  drills.map(({ env, d }) => [
    e(env.environment),
    e(d.time),
    `#${d.seq}`,
    d.trusted ? statusBadge(d.ok, "passed", "failed") : statusBadge(false, "", "untrusted record"),
    e(duration(d.rtoMs)),
    d.rtoMet === null
      ? "no SLA"
      : statusBadge(d.rtoMet, `met (${duration(d.rtoSlaMs)})`, `missed (${duration(d.rtoSlaMs)})`),
    e(duration(d.rpoMs)),
    d.rpoMet === null
      ? "no SLA"
      : statusBadge(d.rpoMet, `met (${duration(d.rpoSlaMs)})`, `missed (${duration(d.rpoSlaMs)})`),
    e(d.signoffs.join(", ") || "none recorded"),
  ]),
)}
<p>${t.drillsSignedOff} of ${t.drills} drills signed off by ops and security.</p>
</section>
<section id="restores" aria-labelledby="restores-h"><h2 id="restores-h">Restores</h2>${events("Restores and their approvers", report.restores)}</section>
<section id="deletions" aria-labelledby="deletions-h"><h2 id="deletions-h">Deletions</h2>${events("Forgotten snapshots and pruned blobs", report.deletions)}</section>
<section id="exceptions" aria-labelledby="exceptions-h"><h2 id="exceptions-h">Exceptions</h2>
${table(
  "Exceptions and their expiry",
  ["#", "paths", "reason", "accepted by", "expires", "state"],
  report.exceptions.map((x) => [
    String(x.index),
    e(x.paths.join(", ")),
    e(x.reason),
    e(x.acceptedBy.join(", ")),
    e(x.expires),
    x.expired
      ? statusBadge(false, "", "expired")
      : statusBadge(true, x.expiresInMonth ? "expires this month" : "active", ""),
  ]),
)}
</section>
<section id="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">Alerts</h2>
${table(
  "Late backups raised and resolved",
  ["environment", "raised", "resolved"],
  alerts.map(({ env, a }) => [
    e(env.environment),
    e(a.raisedAt),
    a.resolvedAt ? e(a.resolvedAt) : statusBadge(false, "", "open at the end of the period"),
  ]),
)}
${table(
  "Alert issues raised and resolved (from the audit log)",
  ["environment", "problem", "issue", "raised", "updates", "resolved"],
  report.alertIssues.map((a) => [
    e(a.environment),
    e(a.problem),
    e(`${a.repository}#${a.issue}`),
    e(a.raisedAt),
    e(String(a.updates)),
    a.resolvedAt ? e(a.resolvedAt) : statusBadge(false, "", "open at the end of the period"),
  ]),
)}
<p>Synthetic canary: ${e(String(report.canary.runs))} run(s), ${e(String(report.canary.passed))} passed, ${e(String(report.canary.failed))} failed.</p>
</section>
</main>
<footer><p>Generated by Snapgate. Charts are inline SVG; every number is also in a table.</p></footer>
</body></html>
`;
}
