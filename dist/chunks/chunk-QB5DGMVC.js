import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  openGitHub,
  storeSpec
} from "./chunk-3DD7AWWT.js";
import {
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/operations/alert-marker.ts
var MARKER = /<!-- snapgate-alert environment=([^\s]+) problem=([^\s]+) -->/;
function alertMarker(environment, problem) {
  return `<!-- snapgate-alert environment=${environment} problem=${problem} -->`;
}
function parseAlertMarker(body) {
  const match = MARKER.exec(body);
  return match ? { environment: match[1], problem: match[2] } : null;
}

// core/operations/sync-alert-issues.ts
var TITLES = {
  "no-snapshot": "has no snapshot",
  late: "backup is late",
  failures: "verifications or drills keep failing",
  coverage: "backup misses required files",
  drift: "live configuration drifted from its backup",
  "drill-failed": "latest drill failed",
  "unknown-environment": "is not in the policy",
  canary: "synthetic canary failed"
};
var REVISION = /<!-- snapgate-alert-revision ([0-9a-f]{16}) -->/;
function revisionOf(alert) {
  return sha256Hex(new TextEncoder().encode(alert.revision ?? alert.message)).slice(0, 16);
}
function alertBody(alert) {
  return [
    alertMarker(alert.environment, alert.problem),
    `<!-- snapgate-alert-revision ${revisionOf(alert)} -->`,
    `### Snapgate alert: ${alert.environment}, ${alert.problem}`,
    "",
    alert.message,
    "",
    `**Fix:** ${alert.fix}`,
    "",
    "Snapgate's scheduled health run keeps this issue up to date and closes it when the problem is gone.",
    ""
  ].join("\n");
}
var keyOf = (environment, problem) => `${environment}\0${problem}`;
async function syncAlertIssues(options) {
  const { issues, now } = options;
  const open = /* @__PURE__ */ new Map();
  const lastClosed = /* @__PURE__ */ new Map();
  for (const issue of (await issues.list()).sort((a, b) => a.number - b.number)) {
    const marker = parseAlertMarker(issue.body);
    if (!marker) continue;
    const key = keyOf(marker.environment, marker.problem);
    if (issue.state === "open" && !open.has(key)) open.set(key, issue);
    if (issue.state === "closed")
      lastClosed.set(key, Math.max(issue.number, lastClosed.get(key) ?? 0));
  }
  const changes = [];
  const claimedElsewhere = [];
  const messages = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Set();
  for (const alert of options.alerts) {
    const key = keyOf(alert.environment, alert.problem);
    if (wanted.has(key)) continue;
    wanted.add(key);
    const body = alertBody(alert);
    const existing = open.get(key);
    const change = { environment: alert.environment, problem: alert.problem };
    if (existing) {
      if (REVISION.exec(existing.body)?.[1] === revisionOf(alert)) continue;
      await issues.update(existing.number, { body });
      const updated = {
        action: "updated",
        ...change,
        issue: existing.number,
        url: existing.url
      };
      changes.push(updated);
      messages.set(updated, alert.message);
      continue;
    }
    const claim = `${alert.environment}/${alert.problem}/after-${lastClosed.get(key) ?? 0}`;
    if (!await issues.claim(claim)) {
      claimedElsewhere.push(change);
      continue;
    }
    const title = `Snapgate: ${alert.environment} ${TITLES[alert.problem] ?? alert.problem}`;
    const created = await issues.create(title, body);
    const opened = {
      action: "opened",
      ...change,
      issue: created.number,
      url: created.url
    };
    changes.push(opened);
    messages.set(opened, alert.message);
  }
  for (const [key, issue] of open) {
    if (wanted.has(key)) continue;
    const marker = parseAlertMarker(issue.body);
    if (!marker) continue;
    const retired = marker.problem !== "canary" && (options.retired?.(marker.environment) ?? false);
    if (!retired && !options.covers(marker.environment, marker.problem)) continue;
    await issues.comment(
      issue.number,
      retired ? `Resolved: ${marker.environment} is no longer an environment of the policy (scheduled health run of ${now.toISOString()}), so Snapgate no longer checks it. Closing.` : `Resolved: the scheduled health run of ${now.toISOString()} found no ${marker.problem} problem in ${marker.environment}. Closing.`
    );
    await issues.update(issue.number, { state: "closed" });
    changes.push({ action: "resolved", ...marker, issue: issue.number, url: issue.url });
  }
  const events = changes.map((change) => ({
    type: `alert.${change.action}`,
    time: now,
    actor: options.actor,
    subject: {
      environment: change.environment,
      problem: change.problem,
      repository: issues.where,
      issue: change.issue
    },
    details: {
      url: change.url,
      ...messages.has(change) ? { message: messages.get(change) } : {}
    }
  }));
  await appendAuditEvents(options.store, events);
  return { changes, claimedElsewhere };
}

// cli/open-alert-issues.ts
var ALERT_OPTION = { alert: { type: "string" } };
var ALERT_HELP = "--alert OWNER/REPO    open, update and close snapgate-alert issues there (needs a github:// store and a token with issues: write there)";
async function openAlertIssues(args, context) {
  const target = stringValue(args, "alert");
  if (target === void 0) return void 0;
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(target);
  if (!match) {
    throw new SnapgateError("USAGE", `--alert '${target}' is not OWNER/REPO.`, {
      fix: "Name the repository that gets the alert issues, e.g. --alert acme/service (in a workflow: ${{ github.repository }})."
    });
  }
  if (!storeSpec(args, context).startsWith("github://")) {
    throw new SnapgateError("USAGE", "--alert needs a github:// store.", {
      fix: "Use --store github://OWNER/REPO (the backup repository): alert issues are claimed there, so that two runs never open the same one twice."
    });
  }
  const [{ client, location }, { githubAlertIssues }] = await Promise.all([
    openGitHub(args, context),
    import("./github-alert-issues-6AEFAFLD.js")
  ]);
  return githubAlertIssues({
    client,
    issues: { owner: match[1], repo: match[2] },
    backup: location,
    now: () => /* @__PURE__ */ new Date()
  });
}

export {
  syncAlertIssues,
  ALERT_OPTION,
  ALERT_HELP,
  openAlertIssues
};
