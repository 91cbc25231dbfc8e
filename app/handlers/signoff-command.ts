import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { decideDrillSignoff } from "../../core/approvals/decide-drill-signoff.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { isSnapgateError, SnapgateError } from "../../core/errors.js";
import { sealDrillSignoff } from "../../core/operations/drill-signoff-record.js";
import { parseDrillReference } from "../../core/operations/parse-drill-reference.js";
import { readDrillRecord } from "../../core/operations/read-drill-record.js";
import { readDrillSignoffs } from "../../core/operations/read-drill-signoffs.js";
import { policyEnvironment } from "../../core/policy/policy-environment.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openRequestStore } from "./open-request-store.js";
import type { RequestAnswer } from "./restore-command.js";

/** Tries of a sign-off that lost the race for its write-once file to another writer. */
const ATTEMPTS = 2;

/**
 * `/snapgate signoff <drill>` (ADR 1203): reads the drill record (writer
 * signature) and its sign-offs (app signatures), asks GitHub live whether
 * the actor is in roles.ops and roles.security, lets decideDrillSignoff
 * decide, and writes the app-signed sign-off write-once: of two app
 * instances or a redelivery, the second finds the file taken, reads again
 * and records nothing more.
 */
export async function signoffCommand(
  command: CommentCommand,
  actor: { id: number; login: string },
  commentId: number,
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestAnswer> {
  // The parser accepted only a drill record's name, so this cannot point outside drills/<env>/.
  const drill = parseDrillReference(command.args["drill"] ?? "");
  if (!drill) {
    throw new SnapgateError("USAGE", "The command names no drill record.", {
      fix: "Write /snapgate signoff drills/<env>/<time>-ok-<snapshot>.json (the drill's record path).",
    });
  }
  const opened = await openRequestStore(event, signingKey);
  const { policy, store, sodium } = opened;
  // An environment the policy does not have is refused before anything is read or written.
  policyEnvironment(policy, drill.stream);
  const appKeys = policy.keys.app ?? [];
  const read = await readDrillRecord(
    store,
    drill.path,
    policy.keys.writers.map((writer) => writer.key),
  );
  // Asked live, per role, only when the policy lists someone for it and the drill can be signed
  // off at all (a missing, untrusted or failing drill is refused without asking GitHub about anyone).
  const ask = async (role: "ops" | "security") =>
    read.ok && read.record.ok && (policy.roles[role] ?? []).length > 0
      ? await opened.eligibility(actor, role)
      : null;
  const roles = { ops: await ask("ops"), security: await ask("security") };
  for (let attempt = 1; ; attempt++) {
    const signoffs = await readDrillSignoffs(store, sodium, drill.path, appKeys);
    const decision = decideDrillSignoff(
      actor,
      { drill, read, signoffs, roles, deliveryId: event.deliveryId, commentId },
      event.now,
    );
    if (decision.role !== null) {
      try {
        await store.writeRecords([
          sealDrillSignoff(
            sodium,
            {
              stream: drill.stream,
              drill: drill.path,
              snapshot: drill.snapshot,
              role: decision.role,
              by: { id: actor.id, login: actor.login },
              at: event.now.toISOString(),
              commentId,
              deliveryId: event.deliveryId,
            },
            opened.signingKey,
          ),
        ]);
      } catch (error) {
        // Someone else's sign-off (or this one's redelivery) took the file first: decide again.
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, decision.auditEvents);
    return { body: decision.reply, reactions: decision.reactions };
  }
}
