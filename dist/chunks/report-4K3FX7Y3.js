import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  PAGE_STYLE,
  escapeHtml,
  statusBadge
} from "./chunk-CKWWHVZV.js";
import {
  readDrillSignoffs
} from "./chunk-FX5RSN3Z.js";
import {
  SIGNOFF_ROLES
} from "./chunk-RVXFVMQY.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  readDrillRecord
} from "./chunk-PD42TAJT.js";
import {
  parseDrillPath
} from "./chunk-NG32LOAZ.js";
import {
  judgeCoverage
} from "./chunk-73STOSWY.js";
import {
  writeFileAtomic
} from "./chunk-CPZT5EG3.js";
import {
  parseVerificationPath
} from "./chunk-3H2Q7RHS.js";
import "./chunk-I227H2ZL.js";
import "./chunk-K3D2YTSH.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-WPITP5OQ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/report.ts
import { resolve } from "node:path";

// core/operations/alert-issues-from-audit.ts
function alertIssuesFromAudit(events3, fromMs, untilMs) {
  const byIssue = /* @__PURE__ */ new Map();
  const canary = { runs: 0, passed: 0, failed: 0, lastFailure: null };
  for (const event of events3) {
    const time = Date.parse(event.time);
    if (!(time < untilMs)) continue;
    if (event.type === "canary.checked") {
      if (time < fromMs) continue;
      canary.runs++;
      if (event.details?.["ok"] === true) canary.passed++;
      else {
        canary.failed++;
        canary.lastFailure = event.time;
      }
      continue;
    }
    if (!event.type.startsWith("alert.")) continue;
    const { environment, problem, repository, issue } = event.subject;
    if (typeof issue !== "number" || typeof repository !== "string") continue;
    const key = `${repository}#${issue}`;
    if (event.type === "alert.opened") {
      byIssue.set(key, {
        environment: String(environment),
        problem: String(problem),
        repository,
        issue,
        url: typeof event.details?.["url"] === "string" ? event.details["url"] : null,
        raisedAt: event.time,
        resolvedAt: null,
        updates: 0
      });
      continue;
    }
    const record = byIssue.get(key);
    if (!record) continue;
    if (event.type === "alert.updated") record.updates++;
    if (event.type === "alert.resolved" && record.resolvedAt === null)
      record.resolvedAt = event.time;
  }
  const alerts = [...byIssue.values()].filter(
    (record) => record.resolvedAt === null || Date.parse(record.resolvedAt) >= fromMs
  );
  return { alerts, canary };
}

// core/operations/late-periods.ts
function latePeriods(snapshotTimesMs, maxAgeMs, lateAfterMs, fromMs, untilMs) {
  const times = [...snapshotTimesMs].filter((t) => t < untilMs).sort((a, b) => a - b);
  const periods = [];
  times.forEach((time, index) => {
    const raised = time + maxAgeMs + lateAfterMs;
    const next = times[index + 1];
    const end = next ?? untilMs;
    if (raised >= end || end <= fromMs || raised >= untilMs) return;
    periods.push({
      raisedAt: new Date(raised).toISOString(),
      resolvedAt: next === void 0 ? null : new Date(next).toISOString()
    });
  });
  return periods;
}

// core/operations/build-monthly-report.ts
var DAY_MS = 864e5;
function monthRange(month) {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) {
    throw new SnapgateError("USAGE", `--month '${month}' is not a month.`, {
      fix: "Write it as YYYY-MM, e.g. --month 2026-11."
    });
  }
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { fromMs: Date.UTC(year, index, 1), endMs: Date.UTC(year, index + 1, 1) };
}
function effectiveMs(entry) {
  return Math.min(Date.parse(entry.time), Date.parse(entry.writtenAt));
}
function parseEvents(lines) {
  const events3 = [];
  for (const line of lines) {
    try {
      const event = JSON.parse(line);
      if (typeof event.type === "string" && typeof event.time === "string") events3.push(event);
    } catch {
    }
  }
  return events3;
}
function reportEvent(event) {
  const details = event.details ?? {};
  const approvers = Array.isArray(details["approvers"]) ? details["approvers"].map(String) : [];
  const request = details["request"] ?? details["approval"];
  return {
    time: event.time,
    type: event.type,
    stream: typeof event.subject["stream"] === "string" ? event.subject["stream"] : null,
    seq: typeof event.subject["seq"] === "number" ? event.subject["seq"] : null,
    actor: event.actor.login ?? event.actor.kind,
    approvers,
    request: typeof request === "string" ? request : null
  };
}
async function buildMonthlyReport(options) {
  const { store, policy, month, now } = options;
  const { fromMs, endMs } = monthRange(month);
  if (fromMs > now.getTime()) {
    throw new SnapgateError("USAGE", `${month} has not begun.`, {
      fix: "Report on this month or an earlier one."
    });
  }
  const untilMs = Math.min(endMs, now.getTime());
  const inMonth = (ms) => ms >= fromMs && ms < untilMs;
  const allEvents = parseEvents(await store.readAuditLines());
  const events3 = allEvents.filter((event) => inMonth(Date.parse(event.time)));
  const trusted = policy.keys.writers.map((writer) => writer.key);
  const environments = [];
  for (const environment of Object.keys(policy.environments).sort()) {
    const envPolicy = policy.environments[environment];
    const tier = envPolicy ? policy.tiers[envPolicy.tier] : void 0;
    const index = await store.readStreamIndex(environment);
    const entries = index.catalog.filter((entry) => effectiveMs(entry) < untilMs);
    const forgottenInMonth = events3.filter(
      (event) => event.type === "snapshot.forgotten" && event.subject["stream"] === environment
    );
    const forgottenLater = new Set(
      allEvents.filter(
        (event) => event.type === "snapshot.forgotten" && event.subject["stream"] === environment && Date.parse(event.time) >= untilMs
      ).map((event) => event.subject["seq"])
    );
    const tombstoned = new Set(index.tombstoneSeqs.filter((seq) => !forgottenLater.has(seq)));
    const held = entries.filter((entry) => !tombstoned.has(entry.seq));
    const latest = [...held].sort((a, b) => effectiveMs(a) - effectiveMs(b)).at(-1) ?? null;
    let coverage = { state: "none", missingComponents: [] };
    if (latest) {
      const bytes = await store.readManifest(environment, latest.seq);
      const manifest = bytes ? await openManifest(store, bytes, `manifest ${environment}@${latest.seq}`) : null;
      const judged = judgeCoverage(
        policy,
        environment,
        manifest ? manifest.files.flatMap((file) => file.component ? [file.component] : []) : latest.components,
        manifest?.coverage?.uncoveredTier0Paths ?? null
      );
      coverage = { state: judged.state, missingComponents: judged.missingComponents };
    }
    const times = entries.map(effectiveMs).sort((a, b) => a - b);
    const backupAge = [];
    for (let day = fromMs; day < untilMs; day += DAY_MS) {
      const sample = Math.min(day + DAY_MS, untilMs);
      const newest = times.filter((time) => time <= sample).at(-1);
      backupAge.push({
        day: new Date(day).toISOString().slice(0, 10),
        ageMs: newest === void 0 ? null : sample - newest
      });
    }
    const verifications = index.verifications.map((path) => parseVerificationPath(path)).filter((name) => name !== void 0 && inMonth(Date.parse(name.time)));
    const drillPaths = await store.listRecords(`drills/${environment}`);
    const listed = new Set(drillPaths);
    const drillNames = drillPaths.map((path) => parseDrillPath(path)).filter((name) => name !== void 0 && inMonth(Date.parse(name.time)));
    const drills = [];
    for (const name of drillNames) {
      if (!name) continue;
      const read = await readDrillRecord(store, name.path, trusted);
      const record = read.ok ? read.record : null;
      const signoffs = await readDrillSignoffs(
        store,
        await loadSodium(),
        name.path,
        policy.keys.app ?? [],
        listed
      );
      drills.push({
        path: name.path,
        time: name.time,
        seq: record?.seq ?? 0,
        ok: name.ok && read.ok,
        trusted: read.ok,
        rtoMs: record?.rto.ms ?? null,
        rtoSlaMs: record?.rto.slaMs ?? null,
        rtoMet: record?.rto.met ?? null,
        rpoMs: record?.rpo.snapshotAgeMs ?? null,
        rpoSlaMs: record?.rpo.slaMs ?? null,
        rpoMet: record?.rpo.met ?? null,
        // Only app-signed sign-offs count; one that cannot be trusted is said so, never counted.
        signoffs: SIGNOFF_ROLES.flatMap((role) => {
          const signoff = signoffs[role];
          if (signoff === null) return [];
          return signoff.state === "signed" ? [`${role}: @${signoff.record.by.login} (${signoff.record.at.slice(0, 10)})`] : [`${role}: untrusted record`];
        }),
        signedOff: read.ok && SIGNOFF_ROLES.every((role) => signoffs[role]?.state === "signed")
      });
    }
    const floor = tier?.retention.floor;
    const minCount = floor?.minCount ?? 0;
    const legalHold = floor?.legalHold?.reason ?? null;
    const retentionProblems = [];
    if (held.length < Math.min(minCount, entries.length))
      retentionProblems.push(`holds ${held.length} snapshot(s); the floor keeps ${minCount}`);
    if (legalHold && forgottenInMonth.length > 0)
      retentionProblems.push(
        `${forgottenInMonth.length} snapshot(s) forgotten under a legal hold (${legalHold})`
      );
    environments.push({
      environment,
      tier: envPolicy?.tier ?? null,
      snapshots: entries.filter((entry) => inMonth(effectiveMs(entry))).length,
      latestAtEnd: latest ? { seq: latest.seq, time: new Date(effectiveMs(latest)).toISOString() } : null,
      coverage,
      backupAge,
      checks: {
        total: verifications.length + drills.length,
        ok: verifications.filter((name) => name?.ok).length + drills.filter((d) => d.ok).length
      },
      retention: {
        held: held.length,
        forgottenInMonth: forgottenInMonth.length,
        minCount,
        legalHold,
        adheres: retentionProblems.length === 0,
        problems: retentionProblems
      },
      drills,
      alerts: tier ? latePeriods(times, tier.maxAgeMs, policy.alerts.lateAfterMs, fromMs, untilMs) : []
    });
  }
  const tierNames = [...new Set(environments.map((env) => env.tier ?? "(none)"))].sort();
  const restores = events3.filter((e2) => e2.type === "snapshot.restored").map(reportEvent);
  const deletions = events3.filter((e2) => e2.type === "snapshot.forgotten" || e2.type === "blobs.pruned").map(reportEvent);
  const alerts = environments.flatMap((env) => env.alerts);
  const fromAudit = alertIssuesFromAudit(allEvents, fromMs, untilMs);
  return {
    month,
    from: new Date(fromMs).toISOString(),
    until: new Date(untilMs).toISOString(),
    generatedAt: now.toISOString(),
    store: store.location,
    environments,
    tiers: tierNames.map((tier) => {
      const members = environments.filter((env) => (env.tier ?? "(none)") === tier);
      return {
        tier,
        environments: members.length,
        covered: members.filter((env) => env.coverage.state === "pass").length
      };
    }),
    restores,
    deletions,
    exceptions: policy.exceptions.map((exception) => ({
      index: exception.index,
      paths: exception.paths,
      reason: exception.reason,
      acceptedBy: exception.acceptedBy,
      expires: exception.expires,
      expired: exception.expiresAtMs <= untilMs,
      expiresInMonth: inMonth(exception.expiresAtMs) || exception.expiresAtMs === untilMs
    })),
    alertIssues: fromAudit.alerts,
    canary: fromAudit.canary,
    totals: {
      snapshots: environments.reduce((sum, env) => sum + env.snapshots, 0),
      drills: environments.reduce((sum, env) => sum + env.drills.length, 0),
      drillsPassed: environments.reduce(
        (sum, env) => sum + env.drills.filter((d) => d.ok).length,
        0
      ),
      drillsSignedOff: environments.reduce(
        (sum, env) => sum + env.drills.filter((d) => d.signedOff).length,
        0
      ),
      restores: restores.length,
      deletions: deletions.length,
      alertsRaised: alerts.filter((alert) => inMonth(Date.parse(alert.raisedAt))).length,
      alertsResolved: alerts.filter(
        (alert) => alert.resolvedAt !== null && inMonth(Date.parse(alert.resolvedAt))
      ).length,
      alertIssuesRaised: fromAudit.alerts.filter((a) => inMonth(Date.parse(a.raisedAt))).length,
      alertIssuesResolved: fromAudit.alerts.filter(
        (a) => a.resolvedAt !== null && inMonth(Date.parse(a.resolvedAt))
      ).length
    }
  };
}

// core/operations/svg-chart.ts
var WIDTH = 600;
var HEIGHT = 160;
var PAD = 30;
var STYLES = [
  { colour: "#1f5fa8", dash: "" },
  { colour: "#b35900", dash: "6 3" },
  { colour: "#2e7d32", dash: "2 3" },
  { colour: "#6a1b9a", dash: "10 3 2 3" }
];
function svgChart(options) {
  const values = options.series.flatMap(
    (series) => series.values.filter((value) => value !== null)
  );
  const max = Math.max(1, ...values);
  const count = Math.max(1, options.labels.length);
  const x = (index) => PAD + (WIDTH - 2 * PAD) * (index + 0.5) / count;
  const y = (value) => HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / max;
  const id = `chart-${Math.abs(hash(options.title))}`;
  const parts = [
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${WIDTH} ${HEIGHT + 20 * options.series.length}" width="100%" style="max-width:${WIDTH}px">`,
    `<title id="${id}-t">${escapeHtml(options.title)}</title>`,
    `<desc id="${id}-d">${escapeHtml(options.description)}</desc>`,
    `<line x1="${PAD}" y1="${HEIGHT - PAD}" x2="${WIDTH - PAD}" y2="${HEIGHT - PAD}" stroke="#555"/>`,
    `<line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${HEIGHT - PAD}" stroke="#555"/>`,
    `<text x="2" y="${PAD}" font-size="10">${escapeHtml(options.format(max))}</text>`,
    `<text x="2" y="${HEIGHT - PAD}" font-size="10">0</text>`
  ];
  if (options.labels.length > 0) {
    parts.push(
      `<text x="${PAD}" y="${HEIGHT - 10}" font-size="10">${escapeHtml(options.labels[0] ?? "")}</text>`,
      `<text x="${WIDTH - PAD}" y="${HEIGHT - 10}" font-size="10" text-anchor="end">${escapeHtml(options.labels.at(-1) ?? "")}</text>`
    );
  }
  options.series.forEach((series, s) => {
    const style = STYLES[s % STYLES.length];
    if (options.kind === "line") {
      let path = "";
      let pen = false;
      series.values.forEach((value, index) => {
        if (value === null) {
          pen = false;
          return;
        }
        path += `${pen ? "L" : "M"}${x(index).toFixed(1)} ${y(value).toFixed(1)} `;
        pen = true;
      });
      parts.push(
        `<path d="${path.trim()}" fill="none" stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}/>`
      );
    } else {
      const band = (WIDTH - 2 * PAD) / count / Math.max(1, options.series.length);
      series.values.forEach((value, index) => {
        if (value === null) return;
        const left = x(index) - (WIDTH - 2 * PAD) / count / 2 + band * s;
        parts.push(
          `<rect x="${left.toFixed(1)}" y="${y(value).toFixed(1)}" width="${Math.max(1, band - 2).toFixed(1)}" height="${(HEIGHT - PAD - y(value)).toFixed(1)}" fill="${style.colour}"${s % 2 ? ' fill-opacity="0.6" stroke="#000"' : ""}><title>${escapeHtml(`${series.label} ${options.labels[index] ?? ""}: ${options.format(value)}`)}</title></rect>`
        );
      });
    }
    const legendY = HEIGHT + 14 + 20 * s;
    parts.push(
      `<line x1="${PAD}" y1="${legendY - 4}" x2="${PAD + 30}" y2="${legendY - 4}" stroke="${style.colour}" stroke-width="3"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}/>`,
      `<text x="${PAD + 36}" y="${legendY}" font-size="11">${escapeHtml(series.label)}</text>`
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
function hash(text) {
  let h = 0;
  for (const char of text) h = h * 31 + char.charCodeAt(0) | 0;
  return h;
}

// core/operations/render-report-html.ts
var e = escapeHtml;
var duration = (ms) => ms === null ? "-" : formatDuration(ms);
function table(caption, headers, rows) {
  if (rows.length === 0) return `<p>${e(caption)}: none.</p>`;
  return [
    `<table><caption>${e(caption)}</caption><thead><tr>`,
    ...headers.map((h) => `<th scope="col">${e(h)}</th>`),
    "</tr></thead><tbody>",
    ...rows.map(
      (cells) => `<tr>${cells.map((c, i) => i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`).join("")}</tr>`
    ),
    "</tbody></table>"
  ].join("");
}
function events(caption, list) {
  return table(
    caption,
    ["time", "what", "snapshot", "by", "approvers", "request"],
    list.map((ev) => [
      e(ev.time),
      e(ev.type),
      e(ev.stream ? `${ev.stream}@${ev.seq ?? "?"}` : "-"),
      e(ev.actor),
      e(ev.approvers.join(", ") || "-"),
      e(ev.request ?? "-")
    ])
  );
}
function renderReportHtml(report) {
  const days = report.environments[0]?.backupAge.map((sample) => sample.day) ?? [];
  const ageChart = svgChart({
    kind: "line",
    title: `Backup age over ${report.month}`,
    description: "Age of the newest snapshot at the end of each day, per environment, in hours. The table below the charts has the same numbers.",
    labels: days,
    series: report.environments.map((env) => ({
      label: env.environment,
      values: env.backupAge.map(
        (sample) => sample.ageMs === null ? null : sample.ageMs / 36e5
      )
    })),
    format: (value) => `${value.toFixed(0)}h`
  });
  const rateChart = svgChart({
    kind: "bar",
    title: "Success rate of verifications and drills",
    description: "Per environment, the share of the month's verification records and drills that passed, in percent.",
    labels: report.environments.map((env) => env.environment),
    series: [
      {
        label: "passed (%)",
        values: report.environments.map(
          (env) => env.checks.total === 0 ? null : 100 * env.checks.ok / env.checks.total
        )
      }
    ],
    format: (value) => `${value.toFixed(0)}%`
  });
  const coverageChart = svgChart({
    kind: "bar",
    title: "Coverage per tier",
    description: "Per tier, the environments and how many of them are fully covered at the end of the month.",
    labels: report.tiers.map((tier) => tier.tier),
    series: [
      { label: "environments", values: report.tiers.map((tier) => tier.environments) },
      { label: "fully covered", values: report.tiers.map((tier) => tier.covered) }
    ],
    format: (value) => value.toFixed(0)
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
    report.tiers.map((tier) => [e(tier.tier), String(tier.environments), String(tier.covered)])
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
      "checks passed"
    ],
    report.environments.map((env) => [
      e(env.environment),
      e(env.tier ?? "-"),
      String(env.snapshots),
      e(env.latestAtEnd ? `#${env.latestAtEnd.seq} ${env.latestAtEnd.time}` : "none"),
      env.coverage.state === "none" ? statusBadge(false, "", "no snapshot") : statusBadge(
        env.coverage.state === "pass",
        "covered",
        env.coverage.state === "unknown" ? "unknown" : "gaps"
      ),
      e(env.coverage.missingComponents.join(", ") || "-"),
      `${env.checks.ok}/${env.checks.total}`
    ])
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
        return age === null ? "-" : (age / 36e5).toFixed(1);
      })
    ])
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
      statusBadge(env.retention.adheres, "yes", `no: ${env.retention.problems.join("; ")}`)
    ])
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
      d.rtoMet === null ? "no SLA" : statusBadge(d.rtoMet, `met (${duration(d.rtoSlaMs)})`, `missed (${duration(d.rtoSlaMs)})`),
      e(duration(d.rpoMs)),
      d.rpoMet === null ? "no SLA" : statusBadge(d.rpoMet, `met (${duration(d.rpoSlaMs)})`, `missed (${duration(d.rpoSlaMs)})`),
      e(d.signoffs.join(", ") || "none recorded")
    ])
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
      x.expired ? statusBadge(false, "", "expired") : statusBadge(true, x.expiresInMonth ? "expires this month" : "active", "")
    ])
  )}
</section>
<section id="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">Alerts</h2>
${table(
    "Late backups raised and resolved",
    ["environment", "raised", "resolved"],
    alerts.map(({ env, a }) => [
      e(env.environment),
      e(a.raisedAt),
      a.resolvedAt ? e(a.resolvedAt) : statusBadge(false, "", "open at the end of the period")
    ])
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
      a.resolvedAt ? e(a.resolvedAt) : statusBadge(false, "", "open at the end of the period")
    ])
  )}
<p>Synthetic canary: ${e(String(report.canary.runs))} run(s), ${e(String(report.canary.passed))} passed, ${e(String(report.canary.failed))} failed.</p>
</section>
</main>
<footer><p>Generated by Snapgate. Charts are inline SVG; every number is also in a table.</p></footer>
</body></html>
`;
}

// core/operations/render-report-markdown.ts
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
var row = (cells) => `| ${cells.map(cell).join(" | ")} |`;
var table2 = (headers, rows) => [row(headers), row(headers.map(() => "---")), ...rows.map(row)].join("\n");
var duration2 = (ms) => ms === null ? "-" : formatDuration(ms);
var met = (value) => value === null ? "no SLA" : value ? "met" : "MISSED";
function events2(list) {
  if (list.length === 0) return "None.";
  return table2(
    ["time", "what", "snapshot", "by", "approvers", "request"],
    list.map((e2) => [
      e2.time,
      e2.type,
      e2.stream ? `${e2.stream}@${e2.seq ?? "?"}` : "-",
      e2.actor,
      e2.approvers.join(", ") || "-",
      e2.request ?? "-"
    ])
  );
}
function renderReportMarkdown(report) {
  const out = [
    `# Snapgate compliance report ${report.month}`,
    "",
    `Period ${report.from} to ${report.until} (exclusive), store ${report.store}, generated ${report.generatedAt}.`,
    "",
    "## Summary",
    "",
    table2(
      ["snapshots", "drills (passed)", "restores", "deletions", "alerts raised", "alerts resolved"],
      [
        [
          String(report.totals.snapshots),
          `${report.totals.drills} (${report.totals.drillsPassed})`,
          String(report.totals.restores),
          String(report.totals.deletions),
          String(report.totals.alertsRaised),
          String(report.totals.alertsResolved)
        ]
      ]
    ),
    "",
    "## Coverage",
    "",
    table2(
      ["tier", "environments", "fully covered"],
      report.tiers.map((t) => [t.tier, String(t.environments), String(t.covered)])
    ),
    "",
    table2(
      [
        "environment",
        "tier",
        "snapshots",
        "latest at end",
        "coverage",
        "missing components",
        "checks ok"
      ],
      report.environments.map((env) => [
        env.environment,
        env.tier ?? "-",
        String(env.snapshots),
        env.latestAtEnd ? `#${env.latestAtEnd.seq} ${env.latestAtEnd.time}` : "none",
        env.coverage.state,
        env.coverage.missingComponents.join(", ") || "-",
        `${env.checks.ok}/${env.checks.total}`
      ])
    ),
    "",
    "## Retention",
    "",
    table2(
      ["environment", "held", "forgotten", "floor min_count", "legal hold", "adheres"],
      report.environments.map((env) => [
        env.environment,
        String(env.retention.held),
        String(env.retention.forgottenInMonth),
        String(env.retention.minCount),
        env.retention.legalHold ?? "-",
        env.retention.adheres ? "yes" : `NO: ${env.retention.problems.join("; ")}`
      ])
    ),
    "",
    "## Drills",
    ""
  ];
  const drills = report.environments.flatMap((env) => env.drills.map((d) => ({ env, d })));
  out.push(
    drills.length === 0 ? "None." : table2(
      [
        "environment",
        "time",
        "snapshot",
        "result",
        "RTO",
        "RTO SLA",
        "RPO",
        "RPO SLA",
        "sign-offs"
      ],
      drills.map(({ env, d }) => [
        env.environment,
        d.time,
        `#${d.seq}`,
        d.trusted ? d.ok ? "passed" : "FAILED" : "UNTRUSTED record",
        duration2(d.rtoMs),
        met(d.rtoMet),
        duration2(d.rpoMs),
        met(d.rpoMet),
        d.signoffs.join(", ") || "none recorded"
      ])
    ),
    "",
    `${report.totals.drillsSignedOff} of ${report.totals.drills} drills signed off by ops and security.`,
    "",
    "## Restores",
    "",
    events2(report.restores),
    "",
    "## Deletions",
    "",
    events2(report.deletions),
    "",
    "## Exceptions",
    "",
    report.exceptions.length === 0 ? "None." : table2(
      ["#", "paths", "reason", "accepted by", "expires", "state"],
      report.exceptions.map((e2) => [
        String(e2.index),
        e2.paths.join(", "),
        e2.reason,
        e2.acceptedBy.join(", "),
        e2.expires,
        e2.expired ? "EXPIRED" : e2.expiresInMonth ? "expires this month" : "active"
      ])
    ),
    "",
    "## Alerts (late backups)",
    ""
  );
  const alerts = report.environments.flatMap((env) => env.alerts.map((a) => ({ env, a })));
  out.push(
    alerts.length === 0 ? "None." : table2(
      ["environment", "raised", "resolved"],
      alerts.map(({ env, a }) => [
        env.environment,
        a.raisedAt,
        a.resolvedAt ?? "OPEN at the end of the period"
      ])
    ),
    "",
    "## Alert issues (from the audit log)",
    "",
    report.alertIssues.length === 0 ? "None." : table2(
      ["environment", "problem", "issue", "raised", "updates", "resolved"],
      report.alertIssues.map((a) => [
        a.environment,
        a.problem,
        `${a.repository}#${a.issue}`,
        a.raisedAt,
        String(a.updates),
        a.resolvedAt ?? "OPEN at the end of the period"
      ])
    ),
    "",
    `Synthetic canary: ${report.canary.runs} run(s), ${report.canary.passed} passed, ${report.canary.failed} failed${report.canary.lastFailure ? ` (last failure ${report.canary.lastFailure})` : ""}.`,
    ""
  );
  return out.join("\n");
}

// cli/commands/report.ts
var FORMATS = ["md", "html", "json"];
var reportCommand = {
  name: "report",
  summary: "The monthly compliance report: coverage, retention, drills with RTO/RPO, restores and deletions with approvers, exceptions, alerts",
  usage: "snapgate report --store STORE --month YYYY-MM [--format md|html|json] [--out FILE] [--policy FILE] [--json]",
  help: [
    "--month YYYY-MM       the month (UTC); the current month is reported up to now",
    "--format F            md (default), html (one self-contained page with inline SVG charts) or json",
    "--out FILE            write the report to FILE (atomically) and print where; default: stdout",
    "--json                the same as --format json",
    POLICY_HELP,
    "restores and deletions come from the audit log; alerts are late-backup periods computed from snapshot times"
  ],
  json: "`{month, from, until, generatedAt, store, environments: [{environment, tier, snapshots, latestAtEnd, coverage: {state, missingComponents[]}, backupAge: [{day, ageMs}], checks: {total, ok}, retention: {held, forgottenInMonth, minCount, legalHold, adheres, problems[]}, drills: [{path, time, seq, ok, trusted, rtoMs, rtoSlaMs, rtoMet, rpoMs, rpoSlaMs, rpoMet, signoffs[]}], alerts: [{raisedAt, resolvedAt}]}], tiers: [{tier, environments, covered}], restores: [{time, type, stream, seq, actor, approvers[], request}], deletions[], exceptions: [{index, paths[], reason, acceptedBy[], expires, expired, expiresInMonth}], alertIssues: [{environment, problem, repository, issue, url, raisedAt, resolvedAt, updates}], canary: {runs, passed, failed, lastFailure}, totals: {snapshots, drills, drillsPassed, restores, deletions, alertsRaised, alertsResolved, alertIssuesRaised, alertIssuesResolved}}` (`alerts` are late periods from the schedule; `alertIssues` come from the audit log's alert events)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    month: { type: "string" },
    format: { type: "string" },
    out: { type: "string" }
  },
  async run(args, context) {
    const month = requireValue(args, "month", this, "Name the month, e.g. --month 2026-11.");
    const format = flag(args, "json") ? "json" : stringValue(args, "format") ?? "md";
    if (!FORMATS.includes(format)) {
      throw new SnapgateError("USAGE", `--format '${format}' is not a report format.`, {
        fix: "Use md, html or json."
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "report");
    const store = await openStore(args, context);
    await store.assertExists();
    const report = await buildMonthlyReport({ store, policy, month, now: /* @__PURE__ */ new Date() });
    const text = format === "json" ? json(report) : format === "html" ? renderReportHtml(report) : renderReportMarkdown(report);
    const out = stringValue(args, "out");
    if (!out) {
      context.stdout(text);
      return 0;
    }
    const path = resolve(context.cwd, out);
    await writeFileAtomic(path, text);
    context.stdout(
      flag(args, "json") ? json({ out: path, format, month }) : `Wrote the ${month} report (${format}) to ${path}.
`
    );
    return 0;
  }
};
export {
  reportCommand
};
