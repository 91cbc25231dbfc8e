import { appendAuditEvents } from "../audit/append-audit-events.js";
import type { AuditActor, AuditEventInput } from "../audit/audit-event.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { Store } from "../store/store.js";
import { alertMarker, parseAlertMarker } from "./alert-marker.js";
import type { AlertChange, AlertIssue, AlertIssues, HealthAlert } from "./health-alert.js";

export interface SyncAlertIssuesOptions {
  issues: AlertIssues;
  /** The problems found now. */
  alerts: readonly HealthAlert[];
  /**
   * Whether this run checked that environment for that problem: an open
   * issue it did not check (drift without the live files, the canary from a
   * health run) stays open.
   */
  covers: (environment: string, problem: string) => boolean;
  /**
   * Environments this run knows are gone (no longer in the policy): every
   * open alert of theirs but the canary's is closed, whatever its problem,
   * since no run checks them any more.
   */
  retired?: (environment: string) => boolean;
  /** The store whose audit log records each change. */
  store: Store;
  actor: AuditActor;
  now: Date;
}

export interface SyncAlertIssuesResult {
  changes: AlertChange[];
  /** Alerts another run claimed first (it opens the issue; the next run updates it). */
  claimedElsewhere: { environment: string; problem: string }[];
}

const TITLES: Record<string, string> = {
  "no-snapshot": "has no snapshot",
  late: "backup is late",
  failures: "verifications or drills keep failing",
  coverage: "backup misses required files",
  drift: "live configuration drifted from its backup",
  "drill-failed": "latest drill failed",
  "unknown-environment": "is not in the policy",
  canary: "synthetic canary failed",
};

const REVISION = /<!-- snapgate-alert-revision ([0-9a-f]{16}) -->/;

function revisionOf(alert: HealthAlert): string {
  return sha256Hex(new TextEncoder().encode(alert.revision ?? alert.message)).slice(0, 16);
}

function alertBody(alert: HealthAlert): string {
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
    "",
  ].join("\n");
}

const keyOf = (environment: string, problem: string) => `${environment}\u0000${problem}`;

/**
 * Makes the alert issues match the problems found: opens one issue per
 * environment and problem (once, under a write-once claim keyed by the
 * number of issues of that alert closed before, so redeliveries and
 * concurrent runs agree), rewrites the body of one that persists when its
 * message changed, and closes those whose problem is gone, and all of an
 * environment the policy no longer has. Each change is an audit event
 * (`alert.opened`, `alert.updated`, `alert.resolved`).
 */
export async function syncAlertIssues(
  options: SyncAlertIssuesOptions,
): Promise<SyncAlertIssuesResult> {
  const { issues, now } = options;
  const open = new Map<string, AlertIssue>();
  const lastClosed = new Map<string, number>();
  for (const issue of (await issues.list()).sort((a, b) => a.number - b.number)) {
    const marker = parseAlertMarker(issue.body);
    if (!marker) continue;
    const key = keyOf(marker.environment, marker.problem);
    // Several open ones (made by hand, or before claims): the oldest is the alert's.
    if (issue.state === "open" && !open.has(key)) open.set(key, issue);
    if (issue.state === "closed")
      lastClosed.set(key, Math.max(issue.number, lastClosed.get(key) ?? 0));
  }
  const changes: AlertChange[] = [];
  const claimedElsewhere: SyncAlertIssuesResult["claimedElsewhere"] = [];
  const messages = new Map<AlertChange, string>();
  const wanted = new Set<string>();
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
      const updated: AlertChange = {
        action: "updated",
        ...change,
        issue: existing.number,
        url: existing.url,
      };
      changes.push(updated);
      messages.set(updated, alert.message);
      continue;
    }
    const claim = `${alert.environment}/${alert.problem}/after-${lastClosed.get(key) ?? 0}`;
    if (!(await issues.claim(claim))) {
      claimedElsewhere.push(change);
      continue;
    }
    const title = `Snapgate: ${alert.environment} ${TITLES[alert.problem] ?? alert.problem}`;
    const created = await issues.create(title, body);
    const opened: AlertChange = {
      action: "opened",
      ...change,
      issue: created.number,
      url: created.url,
    };
    changes.push(opened);
    messages.set(opened, alert.message);
  }
  for (const [key, issue] of open) {
    if (wanted.has(key)) continue;
    const marker = parseAlertMarker(issue.body);
    if (!marker) continue;
    // The canary's alert is on a stream no policy names, and only `canary` judges it.
    const retired = marker.problem !== "canary" && (options.retired?.(marker.environment) ?? false);
    if (!retired && !options.covers(marker.environment, marker.problem)) continue;
    await issues.comment(
      issue.number,
      retired
        ? `Resolved: ${marker.environment} is no longer an environment of the policy (scheduled health run of ${now.toISOString()}), so Snapgate no longer checks it. Closing.`
        : `Resolved: the scheduled health run of ${now.toISOString()} found no ${marker.problem} problem in ${marker.environment}. Closing.`,
    );
    await issues.update(issue.number, { state: "closed" });
    changes.push({ action: "resolved", ...marker, issue: issue.number, url: issue.url });
  }
  const events: AuditEventInput[] = changes.map((change) => ({
    type: `alert.${change.action}`,
    time: now,
    actor: options.actor,
    subject: {
      environment: change.environment,
      problem: change.problem,
      repository: issues.where,
      issue: change.issue,
    },
    details: {
      url: change.url,
      ...(messages.has(change) ? { message: messages.get(change) } : {}),
    },
  }));
  await appendAuditEvents(options.store, events);
  return { changes, claimedElsewhere };
}
