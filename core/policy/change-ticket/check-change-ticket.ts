import type { Phase } from "../../types.js";
import { execPolicyRegex } from "../exec-policy-regex.js";
import type { Policy } from "../policy.js";

export interface ChangeTicketInput {
  /** The tier of the environment being snapshotted. */
  tier: string;
  phase: Phase;
  /** The change id given with the snapshot (e.g. --change-id); null or "" when none. */
  changeId: string | null;
}

export interface ChangeTicketCheck {
  required: boolean;
  ok: boolean;
  /** True when the change system must also confirm the ticket (ok, required, and an endpoint is configured). */
  needsVerification: boolean;
  message: string;
  fix: string | null;
}

/**
 * The pure half of the change-ticket rule: is a change id required for this
 * tier and phase, and does the one given have the policy's form? A change id
 * given where none is required must still have the form: a typo is a mistake.
 */
export function checkChangeTicket(
  policy: Pick<Policy, "changeTickets">,
  input: ChangeTicketInput,
): ChangeTicketCheck {
  const tickets = policy.changeTickets;
  const changeId =
    input.changeId === null || input.changeId.trim() === "" ? null : input.changeId.trim();
  if (tickets === null) {
    return {
      required: false,
      ok: true,
      needsVerification: false,
      message: "The policy requires no change tickets.",
      fix: null,
    };
  }
  const required = tickets.requiredFor[input.tier]?.includes(input.phase) ?? false;
  const example = `e.g. a ticket matching ${tickets.pattern}`;
  if (changeId === null) {
    return required
      ? {
          required,
          ok: false,
          needsVerification: false,
          message: `A change id is required for ${input.phase} snapshots of ${input.tier}.`,
          fix: `Pass the approved change ticket with --change-id (${example}).`,
        }
      : {
          required,
          ok: true,
          needsVerification: false,
          message: `No change id is required for ${input.phase} snapshots of ${input.tier}.`,
          fix: null,
        };
  }
  if (execPolicyRegex(tickets.pattern, changeId, "change_tickets") === null) {
    return {
      required,
      ok: false,
      needsVerification: false,
      message: `The change id '${changeId}' does not match ${tickets.pattern}.`,
      fix: `Give the ticket id exactly as the change system shows it (${example}).`,
    };
  }
  const needsVerification = required && tickets.endpoint !== null;
  return {
    required,
    ok: true,
    needsVerification,
    message: needsVerification
      ? `Change id ${changeId} has the right form; the change system must confirm it.`
      : `Change id ${changeId} has the right form.`,
    fix: null,
  };
}
