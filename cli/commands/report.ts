import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { buildMonthlyReport } from "../../core/operations/build-monthly-report.js";
import { renderReportHtml } from "../../core/operations/render-report-html.js";
import { renderReportMarkdown } from "../../core/operations/render-report-markdown.js";
import { writeFileAtomic } from "../../core/store/atomic-file.js";
import { flag, requireValue, stringValue, type Command } from "../command.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

const FORMATS = ["md", "html", "json"] as const;

export const reportCommand: Command = {
  name: "report",
  summary:
    "The monthly compliance report: coverage, retention, drills with RTO/RPO, restores and deletions with approvers, exceptions, alerts",
  usage:
    "snapgate report --store STORE --month YYYY-MM [--format md|html|json] [--out FILE] [--policy FILE] [--json]",
  help: [
    "--month YYYY-MM       the month (UTC); the current month is reported up to now",
    "--format F            md (default), html (one self-contained page with inline SVG charts) or json",
    "--out FILE            write the report to FILE (atomically) and print where; default: stdout",
    "--json                the same as --format json",
    POLICY_HELP,
    "restores and deletions come from the audit log; alerts are late-backup periods computed from snapshot times",
  ],
  json: "`{month, from, until, generatedAt, store, environments: [{environment, tier, snapshots, latestAtEnd, coverage: {state, missingComponents[]}, backupAge: [{day, ageMs}], checks: {total, ok}, retention: {held, forgottenInMonth, minCount, legalHold, adheres, problems[]}, drills: [{path, time, seq, ok, trusted, rtoMs, rtoSlaMs, rtoMet, rpoMs, rpoSlaMs, rpoMet, signoffs[]}], alerts: [{raisedAt, resolvedAt}]}], tiers: [{tier, environments, covered}], restores: [{time, type, stream, seq, actor, approvers[], request}], deletions[], exceptions: [{index, paths[], reason, acceptedBy[], expires, expired, expiresInMonth}], alertIssues: [{environment, problem, repository, issue, url, raisedAt, resolvedAt, updates}], canary: {runs, passed, failed, lastFailure}, totals: {snapshots, drills, drillsPassed, restores, deletions, alertsRaised, alertsResolved, alertIssuesRaised, alertIssuesResolved}}` (`alerts` are late periods from the schedule; `alertIssues` come from the audit log's alert events)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    month: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  },
  async run(args, context) {
    const month = requireValue(args, "month", this, "Name the month, e.g. --month 2026-11.");
    const format = flag(args, "json") ? "json" : (stringValue(args, "format") ?? "md");
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new SnapgateError("USAGE", `--format '${format}' is not a report format.`, {
        fix: "Use md, html or json.",
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "report");
    const store = await openStore(args, context);
    await store.assertExists();
    const report = await buildMonthlyReport({ store, policy, month, now: new Date() });
    const text =
      format === "json"
        ? json(report)
        : format === "html"
          ? renderReportHtml(report)
          : renderReportMarkdown(report);
    const out = stringValue(args, "out");
    if (!out) {
      context.stdout(text);
      return 0;
    }
    const path = resolve(context.cwd, out);
    await writeFileAtomic(path, text);
    context.stdout(
      flag(args, "json")
        ? json({ out: path, format, month })
        : `Wrote the ${month} report (${format}) to ${path}.\n`,
    );
    return 0;
  },
};
