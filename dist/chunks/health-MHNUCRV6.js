import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  computeHealth,
  liveDriftSummary
} from "./chunk-LI34HX4D.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-GY5ETHNO.js";
import "./chunk-EDN7UZ6D.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-OCVFHPJN.js";
import {
  flag,
  json,
  renderTable,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-TZ3MBBSZ.js";
import "./chunk-7ZNKABRK.js";
import "./chunk-U3HKXOEW.js";
import "./chunk-UNFDKI7R.js";
import "./chunk-NG32LOAZ.js";
import "./chunk-73STOSWY.js";
import "./chunk-ECMEO24E.js";
import "./chunk-S6TDLBZM.js";
import "./chunk-TQQDP4DX.js";
import "./chunk-LPMGMLBB.js";
import "./chunk-EED24QJ2.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-VBCOM7M3.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-I227H2ZL.js";
import "./chunk-QPMA7MGC.js";
import "./chunk-NXQJHTDG.js";
import "./chunk-XN77JA3Q.js";
import "./chunk-KKUHDW3D.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-XZBX2AFH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-M575O3TB.js";
import "./chunk-JFMH5QSK.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-YBRVLGIF.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-C7E5BCWB.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-NF2MCW7R.js";
import "./chunk-VZZ5TX74.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/health.ts
import { resolve } from "node:path";
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
var healthCommand = {
  name: "health",
  summary: "Per environment: backup age against the schedule, failure streaks, coverage, drills and drift",
  usage: "snapgate health --store STORE [--env ENV] [--root DIR --writer-key FILE] [--policy FILE] [--json]",
  help: [
    "--env ENV             one environment (default: every environment of the policy)",
    "--root DIR            with --env: also compare this live directory with the latest snapshot (drift)",
    "--writer-key FILE     for drift: the snapshot job's writer key (or SNAPGATE_WRITER_KEY)",
    POLICY_HELP,
    "late: no snapshot within the tier's max_age plus alerts.late_after; failures: alerts.consecutive_failures",
    "verification records or drills in a row failed",
    `exit codes: 0 every environment healthy, ${EXIT_PROBLEMS} a problem found`
  ],
  json: "`{healthy, environments: [{environment, tier, latest: {id, seq, time, ageMs} | null, snapshots, maxAgeMs, dueAt, lateAt, late, streak: {ok, length, since} | null, failureThreshold, coverage: {state, missingComponents[], uncoveredTier0}, lastVerification, lastDrill: {kind, time, ok} | null, drift: {drifted, added, removed, changed} | null, problems: [{kind, message, fix}], healthy}]}`; problem kinds: `no-snapshot`, `late`, `failures`, `coverage`, `drift`, `drill-failed`, `unknown-environment`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "writer-key": { type: "string" }
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
    const store = await openStore(args, context);
    await store.assertExists();
    const drift = await liveDriftSummary(args, context, this, store, policy);
    const results = await computeHealth({
      store,
      policy,
      now: /* @__PURE__ */ new Date(),
      ...env ? { environments: [env] } : {},
      drift
    });
    const healthy = results.every((h) => h.healthy);
    context.stdout(
      flag(args, "json") ? json({ healthy, environments: results }) : describe(results)
    );
    return healthy ? 0 : EXIT_PROBLEMS;
  }
};
export {
  healthCommand
};
