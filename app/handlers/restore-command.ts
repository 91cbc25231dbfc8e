import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { applyCommand } from "../../core/approvals/apply-command.js";
import { decideEligibility } from "../../core/approvals/decide-eligibility.js";
import { newRequestId } from "../../core/approvals/new-request-id.js";
import { planAgainstSnapshot } from "../../core/approvals/plan-against-snapshot.js";
import type { Reaction } from "../../core/approvals/request-lifecycle.js";
import { sealRequestState } from "../../core/approvals/request-state-record.js";
import { renderRequestStatus } from "../../core/approvals/render-request-status.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { appSigner, requestStateMacKey, type AppKey } from "../../core/crypto/app-key.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import { SnapgateError } from "../../core/errors.js";
import { githubEligibility } from "../../core/github/github-eligibility.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openBackupStore } from "../gate/open-backup-store.js";

/** What the app answers a restore command with: the comment's body and the reactions on the command. */
export interface RestoreAnswer {
  body: string;
  reactions: Reaction[];
}

/**
 * `/snapgate restore`: gathers the facts live (the policy, the snapshot in
 * the backup repository, what restoring it would change against the
 * environment's newest snapshot, the asker's eligibility), lets
 * applyCommand decide, then writes the request's first state revision,
 * signed with the app key, and its audit events to the backup repository.
 * The answer is the request's status comment, or why nothing was created.
 */
export async function askForRestore(
  command: CommentCommand,
  actor: { id: number; login: string },
  commentId: number,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RestoreAnswer> {
  if (signingKey === null) {
    throw new SnapgateError("CONFIG", "This Snapgate App has no key to sign requests with.", {
      fix: "The app's operator sets SNAPGATE_SIGNING_KEY to an app key (`snapgate keygen --app --out FILE`) and lists its verify key in the policy's keys.app.",
    });
  }
  const { policy, store } = await openBackupStore(event);
  const sodium = await loadSodium();
  const verifyKey = appSigner(sodium, signingKey).verifyKey;
  // A record no policy key can check would be refused by the restore job: ask for none.
  if (!(policy.keys.app ?? []).includes(verifyKey)) {
    throw new SnapgateError(
      "CONFIG",
      "The policy does not list this app's verify key in keys.app, so nothing could check the requests it signs.",
      {
        fix: `Add \`- { key: ${verifyKey} }\` to keys.app in .github/snapgate.yml on the default branch (docs/policy.md).`,
      },
    );
  }
  const eligibility = await githubEligibility(
    event.octokit,
    { owner: event.owner, repo: event.repo },
    policy.roles,
  )(actor, "restorer");
  // Before reading the backups: whoever may not ask learns nothing about them.
  const ineligible = decideEligibility(actor, eligibility, "restorer");
  if (ineligible !== null) return refused(`No request created: ${ineligible}.`);

  const spec = command.args["snapshot"] ?? "";
  const wanted = await resolveSnapshot(store, spec, {
    ...(command.environment !== null ? { stream: command.environment } : {}),
  });
  const newest = await resolveSnapshot(store, "latest", { stream: wanted.stream }).catch(
    () => null,
  );
  const [snapshot, other] = await Promise.all([
    loadSnapshot(store, wanted),
    newest && newest.id !== wanted.id ? loadSnapshot(store, newest) : null,
  ]);
  // Every snapshot of the environment forgotten: compared with nothing.
  const current = newest === null ? null : (other ?? snapshot);
  const transition = applyCommand(
    null,
    command,
    actor,
    {
      deliveryId: event.deliveryId,
      commentId,
      policy,
      eligibility,
      // Locks are not stored yet (lock/unlock are not available): no environment is locked.
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
  const request = transition.state;
  if (transition.refusal !== null || request === null) return refused(transition.reply);

  // Write-once: a second app instance (or a redelivery) creating the same request is refused here.
  await store.writeRecords([sealRequestState(sodium, request, 1, signingKey)]);
  await appendAuditEvents(store, transition.auditEvents);
  const status = renderRequestStatus(request, {
    plan: planAgainstSnapshot(
      current?.manifest.files ?? null,
      snapshot.manifest.files,
      request.subject.paths ?? [],
    ),
    planBase: newest
      ? `${newest.stream}@${newest.seq}, the newest snapshot`
      : "no snapshot: every one is forgotten",
    approvers: policy.roles.approvers,
    lock: null,
    macKey: requestStateMacKey(signingKey),
  });
  return { body: `${transition.reply}\n\n${status}`, reactions: transition.reactions };
}

function refused(reply: string): RestoreAnswer {
  return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
}
