import type { GateDecision } from "./gate-decision.js";

/** A deployment review's comment is short text: this many characters at most. */
export const MAX_COMMENT_CHARS = 4000;

/**
 * The gate's decision as a deployment review comment: the conclusion and
 * summary, then each condition that does not pass with its fix.
 */
export function renderGateComment(decision: GateDecision): string {
  const lines = [
    `Snapgate / config backup (${decision.environment}): ${decision.conclusion === "success" ? "approved" : "rejected"}. ${decision.summary}`,
  ];
  for (const condition of decision.conditions) {
    if (condition.state === "pass") continue;
    lines.push(
      `- ${condition.name} (${condition.state}): ${condition.detail.replace(/\s*\n\s*/g, " ")}${condition.fix ? ` Fix: ${condition.fix}` : ""}`,
    );
  }
  const text = lines.join("\n");
  return text.length <= MAX_COMMENT_CHARS ? text : `${text.slice(0, MAX_COMMENT_CHARS - 1)}…`;
}
