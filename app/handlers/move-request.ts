import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { countApprovals } from "../../core/approvals/count-approvals.js";
import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import type { GateEvent } from "../gate/gate-event.js";
import { changeRequest } from "./change-request.js";
import { editStatusComment } from "./edit-status-comment.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";
import type { RequestAnswer } from "./restore-command.js";
import { runApprovedForget } from "./run-approved-forget.js";

/**
 * `/snapgate approve|deny|cancel <request>`: asks the actor's eligibility
 * live, lets applyCommand decide over the request's newest signed revision
 * (changeRequest writes the next one and the audit events), and edits the
 * request's status comment in place.
 */
export async function moveRequest(
  command: CommentCommand,
  actor: { id: number; login: string },
  where: { commentId: number; issueNumber: number },
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
  // An approved forget runs in the app (ADR 0610); the status comment then shows it executed.
  const forgot =
    changed?.state === "approved" && changed.action === "forget"
      ? await runApprovedForget(opened, changed, event)
      : null;
  if (changed !== null) {
    const shown = forgot?.request ?? changed;
    const edited = await editStatusComment(event, where.issueNumber, changed.commentId, () =>
      renderStatusBody(store, shown, policy, opened.signingKey),
    );
    if (forgot !== null) {
      reply = `${reply} ${forgot.reply}`;
    } else if (changed.state === "approved") {
      // Dispatching is not wired yet: say so rather than promise a run.
      reply = `Request ${changed.id} is approved (${countApprovals(changed).length} of ${changed.quorum.required}). Running approved requests from the app is not available in this version yet: nothing runs.`;
    }
    if (!edited)
      reply += ` (Its status comment is in the conversation where it was asked; it was not updated from here.)`;
  }
  if (transition.refusal !== null) return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
  if (forgot !== null)
    return {
      body: forgot.reactions.includes("confused") ? `**Not run:** ${reply}` : reply,
      reactions: ["+1", ...forgot.reactions],
    };
  return {
    body: reply,
    reactions: transition.reactions.filter((reaction) => reaction !== "rocket"),
  };
}
