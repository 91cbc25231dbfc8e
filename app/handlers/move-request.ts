import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import type { GateEvent } from "../gate/gate-event.js";
import { changeRequest } from "./change-request.js";
import { dispatchRequest, type DispatchOutcome } from "./dispatch-request.js";
import { editStatusComment } from "./edit-status-comment.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";
import type { RequestAnswer } from "./restore-command.js";
import { runApprovedForget } from "./run-approved-forget.js";

/**
 * `/snapgate approve|deny|cancel <request>`: asks the actor's eligibility
 * live, lets applyCommand decide over the request's newest signed revision
 * (changeRequest writes the next one and the audit events), and edits the
 * request's status comment in place. An approval that leaves a restore
 * request approved dispatches it (dispatchRequest: re-checked, claimed once,
 * 🚀 on the approving comment).
 */
export async function moveRequest(
  command: CommentCommand,
  actor: { id: number; login: string },
  where: { commentId: number; issueNumber: number; defaultBranch: string },
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestAnswer> {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store } = opened;
  const { transition, changed } = await changeRequest(
    opened,
    command.args["request"] ?? "",
    async (request) =>
      applyCommand(
        request,
        command,
        actor,
        {
          deliveryId: event.deliveryId,
          commentId: where.commentId,
          policy,
          eligibility: await opened.eligibility(actor, "approver"),
          // Read live when it decides (an approval of a restore); a lock record that is not
          // the app's throws INTEGRITY. Deny and cancel never wait for a lock.
          lock:
            request === null || command.name !== "approve" || request.action !== "restore"
              ? null
              : await readEnvironmentLock(
                  store,
                  request.subject.environment,
                  policy.keys.app ?? [],
                ),
        },
        event.now,
      ),
  );
  let reply = transition.reply;
  const current = transition.state;
  // An approved forget runs in the app (ADR 0610); an approved restore is dispatched (ADR 0606).
  const forgot =
    changed?.state === "approved" && changed.action === "forget"
      ? await runApprovedForget(opened, changed, event)
      : null;
  let dispatched: DispatchOutcome | null = null;
  if (command.name === "approve" && current?.state === "approved" && current.action === "restore") {
    dispatched = await dispatchRequest(opened, current, event, where);
    reply = transition.refusal === null ? `${reply} ${dispatched.reply}` : dispatched.reply;
  }
  if (forgot !== null) reply = `${reply} ${forgot.reply}`;
  const shown =
    forgot !== null
      ? forgot.request
      : dispatched !== null && dispatched.request !== current
        ? dispatched.request
        : changed;
  if (shown !== null) {
    const edited = await editStatusComment(event, where.issueNumber, shown.commentId, () =>
      renderStatusBody(store, shown, policy, opened.signingKey),
    );
    if (!edited)
      reply += ` (Its status comment is in the conversation where it was asked; it was not updated from here.)`;
  }
  if (forgot !== null)
    return {
      body: forgot.reactions.includes("confused") ? `**Not run:** ${reply}` : reply,
      reactions: ["+1", ...forgot.reactions],
    };
  const extra = dispatched?.reactions ?? [];
  if (transition.refusal !== null && dispatched === null)
    return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
  return {
    body: reply,
    reactions: [
      ...transition.reactions.filter(
        (reaction) => reaction !== "rocket" && transition.refusal === null,
      ),
      ...extra,
    ],
  };
}
