import type { GateDecision } from "./gate-decision.js";

/**
 * The gate's answer when the backup repository cannot be read or is not
 * named: the facts are unknown, and unknown is failure. The detail says what
 * failed and why; the fix what to do.
 */
export function storeErrorDecision(environment: string, detail: string, fix: string): GateDecision {
  return {
    environment,
    conclusion: "failure",
    summary: "The backup repository could not be read, so the backup is unverified.",
    conditions: [{ name: "store", state: "unknown", detail, fix }],
  };
}
