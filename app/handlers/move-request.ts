import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { countApprovals } from "../../core/approvals/count-approvals.js";
import { readNewestRequestState } from "../../core/approvals/read-newest-request-state.js";
import { sealRequestState } from "../../core/approvals/request-state-record.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { isSnapgateError } from "../../core/errors.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";
import type { RequestAnswer } from "./restore-command.js";

/** Tries of a change that lost the race for its revision to another writer. */
const ATTEMPTS = 3;

/**
 * `/snapgate approve|deny|cancel <request>`: reads the request's newest
 * signed revision from the backup repository (the source of truth, never
 * the status comment), asks the actor's eligibility live, lets applyCommand
 * decide, writes the next revision when the request changed (write-once: a
 * concurrent change makes it read and decide again), appends the audit
 * events and edits the request's status comment in place.
 */
export async function moveRequest(
  command: CommentCommand,
  actor: { id: number; login: string },
  where: { commentId: number; issueNumber: number },
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestAnswer> {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store, sodium } = opened;
  const id = command.args["request"] ?? "";
  for (let attempt = 1; ; attempt++) {
    const found = await readNewestRequestState(store, sodium, id, policy.keys.app ?? []);
    const transition = applyCommand(
      found?.request ?? null,
      command,
      actor,
      {
        deliveryId: event.deliveryId,
        commentId: where.commentId,
        policy,
        eligibility: await opened.eligibility(actor, "approver"),
        // Locks are not stored yet (lock/unlock are not available): no environment is locked.
        lock: null,
      },
      event.now,
    );
    const next = transition.state;
    const changed = found !== null && next !== null && next !== found.request;
    if (found !== null && next !== null && changed) {
      try {
        await store.writeRecords([
          sealRequestState(sodium, next, found.revision + 1, opened.signingKey),
        ]);
      } catch (error) {
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, transition.auditEvents);
    let reply = transition.reply;
    if (changed && next !== null) {
      const edited = await editStatusComment(event, where.issueNumber, next.commentId, () =>
        renderStatusBody(store, next, policy, opened.signingKey),
      );
      if (next.state === "approved") {
        // Dispatching is not wired yet: say so rather than promise a run.
        reply = `Request ${next.id} is approved (${countApprovals(next).length} of ${next.quorum.required}). Running approved requests from the app is not available in this version yet: nothing runs.`;
      }
      if (!edited)
        reply += ` (Its status comment is in the conversation where it was asked; it was not updated from here.)`;
    }
    if (transition.refusal !== null) return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
    return {
      body: reply,
      reactions: transition.reactions.filter((reaction) => reaction !== "rocket"),
    };
  }
}

/** Rewrites the app's status comment of a request on this issue; false when it is not here. */
async function editStatusComment(
  event: GateEvent,
  issueNumber: number,
  askingCommentId: number,
  render: () => Promise<string>,
): Promise<boolean> {
  const { octokit, owner, repo } = event;
  const marker = `<!-- snapgate:reply-to ${askingCommentId} -->`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const status = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body?.includes(marker),
  );
  if (!status) return false;
  await octokit.rest.issues.updateComment({
    owner,
    repo,
    comment_id: status.id,
    body: `${await render()}\n\n${marker}`,
  });
  return true;
}
