import { requestAuditEvent } from "./request-audit-event.js";
import type { LifecycleRequest, RequestRun, Transition } from "./request-lifecycle.js";

/**
 * A claimed request whose workflow could not be dispatched: it fails for
 * good, with why, rather than staying approved. The claim is spent, so no
 * later delivery dispatches it; the caller also burns its execution record,
 * so no run (one GitHub started before losing its answer, a manual one) can
 * restore with it. Asking again is the way forward.
 */
export function recordDispatchFailure(
  request: LifecycleRequest,
  attempt: Pick<RequestRun, "workflow" | "ref" | "issue">,
  problem: { message: string; fix: string },
  deliveryId: string,
  now: Date,
): Transition<LifecycleRequest> {
  const reason = `dispatching ${attempt.workflow} on ${attempt.ref} failed: ${problem.message}`;
  return {
    state: {
      ...request,
      state: "failed",
      run: {
        ...attempt,
        id: null,
        url: null,
        dispatchedAt: now.toISOString(),
        conclusion: null,
        completedAt: null,
      },
      closed: { by: null, at: now.toISOString(), reason },
    },
    reply: `Request ${request.id} was approved but did not run: ${reason} ${problem.fix} A request runs once: ask for a new one once this is fixed.`,
    reactions: ["confused"],
    auditEvents: [
      requestAuditEvent("request.dispatch-failed", request, null, deliveryId, now, {
        workflow: attempt.workflow,
        ref: attempt.ref,
        error: problem.message,
      }),
    ],
    refusal: null,
  };
}
