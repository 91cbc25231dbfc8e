import { SIGNOFF_ROLES } from "./drill-signoff-path.js";
import { formatDuration } from "../policy/parse-duration.js";
import type { Dashboard, DashboardEnvironment } from "./dashboard.js";
import { escapeHtml } from "./escape-html.js";
import { PAGE_STYLE } from "./page-style.js";
import { statusBadge } from "./status-badge.js";

const e = escapeHtml;

function row(env: DashboardEnvironment): string {
  const latest = env.latest
    ? `#${env.latest.seq} <code>${e(env.latest.id.slice(0, 12))}</code><br>${e(env.latest.time)}`
    : statusBadge(false, "", "none");
  const age = env.latest
    ? env.late
      ? statusBadge(false, "", `${formatDuration(env.latest.ageMs)} (late)`)
      : statusBadge(true, formatDuration(env.latest.ageMs), "")
    : "-";
  const verification = env.lastVerification
    ? statusBadge(
        env.lastVerification.ok,
        `passed ${env.lastVerification.time}`,
        `failed ${env.lastVerification.time}`,
      )
    : '<span class="muted">none</span>';
  const signoffs = env.lastDrill?.signoffs;
  const drill = env.lastDrill
    ? statusBadge(
        env.lastDrill.ok,
        `passed ${env.lastDrill.time}`,
        `failed ${env.lastDrill.time}`,
      ) +
      (signoffs === undefined
        ? ""
        : ` ${statusBadge(
            signoffs.length === SIGNOFF_ROLES.length,
            "signed off by ops and security",
            `sign-off missing: ${SIGNOFF_ROLES.filter((role) => !signoffs.includes(role)).join(", ")}`,
          )}`)
    : '<span class="muted">none</span>';
  const drift = env.drift
    ? env.drift.drifted
      ? statusBadge(
          false,
          "",
          `${env.drift.added} added, ${env.drift.removed} removed, ${env.drift.changed} changed`,
        )
      : statusBadge(true, "none", "")
    : '<span class="muted">not checked</span>';
  const requests = env.openRequests.length
    ? `<ul>${env.openRequests.map((r) => `<li>${e(r.id)}: ${e(r.action)} by @${e(r.requester)}, ${e(r.state)} until ${e(r.expiresAt)}</li>`).join("")}</ul>`
    : '<span class="muted">none</span>';
  const lock = env.lock
    ? `<span class="bad">&#128274; locked</span> by @${e(env.lock.by)} since ${e(env.lock.at)}${env.lock.reason ? `: ${e(env.lock.reason)}` : ""}`
    : '<span class="muted">unlocked</span>';
  const alerts = env.problems.length
    ? `<ul>${env.problems.map((p) => `<li><span class="bad">&#10007; ${e(p.kind)}</span>: ${e(p.message)} <em>Fix:</em> ${e(p.fix)}</li>`).join("")}</ul>`
    : statusBadge(true, "healthy", "");
  return `<tr id="env-${e(env.environment)}"><th scope="row">${e(env.environment)}</th><td>${e(env.tier ?? "-")}</td><td>${latest}</td><td>${age}</td><td>${verification}</td><td>${drill}</td><td>${drift}</td><td>${requests}</td><td>${lock}</td><td>${alerts}</td></tr>`;
}

/** What differs between the CLI's static file and the page the app serves. */
export interface DashboardPageOptions {
  /** The signed-in person (the app's page), shown in the navigation with a sign-out button. */
  viewer?: { login: string; signOutPath: string };
  /** Who made the page, for the footer (default: `snapgate dashboard`). */
  generator?: string;
}

/**
 * The static dashboard: one self-contained page (no script, no framework, no
 * external resource) with one table row per environment, so 200 environments
 * are a plain table the browser lays out at once. Unhealthy environments come
 * first; every status is a word and a symbol, never colour alone.
 */
export function renderDashboardHtml(
  dashboard: Dashboard,
  options: DashboardPageOptions = {},
): string {
  const environments = [...dashboard.environments].sort(
    (a, b) => Number(a.healthy) - Number(b.healthy) || a.environment.localeCompare(b.environment),
  );
  const unhealthy = environments.filter((env) => !env.healthy).length;
  const locked = environments.filter((env) => env.lock).length;
  const requests = environments.reduce((sum, env) => sum + env.openRequests.length, 0);
  const notes = [
    ...(dashboard.requestsNote ? [dashboard.requestsNote] : []),
    ...(dashboard.untrustedRequests.length
      ? [
          `Request records that fail the app-key check (investigate): ${dashboard.untrustedRequests.join(", ")}.`,
        ]
      : []),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Snapgate dashboard</title><style>${PAGE_STYLE}td ul{margin:0;padding-left:1rem}nav ul{list-style:none;display:flex;gap:1rem;padding:0}nav form{display:inline}</style></head>
<body>
<header><h1>Snapgate dashboard</h1><p>Store ${e(dashboard.store)}. Generated ${e(dashboard.generatedAt)}.</p>
<nav aria-label="Dashboard"><ul><li><a href="#summary-h">Summary</a></li><li><a href="#envs-h">Environments</a></li>${options.viewer ? `<li>Signed in as @${e(options.viewer.login)} <form method="post" action="${e(options.viewer.signOutPath)}"><button type="submit">Sign out</button></form></li>` : ""}</ul></nav></header>
<main>
<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<p>${environments.length} environment(s): ${unhealthy === 0 ? statusBadge(true, "all healthy", "") : statusBadge(false, "", `${unhealthy} need attention`)}; ${locked} locked; ${requests} open request(s).</p>
${notes.map((note) => `<p role="note">${e(note)}</p>`).join("")}
</section>
<section aria-labelledby="envs-h"><h2 id="envs-h">Environments</h2>
<table><caption>Per environment: latest snapshot and age, verification and drill status, drift, open requests, lock and alerts (unhealthy first)</caption>
<thead><tr>${["environment", "tier", "latest snapshot", "age", "verification", "drill", "drift", "open requests", "lock", "alerts"].map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>
<tbody>
${environments.map(row).join("\n")}
</tbody></table>
</section>
</main>
<footer><p>Generated by ${options.generator ?? "<code>snapgate dashboard</code>"}; a static page with no script.</p></footer>
</body></html>
`;
}
