import { gateCheckName } from "../../core/gate/gate-check-name.js";
import { gateCheckOutput } from "../../core/gate/gate-check-output.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import type { GateEvent } from "./gate-event.js";

/** The check run's button that dispatches the environment's snapshot workflow. */
export const SNAPSHOT_NOW_ACTION = {
  label: "Snapshot now",
  description: "Dispatch the snapshot workflow",
  identifier: "snapshot-now",
} as const;

/**
 * Posts a decision as a completed check run in one request (no queued run
 * first: that would cost a second write), carrying the delivery id as its
 * external_id. A failing gate of an environment with a snapshot workflow
 * offers the "Snapshot now" button, unless only its lock fails it (a new
 * snapshot would not help). Returns the check run's id.
 */
export async function postGateCheck(
  event: GateEvent,
  headSha: string,
  environment: string | null,
  decision: GateDecision,
  details: readonly string[],
  snapshotWorkflow: string | null = null,
): Promise<number> {
  const response = await event.octokit.rest.checks.create({
    owner: event.owner,
    repo: event.repo,
    name: gateCheckName(environment),
    head_sha: headSha,
    external_id: event.deliveryId,
    status: "completed",
    conclusion: decision.conclusion,
    completed_at: event.now.toISOString(),
    output: gateCheckOutput(decision, details),
    ...(snapshotWorkflow !== null &&
    decision.conditions.some((condition) => condition.state !== "pass" && condition.name !== "lock")
      ? { actions: [SNAPSHOT_NOW_ACTION] }
      : {}),
  });
  event.log.info(
    `${gateCheckName(environment)} on ${event.owner}/${event.repo}@${headSha.slice(0, 12)}: ${decision.conclusion}`,
  );
  return response.data.id;
}
