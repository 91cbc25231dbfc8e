import type { Context } from "probot";
import { newRequestId } from "../../core/approvals/new-request-id.js";
import { parseCommentCommand } from "../../core/approvals/parse-comment-command.js";
import { revokeComment } from "../../core/approvals/revoke-comment.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { isSnapgateError } from "../../core/errors.js";
import type { GateEvent } from "../gate/gate-event.js";
import { changeRequest } from "./change-request.js";
import { editStatusComment } from "./edit-status-comment.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";

/**
 * issue_comment edited or deleted: a comment that asked for a request
 * cancels it, a comment that approved one withdraws that approval
 * (revokeComment decides; a deny stays). Which request is read from the
 * comment as it was (the body before the edit): `restore` names the request
 * its comment created, `approve` the one it approved. Anything else costs no
 * request. A redelivery finds nothing left to revoke and changes nothing.
 */
export async function onIssueCommentChange(
  context: Context<"issue_comment.edited" | "issue_comment.deleted">,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<void> {
  const { payload } = context;
  const before =
    payload.action === "edited" ? payload.changes.body?.from : (payload.comment.body ?? undefined);
  if (before === undefined) return;
  const parsed = parseCommentCommand(before);
  if (parsed.kind !== "command") return;
  const { command } = parsed;
  const id =
    command.name === "restore"
      ? newRequestId(`${event.owner}/${event.repo}`, payload.comment.id)
      : command.name === "approve"
        ? (command.args["request"] ?? "")
        : null;
  if (id === null) return;
  try {
    const opened = await openRequestStore(event, signingKey);
    const { transition, changed } = await changeRequest(opened, id, async (request) =>
      request === null
        ? { state: null, reply: "", reactions: [], auditEvents: [], refusal: "no-request" }
        : revokeComment(
            request,
            {
              commentId: payload.comment.id,
              kind: payload.action,
              actor: { id: payload.sender.id, login: payload.sender.login },
              deliveryId: event.deliveryId,
            },
            event.now,
          ),
    );
    if (changed === null) return;
    const { octokit, owner, repo } = event;
    await editStatusComment(event, payload.issue.number, changed.commentId, () =>
      renderStatusBody(opened.store, changed, opened.policy, opened.signingKey),
    );
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: payload.issue.number,
      body: `${transition.reply}\n\n<!-- snapgate:revoked ${payload.comment.id} -->`,
    });
  } catch (error) {
    // Nobody to answer: the comment is edited or gone. The operator sees why in the log.
    if (isSnapgateError(error))
      event.log.warn(`revoking comment ${payload.comment.id} failed: ${error.message}`);
    else event.log.error({ err: error }, `revoking comment ${payload.comment.id} failed`);
    throw error;
  }
}
