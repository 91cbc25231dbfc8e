import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  computeHealth,
  liveDriftSummary
} from "./chunk-2WGB6A6Z.js";
import {
  PAGE_STYLE,
  escapeHtml,
  statusBadge
} from "./chunk-CKWWHVZV.js";
import {
  SIGNOFF_ROLES
} from "./chunk-RVXFVMQY.js";
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
  flag,
  json,
  requireValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-AWE4UFEQ.js";
import "./chunk-U7DZKPG7.js";
import "./chunk-R2KH2HOX.js";
import "./chunk-NG32LOAZ.js";
import "./chunk-73STOSWY.js";
import {
  writeFileAtomic
} from "./chunk-CPZT5EG3.js";
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
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import {
  parseAppVerifyKey
} from "./chunk-WPITP5OQ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
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
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/dashboard.ts
import { resolve } from "node:path";

// core/approvals/request-state-record.ts
var REQUEST_STATE_FORMAT = "snapgate.request-state/v1";
function requestStatePath(id, revision) {
  return `requests/${id}/state-${String(revision).padStart(4, "0")}.json`;
}
function signedBytes(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function openRequestState(sodium, bytes, expected, appKeys) {
  const refuse = (why) => {
    throw new SnapgateError(
      "INTEGRITY",
      `The state of request ${expected.id} (revision ${expected.revision}) cannot be trusted: ${why}.`,
      {
        fix: "Do not act on it: anyone who can write the backup repository could have made it. Ask for a new request through the Snapgate App.",
        details: { request: expected.id, revision: expected.revision }
      }
    );
  };
  let record;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== REQUEST_STATE_FORMAT || body.revision !== expected.revision || body.request?.id !== expected.id)
    return refuse("it is not the revision its path names");
  return body.request;
}

// core/approvals/read-newest-request-state.ts
var REVISION = /\/state-(\d{4,})\.json$/;
async function readNewestRequestState(store, sodium, id, appKeys) {
  const revisions = (await store.listRecords(`requests/${id}/`)).map((path) => Number(REVISION.exec(path)?.[1] ?? Number.NaN)).filter((revision2) => Number.isInteger(revision2) && revision2 > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const bytes = await store.readRecord(requestStatePath(id, revision));
  if (bytes === null) return null;
  return { request: openRequestState(sodium, bytes, { id, revision }, appKeys), revision };
}

// core/operations/build-dashboard.ts
var DEFAULT_CONCURRENCY = 8;
var REQUEST_STATE = /^requests\/([^/]+)\/state-\d{4,}\.json$/;
async function buildDashboard(options) {
  const { store, policy, now } = options;
  const health = (await mapWithConcurrency(
    Object.keys(policy.environments).sort(),
    options.concurrency ?? DEFAULT_CONCURRENCY,
    (environment) => computeHealth({
      store,
      policy,
      now,
      environments: [environment],
      ...options.drift ? { drift: options.drift } : {}
    })
  )).flat();
  const appKeys = policy.keys.app ?? [];
  const open = /* @__PURE__ */ new Map();
  const untrusted = [];
  const ids = [
    ...new Set(
      (await store.listRecords("requests")).flatMap((path) => {
        const id = REQUEST_STATE.exec(path)?.[1];
        return id ? [id] : [];
      })
    )
  ].sort();
  if (appKeys.length > 0 && ids.length > 0) {
    const sodium = await loadSodium();
    for (const id of ids) {
      try {
        const newest = await readNewestRequestState(store, sodium, id, appKeys);
        const request = newest?.request;
        if (!request) continue;
        const live = (request.state === "pending" || request.state === "approved") && Date.parse(request.expiresAt) > now.getTime();
        if (!live) continue;
        const list = open.get(request.subject.environment) ?? [];
        list.push({
          id: request.id,
          action: request.action,
          state: request.state,
          requester: request.requester.login,
          expiresAt: request.expiresAt
        });
        open.set(request.subject.environment, list);
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        untrusted.push(id);
      }
    }
  }
  const locks = /* @__PURE__ */ new Map();
  for (const line of await store.readAuditLines()) {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    const environment = event.subject?.["environment"];
    if (typeof environment !== "string") continue;
    if (event.type === "environment.locked") {
      const reason = event.details?.["reason"];
      locks.set(environment, {
        by: event.actor.login ?? event.actor.kind,
        at: event.time,
        reason: typeof reason === "string" ? reason : null
      });
    } else if (event.type === "environment.unlocked") locks.set(environment, null);
  }
  return {
    generatedAt: now.toISOString(),
    store: store.location,
    environments: health.map((h) => ({
      ...h,
      openRequests: open.get(h.environment) ?? [],
      lock: locks.get(h.environment) ?? null
    })),
    untrustedRequests: untrusted,
    requestsNote: appKeys.length === 0 && ids.length > 0 ? "The policy lists no keys.app, so request records cannot be checked and are not shown." : null
  };
}

// core/operations/render-dashboard-html.ts
var e = escapeHtml;
function row(env) {
  const latest = env.latest ? `#${env.latest.seq} <code>${e(env.latest.id.slice(0, 12))}</code><br>${e(env.latest.time)}` : statusBadge(false, "", "none");
  const age = env.latest ? env.late ? statusBadge(false, "", `${formatDuration(env.latest.ageMs)} (late)`) : statusBadge(true, formatDuration(env.latest.ageMs), "") : "-";
  const verification = env.lastVerification ? statusBadge(
    env.lastVerification.ok,
    `passed ${env.lastVerification.time}`,
    `failed ${env.lastVerification.time}`
  ) : '<span class="muted">none</span>';
  const signoffs = env.lastDrill?.signoffs;
  const drill = env.lastDrill ? statusBadge(
    env.lastDrill.ok,
    `passed ${env.lastDrill.time}`,
    `failed ${env.lastDrill.time}`
  ) + (signoffs === void 0 ? "" : ` ${statusBadge(
    signoffs.length === SIGNOFF_ROLES.length,
    "signed off by ops and security",
    `sign-off missing: ${SIGNOFF_ROLES.filter((role) => !signoffs.includes(role)).join(", ")}`
  )}`) : '<span class="muted">none</span>';
  const drift = env.drift ? env.drift.drifted ? statusBadge(
    false,
    "",
    `${env.drift.added} added, ${env.drift.removed} removed, ${env.drift.changed} changed`
  ) : statusBadge(true, "none", "") : '<span class="muted">not checked</span>';
  const requests = env.openRequests.length ? `<ul>${env.openRequests.map((r) => `<li>${e(r.id)}: ${e(r.action)} by @${e(r.requester)}, ${e(r.state)} until ${e(r.expiresAt)}</li>`).join("")}</ul>` : '<span class="muted">none</span>';
  const lock = env.lock ? `<span class="bad">&#128274; locked</span> by @${e(env.lock.by)} since ${e(env.lock.at)}${env.lock.reason ? `: ${e(env.lock.reason)}` : ""}` : '<span class="muted">unlocked</span>';
  const alerts = env.problems.length ? `<ul>${env.problems.map((p) => `<li><span class="bad">&#10007; ${e(p.kind)}</span>: ${e(p.message)} <em>Fix:</em> ${e(p.fix)}</li>`).join("")}</ul>` : statusBadge(true, "healthy", "");
  return `<tr id="env-${e(env.environment)}"><th scope="row">${e(env.environment)}</th><td>${e(env.tier ?? "-")}</td><td>${latest}</td><td>${age}</td><td>${verification}</td><td>${drill}</td><td>${drift}</td><td>${requests}</td><td>${lock}</td><td>${alerts}</td></tr>`;
}
function renderDashboardHtml(dashboard, options = {}) {
  const environments = [...dashboard.environments].sort(
    (a, b) => Number(a.healthy) - Number(b.healthy) || a.environment.localeCompare(b.environment)
  );
  const unhealthy = environments.filter((env) => !env.healthy).length;
  const locked = environments.filter((env) => env.lock).length;
  const requests = environments.reduce((sum, env) => sum + env.openRequests.length, 0);
  const notes = [
    ...dashboard.requestsNote ? [dashboard.requestsNote] : [],
    ...dashboard.untrustedRequests.length ? [
      `Request records that fail the app-key check (investigate): ${dashboard.untrustedRequests.join(", ")}.`
    ] : []
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

// cli/commands/dashboard.ts
var dashboardCommand = {
  name: "dashboard",
  summary: "Write a static HTML dashboard: per environment latest snapshot and age, verification, drill, requests, lock, alerts",
  usage: "snapgate dashboard --store STORE --out FILE [--env ENV --root DIR --writer-key FILE] [--policy FILE] [--json]",
  help: [
    "--out FILE            the HTML page to write (atomically); self-contained, no script",
    POLICY_HELP,
    "open requests need keys.app in the policy (their records are checked against it); locks come from the audit log",
    "--env ENV --root DIR  also show the drift of this live directory against ENV's latest snapshot",
    "--writer-key FILE     for drift: the snapshot job's writer key (or SNAPGATE_WRITER_KEY); other environments show drift as not checked"
  ],
  json: "`{out, environments, unhealthy, openRequests, locked}` (the page itself is written to --out)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    out: { type: "string" },
    env: { type: "string" },
    root: { type: "string" },
    "writer-key": { type: "string" }
  },
  async run(args, context) {
    const out = resolve(
      context.cwd,
      requireValue(args, "out", this, "Name the HTML file to write, e.g. --out dashboard.html.")
    );
    const { policy } = await requireCliPolicy(args, context, context.cwd, "dashboard");
    const store = await openStore(args, context);
    await store.assertExists();
    const drift = await liveDriftSummary(args, context, this, store, policy);
    const dashboard = await buildDashboard({ store, policy, now: /* @__PURE__ */ new Date(), drift });
    await writeFileAtomic(out, renderDashboardHtml(dashboard));
    const summary = {
      out,
      environments: dashboard.environments.length,
      unhealthy: dashboard.environments.filter((env) => !env.healthy).length,
      openRequests: dashboard.environments.reduce((sum, env) => sum + env.openRequests.length, 0),
      locked: dashboard.environments.filter((env) => env.lock).length
    };
    context.stdout(
      flag(args, "json") ? json(summary) : `Wrote the dashboard of ${summary.environments} environment(s) to ${out}: ${summary.unhealthy} need attention, ${summary.openRequests} open request(s), ${summary.locked} locked.
`
    );
    return 0;
  }
};
export {
  dashboardCommand
};
