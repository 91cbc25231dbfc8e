import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  ALERT_HELP,
  ALERT_OPTION,
  openAlertIssues,
  syncAlertIssues
} from "./chunk-QB5DGMVC.js";
import {
  computeHealth,
  liveDriftSummary
} from "./chunk-2WGB6A6Z.js";
import "./chunk-RVXFVMQY.js";
import {
  cliActor
} from "./chunk-DNJA6OCC.js";
import "./chunk-5AV4R2DH.js";
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
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  renderTable,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-AWE4UFEQ.js";
import "./chunk-U7DZKPG7.js";
import "./chunk-R2KH2HOX.js";
import "./chunk-NG32LOAZ.js";
import "./chunk-73STOSWY.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-QNEOUFJD.js";
import "./chunk-MONAIBOF.js";
import "./chunk-RC7TVD34.js";
import "./chunk-C266N7X3.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-BXQJ3NVO.js";
import "./chunk-FVHYGXQ4.js";
import "./chunk-7T6BWT36.js";
import "./chunk-3H2Q7RHS.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-I227H2ZL.js";
import "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-KKUHDW3D.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/health.ts
import { resolve } from "node:path";

// core/operations/alerts-from-health.ts
function revisionOf(health, kind) {
  switch (kind) {
    case "late":
      return `latest ${health.latest?.id ?? "none"}`;
    case "failures":
      return `streak ${health.streak?.length ?? 0} since ${health.streak?.since ?? ""}`;
    case "drill-failed":
      return `drill ${health.lastDrill?.time ?? ""}`;
    case "coverage":
      return `missing ${health.coverage.missingComponents.join(",")} tier0 ${health.coverage.uncoveredTier0}`;
    case "drift":
      return health.drift ? `drift +${health.drift.added} -${health.drift.removed} ~${health.drift.changed}` : void 0;
    default:
      return void 0;
  }
}
function alertsFromHealth(results) {
  return results.flatMap(
    (health) => health.problems.map((problem) => {
      const revision = revisionOf(health, problem.kind);
      return {
        environment: health.environment,
        problem: problem.kind,
        message: problem.message,
        fix: problem.fix,
        ...revision !== void 0 ? { revision } : {}
      };
    })
  );
}

// cli/commands/health.ts
function describe(results) {
  const rows = results.map((h) => [
    h.environment,
    h.tier ?? "-",
    h.latest ? `#${h.latest.seq} ${shortId(h.latest.id)}` : "none",
    h.latest ? formatDuration(h.latest.ageMs) : "-",
    h.late ? "LATE" : h.dueAt ? `due ${h.dueAt}` : "-",
    h.streak ? `${h.streak.length} ${h.streak.ok ? "ok" : "FAILED"}` : "-",
    h.coverage.state,
    h.lastDrill ? h.lastDrill.ok ? "ok" : "FAILED" : "none",
    h.drift ? h.drift.drifted ? "DRIFT" : "none" : "-",
    ...h.replica ? [
      h.replica.diverged ? "DIVERGED" : h.replica.behind ? `${h.replica.behind} behind` : "in step"
    ] : [],
    h.healthy ? "healthy" : `${h.problems.length} PROBLEM(S)`
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
        ...results.some((h) => h.replica) ? ["REPLICA"] : [],
        "STATUS"
      ],
      rows
    )
  ];
  for (const h of results)
    for (const problem of h.problems)
      lines.push(`${h.environment}: ${problem.kind}: ${problem.message}
  fix: ${problem.fix}
`);
  const unhealthy = results.filter((h) => !h.healthy).length;
  lines.push(
    unhealthy === 0 ? `All ${results.length} environment(s) healthy.
` : `${unhealthy} of ${results.length} environment(s) need attention.
`
  );
  return lines.join("");
}
function describeAlerts(result) {
  const lines = result.changes.map(
    (change) => `alert ${change.action}: ${change.environment} ${change.problem} #${change.issue} ${change.url}
`
  );
  for (const other of result.claimedElsewhere)
    lines.push(`alert ${other.environment} ${other.problem}: another run is opening its issue
`);
  return lines.length > 0 ? lines.join("") : "Alert issues are up to date.\n";
}
var healthCommand = {
  name: "health",
  summary: "Per environment: backup age against the schedule, failure streaks, coverage, drills and drift",
  usage: "snapgate health --store STORE [--env ENV] [--replica STORE] [--root DIR --writer-key FILE] [--alert OWNER/REPO] [--policy FILE] [--json]",
  help: [
    "--env ENV             one environment (default: every environment of the policy)",
    "--root DIR            with --env: also compare this live directory with the latest snapshot (drift)",
    "--writer-key FILE     for drift: the snapshot job's writer key (or SNAPGATE_WRITER_KEY)",
    ALERT_HELP,
    "--replica STORE       also report how far this replica (kept by `snapgate replicate`) trails the store; it is behind when a snapshot it lacks is older than max_age plus alerts.late_after",
    POLICY_HELP,
    "late: no snapshot within the tier's max_age plus alerts.late_after; failures: alerts.consecutive_failures",
    "verification records or drills in a row failed",
    `exit codes: 0 every environment healthy, ${EXIT_PROBLEMS} a problem found`
  ],
  json: "`{healthy, environments: [{environment, tier, latest: {id, seq, time, ageMs} | null, snapshots, maxAgeMs, dueAt, lateAt, late, streak: {ok, length, since} | null, failureThreshold, coverage: {state, missingComponents[], uncoveredTier0}, lastVerification, lastDrill: {kind, time, ok} | null, drift: {drifted, added, removed, changed} | null, replica?: {location, seq, behind, lagMs, diverged}, problems: [{kind, message, fix}], healthy}], alerts?: {changes: [{action: opened|updated|resolved, environment, problem, issue, url}], claimedElsewhere: [{environment, problem}]}}` (alerts with --alert); problem kinds: `no-snapshot`, `late`, `failures`, `coverage`, `drift`, `drill-failed`, `replica-behind`, `replica-diverged`, `unknown-environment`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    ...ALERT_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "writer-key": { type: "string" },
    replica: { type: "string" }
  },
  async run(args, context) {
    const env = stringValue(args, "env");
    const rootText = stringValue(args, "root");
    const { policy } = await requireCliPolicy(
      args,
      context,
      resolve(context.cwd, rootText ?? "."),
      "health"
    );
    if (env !== void 0 && !policy.environments[env]) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
      });
    }
    const issues = await openAlertIssues(args, context);
    const store = await openStore(args, context);
    await store.assertExists();
    const drift = await liveDriftSummary(args, context, this, store, policy);
    const replicaSpec = stringValue(args, "replica");
    const replica = replicaSpec ? await openStore({ ...args, values: { ...args.values, store: replicaSpec } }, context) : void 0;
    const results = await computeHealth({
      store,
      policy,
      now: /* @__PURE__ */ new Date(),
      ...env ? { environments: [env] } : {},
      drift,
      ...replica ? { replica } : {}
    });
    const healthy = results.every((h) => h.healthy);
    const alerts = issues ? await syncAlertIssues({
      issues,
      alerts: alertsFromHealth(results),
      // Drift is checked only where the live files were given; the canary only by `canary`.
      covers: (environment, problem) => results.some((h) => h.environment === environment) && problem !== "canary" && (problem !== "drift" || drift?.[environment] !== void 0),
      // A run over every environment closes the alerts of those the policy no longer has.
      ...env ? {} : {
        retired: (environment) => !Object.hasOwn(policy.environments, environment)
      },
      store,
      actor: cliActor(context),
      now: /* @__PURE__ */ new Date()
    }) : void 0;
    context.stdout(
      flag(args, "json") ? json({ healthy, environments: results, ...alerts ? { alerts } : {} }) : describe(results) + (alerts ? describeAlerts(alerts) : "")
    );
    return healthy ? 0 : EXIT_PROBLEMS;
  }
};
export {
  healthCommand
};
