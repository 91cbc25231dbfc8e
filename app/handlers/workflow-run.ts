import type { Context } from "probot";
import { closeRequestRun } from "../../core/approvals/close-request-run.js";
import {
  openRequestDispatch,
  requestDispatchPath,
} from "../../core/approvals/request-dispatch-record.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import type { GateEvent } from "../gate/gate-event.js";
import { changeRequest } from "./change-request.js";
import { editStatusComment } from "./edit-status-comment.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";

/**
 * workflow_run completed: when a signed dispatch record names the run, its
 * request is closed, executed on success and failed otherwise, with the
 * conclusion and the run's link; the status comment is edited and the close
 * audited. Runs the app did not dispatch (and repositories without a policy
 * or an app key) are none of its business: nothing is read beyond the record.
 * A redelivery finds the request closed and changes nothing.
 */
export async function onWorkflowRun(
  context: Context<"workflow_run.completed">,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<void> {
  const run = context.payload.workflow_run;
  if (signingKey === null || run.event !== "workflow_dispatch") return;
  const opened = await openRequestStore(event, signingKey).catch((error: unknown) => {
    // No policy, no backup repository or no app key here: no request of this app can run here.
    event.log.info(`workflow_run ${run.id}: no request store (${String(error)})`);
    return null;
  });
  if (opened === null) return;
  const bytes = await opened.store.readRecord(requestDispatchPath(run.id));
  if (bytes === null) return;
  const dispatch = openRequestDispatch(opened.sodium, bytes, run.id, opened.policy.keys.app ?? []);
  if (dispatch.repository !== `${event.owner}/${event.repo}`) return;
  const { changed } = await changeRequest(opened, dispatch.request, async (request) =>
    request === null
      ? { state: null, reply: "", reactions: [], auditEvents: [], refusal: "no-request" }
      : closeRequestRun(
          request,
          { id: run.id, url: run.html_url, conclusion: run.conclusion },
          event.deliveryId,
          event.now,
        ),
  );
  if (changed === null) return;
  await editStatusComment(event, dispatch.issue, changed.commentId, () =>
    renderStatusBody(opened.store, changed, opened.policy, opened.signingKey),
  );
}
