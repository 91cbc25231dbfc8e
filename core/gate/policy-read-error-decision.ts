import { asSnapgateError } from "../errors.js";
import type { GateDecision } from "./gate-decision.js";

/**
 * The gate's answer when the policy could not even be read (GitHub failed or
 * refused): unknown, so failure, with the reason and what to do.
 */
export function policyReadErrorDecision(environment: string, error: unknown): GateDecision {
  const failure = asSnapgateError(error);
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy could not be read, so the backup is unverified.",
    conditions: [
      {
        name: "policy",
        state: "unknown",
        detail: `Reading the policy failed: ${failure.summary}`,
        fix: `${failure.fix ?? "Try again later."} Then run the check again.`,
      },
    ],
  };
}
