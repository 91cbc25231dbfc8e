import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { alertsFromHealth } from "../../core/operations/alerts-from-health.js";
import { computeHealth } from "../../core/operations/compute-health.js";
import type { EnvironmentHealth } from "../../core/operations/environment-health.js";
import {
  syncAlertIssues,
  type SyncAlertIssuesResult,
} from "../../core/operations/sync-alert-issues.js";
import { formatDuration } from "../../core/policy/parse-duration.js";
import { flag, stringValue, type Command } from "../command.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";
import { cliActor } from "../cli-actor.js";
import { liveDriftSummary } from "../live-drift-summary.js";
import { ALERT_HELP, ALERT_OPTION, openAlertIssues } from "../open-alert-issues.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json, renderTable, shortId } from "../output.js";

function describe(results: readonly EnvironmentHealth[]): string {
  const rows = results.map((h) => [
    h.environment,
    h.tier ?? "-",
    h.latest ? `#${h.latest.seq} ${shortId(h.latest.id)}` : "none",
    h.latest ? formatDuration(h.latest.ageMs) : "-",
    h.late ? "LATE" : h.dueAt ? `due ${h.dueAt}` : "-",
    h.streak ? `${h.streak.length} ${h.streak.ok ? "ok" : "FAILED"}` : "-",
    h.coverage.state,
    h.lastDrill ? (h.lastDrill.ok ? "ok" : "FAILED") : "none",
    h.drift ? (h.drift.drifted ? "DRIFT" : "none") : "-",
    ...(h.replica
      ? [
          h.replica.diverged
            ? "DIVERGED"
            : h.replica.behind
              ? `${h.replica.behind} behind`
              : "in step",
        ]
      : []),
    h.healthy ? "healthy" : `${h.problems.length} PROBLEM(S)`,
  ]);
  const lines = [
    renderTable(
      [
        "ENV",
        "TIER",
        "LATEST",
        "AGE",
        "SCHEDULE",
        "STREAK",
        "COVERAGE",
        "DRILL",
        "DRIFT",
        ...(results.some((h) => h.replica) ? ["REPLICA"] : []),
        "STATUS",
      ],
      rows,
    ),
  ];
  for (const h of results)
    for (const problem of h.problems)
      lines.push(`${h.environment}: ${problem.kind}: ${problem.message}\n  fix: ${problem.fix}\n`);
  const unhealthy = results.filter((h) => !h.healthy).length;
  lines.push(
    unhealthy === 0
      ? `All ${results.length} environment(s) healthy.\n`
      : `${unhealthy} of ${results.length} environment(s) need attention.\n`,
  );
  return lines.join("");
}

function describeAlerts(result: SyncAlertIssuesResult): string {
  const lines = result.changes.map(
    (change) =>
      `alert ${change.action}: ${change.environment} ${change.problem} #${change.issue} ${change.url}\n`,
  );
  for (const other of result.claimedElsewhere)
    lines.push(`alert ${other.environment} ${other.problem}: another run is opening its issue\n`);
  return lines.length > 0 ? lines.join("") : "Alert issues are up to date.\n";
}

export const healthCommand: Command = {
  name: "health",
  summary:
    "Per environment: backup age against the schedule, failure streaks, coverage, drills and drift",
  usage:
    "snapgate health --store STORE [--env ENV] [--replica STORE] [--root DIR --writer-key FILE] [--alert OWNER/REPO] [--policy FILE] [--json]",
  help: [
    "--env ENV             one environment (default: every environment of the policy)",
    "--root DIR            with --env: also compare this live directory with the latest snapshot (drift)",
    "--writer-key FILE     for drift: the snapshot job's writer key (or SNAPGATE_WRITER_KEY)",
    ALERT_HELP,
    "--replica STORE       also report how far this replica (kept by `snapgate replicate`) trails the store; it is behind when a snapshot it lacks is older than max_age plus alerts.late_after",
    POLICY_HELP,
    "late: no snapshot within the tier's max_age plus alerts.late_after; failures: alerts.consecutive_failures",
    "verification records or drills in a row failed",
    `exit codes: 0 every environment healthy, ${EXIT_PROBLEMS} a problem found`,
  ],
  json: "`{healthy, environments: [{environment, tier, latest: {id, seq, time, ageMs} | null, snapshots, maxAgeMs, dueAt, lateAt, late, streak: {ok, length, since} | null, failureThreshold, coverage: {state, missingComponents[], uncoveredTier0}, lastVerification, lastDrill: {kind, time, ok} | null, drift: {drifted, added, removed, changed} | null, replica?: {location, seq, behind, lagMs, diverged}, problems: [{kind, message, fix}], healthy}], alerts?: {changes: [{action: opened|updated|resolved, environment, problem, issue, url}], claimedElsewhere: [{environment, problem}]}}` (alerts with --alert); problem kinds: `no-snapshot`, `late`, `failures`, `coverage`, `drift`, `drill-failed`, `replica-behind`, `replica-diverged`, `unknown-environment`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    ...ALERT_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "writer-key": { type: "string" },
    replica: { type: "string" },
  },
  async run(args, context) {
    const env = stringValue(args, "env");
    const rootText = stringValue(args, "root");
    // As for drift: the policy is looked for under the live directory when one is given.
    const { policy } = await requireCliPolicy(
      args,
      context,
      resolve(context.cwd, rootText ?? "."),
      "health",
    );
    if (env !== undefined && !policy.environments[env]) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`,
      });
    }
    const issues = await openAlertIssues(args, context);
    const store = await openStore(args, context);
    await store.assertExists();
    const drift = await liveDriftSummary(args, context, this, store, policy);
    const replicaSpec = stringValue(args, "replica");
    const replica = replicaSpec
      ? await openStore({ ...args, values: { ...args.values, store: replicaSpec } }, context)
      : undefined;
    const results = await computeHealth({
      store,
      policy,
      now: new Date(),
      ...(env ? { environments: [env] } : {}),
      drift,
      ...(replica ? { replica } : {}),
    });
    const healthy = results.every((h) => h.healthy);
    const alerts = issues
      ? await syncAlertIssues({
          issues,
          alerts: alertsFromHealth(results),
          // Drift is checked only where the live files were given; the canary only by `canary`.
          covers: (environment, problem) =>
            results.some((h) => h.environment === environment) &&
            problem !== "canary" &&
            (problem !== "drift" || drift?.[environment] !== undefined),
          // A run over every environment closes the alerts of those the policy no longer has.
          ...(env
            ? {}
            : {
                retired: (environment: string) => !Object.hasOwn(policy.environments, environment),
              }),
          store,
          actor: cliActor(context),
          now: new Date(),
        })
      : undefined;
    context.stdout(
      flag(args, "json")
        ? json({ healthy, environments: results, ...(alerts ? { alerts } : {}) })
        : describe(results) + (alerts ? describeAlerts(alerts) : ""),
    );
    return healthy ? 0 : EXIT_PROBLEMS;
  },
};
