import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { decideEligibility } from "../../core/approvals/decide-eligibility.js";
import { newRequestId } from "../../core/approvals/new-request-id.js";
import { sealRequestState } from "../../core/approvals/request-state-record.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";
import type { RequestAnswer } from "./restore-command.js";
import { runApprovedForget } from "./run-approved-forget.js";

/**
 * `/snapgate forget <snapshot> [--env E] --reason "..."`: like a restore
 * request (restore-command.ts), from live facts: the asker's eligibility,
 * the snapshot in the backup repository, the quorum of the most critical
 * tier of its files. Writes the first signed state revision and the audit
 * event, and answers with the status comment. A tier whose quorum is zero
 * is approved at once, and runs (run-approved-forget.ts).
 */
export async function askForForget(
  command: CommentCommand,
  actor: { id: number; login: string },
  commentId: number,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestAnswer> {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store } = opened;
  const eligibility = await opened.eligibility(actor, "restorer");
  // Before reading the backups: whoever may not ask learns nothing about them.
  const ineligible = decideEligibility(actor, eligibility, "restorer");
  if (ineligible !== null) return refused(`No request created: ${ineligible}.`);

  const wanted = await resolveSnapshot(store, command.args["snapshot"] ?? "", {
    ...(command.environment !== null ? { stream: command.environment } : {}),
  });
  const snapshot = await loadSnapshot(store, wanted);
  const transition = applyCommand(
    null,
    command,
    actor,
    {
      deliveryId: event.deliveryId,
      commentId,
      policy,
      eligibility,
      lock: null,
      create: {
        id: newRequestId(`${event.owner}/${event.repo}`, commentId),
        environment: wanted.stream,
        snapshots: [wanted.id],
        files: snapshot.manifest.files.map((file) => file.path),
      },
    },
    event.now,
  );
  let request = transition.state;
  if (transition.refusal !== null || request === null) return refused(transition.reply);

  // Write-once: a second app instance (or a redelivery) creating the same request is refused here.
  await opened.store.writeRecords([sealRequestState(opened.sodium, request, 1, opened.signingKey)]);
  await appendAuditEvents(store, transition.auditEvents);
  let reply = transition.reply;
  let reactions = transition.reactions;
  if (request.state === "approved") {
    const ran = await runApprovedForget(opened, request, event);
    ({ request, reactions } = ran);
    reply = `${reply} ${ran.reply}`;
  }
  const status = await renderStatusBody(store, request, policy, opened.signingKey);
  return { body: `${reply}\n\n${status}`, reactions };
}

function refused(reply: string): RequestAnswer {
  return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
}
