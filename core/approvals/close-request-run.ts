import { requestAuditEvent } from "./request-audit-event.js";
import type { LifecycleRequest, Transition } from "./request-lifecycle.js";

/**
 * A dispatched request's run completed (workflow_run): the request is
 * executed when the run succeeded, failed otherwise, with the conclusion and
 * the run's link. Anything but the request's own run, or a request no
 * longer running, changes nothing (a redelivery).
 */
export function closeRequestRun(
  request: LifecycleRequest,
  run: { id: number; url: string; conclusion: string | null },
  deliveryId: string,
  now: Date,
): Transition<LifecycleRequest> {
  if (request.state !== "dispatched" || request.run?.id !== run.id) {
    return {
      state: request,
      reply: `Request ${request.id} is ${request.state}; run ${run.id} changes nothing.`,
      reactions: [],
      auditEvents: [],
      refusal: "not-pending",
    };
  }
  const conclusion = run.conclusion ?? "unknown";
  const succeeded = conclusion === "success";
  const at = now.toISOString();
  return {
    state: {
      ...request,
      state: succeeded ? "executed" : "failed",
      run: { ...request.run, url: run.url, conclusion, completedAt: at },
      closed: succeeded
        ? null
        : { by: null, at, reason: `the restore run ended with ${conclusion}: ${run.url}` },
    },
    reply: succeeded
      ? `Request ${request.id} is executed: ${run.url}`
      : `Request ${request.id} failed: its run ended with ${conclusion} (${run.url}).`,
    reactions: [],
    auditEvents: [
      requestAuditEvent(
        succeeded ? "request.executed" : "request.failed",
        request,
        null,
        deliveryId,
        now,
        { run: run.url, runId: run.id, conclusion },
      ),
    ],
    refusal: null,
  };
}
