import { SnapgateError } from "../../errors.js";
import type { Policy } from "../policy.js";
import { checkChangeTicket, type ChangeTicketInput } from "./check-change-ticket.js";
import type { ChangeTicketVerifier } from "./change-ticket-verifier.js";

export interface ChangeTicketOutcome {
  required: boolean;
  /** The normalised change id to record in the manifest and catalog (null when none was given). */
  changeId: string | null;
  /** The change system's state when it confirmed the ticket; null when not asked. */
  state: string | null;
}

/**
 * The whole change-ticket rule for `snapgate snapshot`: form, then (when the
 * policy has an endpoint and the ticket is required) the change system's
 * confirmation. Refusals throw SnapgateError("POLICY") with the fix.
 */
export async function enforceChangeTicket(
  policy: Pick<Policy, "changeTickets">,
  input: ChangeTicketInput,
  verifier: ChangeTicketVerifier | null,
): Promise<ChangeTicketOutcome> {
  const check = checkChangeTicket(policy, input);
  const changeId =
    input.changeId === null || input.changeId.trim() === "" ? null : input.changeId.trim();
  if (!check.ok) {
    throw new SnapgateError("POLICY", check.message, {
      fix: check.fix ?? undefined,
      details: { tier: input.tier, phase: input.phase, changeId },
    });
  }
  if (!check.needsVerification || changeId === null)
    return { required: check.required, changeId, state: null };
  if (verifier === null) {
    throw new SnapgateError(
      "POLICY",
      `Change ${changeId} must be confirmed by the change system, but no verifier was given.`,
      {
        fix: "This is a wiring bug: build one with createHttpChangeTicketVerifier(policy.changeTickets.endpoint).",
      },
    );
  }
  const verdict = await verifier.verify(changeId);
  if (!verdict.ok) {
    throw new SnapgateError("POLICY", verdict.message, {
      fix: verdict.fix,
      details: { changeId, reason: verdict.reason },
    });
  }
  return { required: true, changeId, state: verdict.state };
}
