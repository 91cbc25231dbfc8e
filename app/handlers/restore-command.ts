import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { decideEligibility } from "../../core/approvals/decide-eligibility.js";
import { newRequestId } from "../../core/approvals/new-request-id.js";
import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import type { Reaction } from "../../core/approvals/request-lifecycle.js";
import { sealRequestState } from "../../core/approvals/request-state-record.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore } from "./open-request-store.js";
import { renderStatusBody } from "./render-status-body.js";

/** What the app answers a request command with: the reply's body and the reactions on the command. */
export interface RequestAnswer {
  body: string;
  reactions: Reaction[];
}

/**
 * `/snapgate restore`: gathers the facts live (the policy, the snapshot in
 * the backup repository, the asker's eligibility), lets applyCommand
 * decide, then writes the request's first state revision, signed with the
 * app key, and its audit events to the backup repository. The answer is the
 * request's status comment, or why nothing was created.
 */
export async function askForRestore(
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
  // A lock record that is not the app's throws INTEGRITY: never read as unlocked.
  const lock = await readEnvironmentLock(store, wanted.stream, policy.keys.app ?? []);
  const transition = applyCommand(
    null,
    command,
    actor,
    {
      deliveryId: event.deliveryId,
      commentId,
      policy,
      eligibility,
      lock,
      create: {
        id: newRequestId(`${event.owner}/${event.repo}`, commentId),
        environment: wanted.stream,
        snapshots: [wanted.id],
        files: snapshot.manifest.files.map((file) => file.path),
      },
    },
    event.now,
  );
  const request = transition.state;
  if (transition.refusal !== null || request === null) return refused(transition.reply);

  // Write-once: a second app instance (or a redelivery) creating the same request is refused here.
  await store.writeRecords([sealRequestState(opened.sodium, request, 1, opened.signingKey)]);
  await appendAuditEvents(store, transition.auditEvents);
  const status = await renderStatusBody(store, request, policy, opened.signingKey);
  return { body: `${transition.reply}\n\n${status}`, reactions: transition.reactions };
}

function refused(reply: string): RequestAnswer {
  return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
}
