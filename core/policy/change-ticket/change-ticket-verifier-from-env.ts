import { SnapgateError } from "../../errors.js";
import type { Policy } from "../policy.js";
import type { ChangeTicketVerifier } from "./change-ticket-verifier.js";
import { createHttpChangeTicketVerifier } from "./http-change-ticket-verifier.js";

/**
 * The change system verifier the policy asks for, with the bearer token taken
 * from the variable its `token_env` names in `env` (the CLI's or the runner's
 * environment). The token is read when a ticket needs confirming, so snapshots
 * that need none do not need the token either. null when the policy names no endpoint.
 */
export function changeTicketVerifierFromEnv(
  policy: Pick<Policy, "changeTickets">,
  env: Readonly<Record<string, string | undefined>>,
): ChangeTicketVerifier | null {
  const endpoint = policy.changeTickets?.endpoint;
  if (!endpoint) return null;
  return {
    verify(changeId) {
      const token = endpoint.tokenEnv === null ? null : env[endpoint.tokenEnv];
      if (endpoint.tokenEnv !== null && !token) {
        throw new SnapgateError(
          "CONFIG",
          `The policy's change_tickets.endpoint.token_env names ${endpoint.tokenEnv}, which is not set.`,
          {
            fix: `Set ${endpoint.tokenEnv} to the change system's token in the snapshot job's environment.`,
          },
        );
      }
      return createHttpChangeTicketVerifier(endpoint, { token }).verify(changeId);
    },
  };
}
