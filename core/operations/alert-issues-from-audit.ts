import type { AuditEvent } from "../audit/audit-event.js";
import type { AlertIssueRecord, CanarySummary } from "./alert-issue-record.js";

/**
 * The alert issues of a period from the audit log: each `alert.opened`
 * before its end, with its `alert.updated` and `alert.resolved` events,
 * kept when it was open at some time in [fromMs, untilMs); and the canary's
 * runs in the period. Events are matched by repository and issue number.
 */
export function alertIssuesFromAudit(
  events: readonly AuditEvent[],
  fromMs: number,
  untilMs: number,
): { alerts: AlertIssueRecord[]; canary: CanarySummary } {
  const byIssue = new Map<string, AlertIssueRecord>();
  const canary: CanarySummary = { runs: 0, passed: 0, failed: 0, lastFailure: null };
  for (const event of events) {
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
        updates: 0,
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
    (record) => record.resolvedAt === null || Date.parse(record.resolvedAt) >= fromMs,
  );
  return { alerts, canary };
}
