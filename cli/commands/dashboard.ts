import { resolve } from "node:path";
import { buildDashboard } from "../../core/operations/build-dashboard.js";
import { renderDashboardHtml } from "../../core/operations/render-dashboard-html.js";
import { writeFileAtomic } from "../../core/store/atomic-file.js";
import { flag, requireValue, type Command } from "../command.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";
import { liveDriftSummary } from "../live-drift-summary.js";

export const dashboardCommand: Command = {
  name: "dashboard",
  summary:
    "Write a static HTML dashboard: per environment latest snapshot and age, verification, drill, requests, lock, alerts",
  usage:
    "snapgate dashboard --store STORE --out FILE [--env ENV --root DIR --writer-key FILE] [--policy FILE] [--json]",
  help: [
    "--out FILE            the HTML page to write (atomically); self-contained, no script",
    POLICY_HELP,
    "open requests need keys.app in the policy (their records are checked against it); locks come from the audit log",
    "--env ENV --root DIR  also show the drift of this live directory against ENV's latest snapshot",
    "--writer-key FILE     for drift: the snapshot job's writer key (or SNAPGATE_WRITER_KEY); other environments show drift as not checked",
  ],
  json: "`{out, environments, unhealthy, openRequests, locked}` (the page itself is written to --out)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    out: { type: "string" },
    env: { type: "string" },
    root: { type: "string" },
    "writer-key": { type: "string" },
  },
  async run(args, context) {
    const out = resolve(
      context.cwd,
      requireValue(args, "out", this, "Name the HTML file to write, e.g. --out dashboard.html."),
    );
    const { policy } = await requireCliPolicy(args, context, context.cwd, "dashboard");
    const store = await openStore(args, context);
    await store.assertExists();
    const drift = await liveDriftSummary(args, context, this, store, policy);
    const dashboard = await buildDashboard({ store, policy, now: new Date(), drift });
    await writeFileAtomic(out, renderDashboardHtml(dashboard));
    const summary = {
      out,
      environments: dashboard.environments.length,
      unhealthy: dashboard.environments.filter((env) => !env.healthy).length,
      openRequests: dashboard.environments.reduce((sum, env) => sum + env.openRequests.length, 0),
      locked: dashboard.environments.filter((env) => env.lock).length,
    };
    context.stdout(
      flag(args, "json")
        ? json(summary)
        : `Wrote the dashboard of ${summary.environments} environment(s) to ${out}: ${summary.unhealthy} need attention, ${summary.openRequests} open request(s), ${summary.locked} locked.\n`,
    );
    return 0;
  },
};
