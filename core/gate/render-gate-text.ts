import type { GateDecision } from "./gate-decision.js";

const STATE_LABEL = { pass: "PASS", fail: "FAIL", unknown: "UNKNOWN" } as const;

/**
 * What `snapgate check` prints: a plain table (condition, state, detail), each
 * failing condition followed by its fix, then the conclusion.
 */
export function renderGateText(decision: GateDecision): string {
  const nameWidth = Math.max(
    "CONDITION".length,
    ...decision.conditions.map((condition) => condition.name.length),
  );
  const stateWidth = "UNKNOWN".length;
  const lines = [`${"CONDITION".padEnd(nameWidth)}  ${"STATE".padEnd(stateWidth)}  DETAIL`];
  for (const condition of decision.conditions) {
    const [first, ...rest] = condition.detail.split("\n");
    lines.push(
      `${condition.name.padEnd(nameWidth)}  ${STATE_LABEL[condition.state].padEnd(stateWidth)}  ${first ?? ""}`,
    );
    const indent = " ".repeat(nameWidth + stateWidth + 4);
    for (const line of rest) lines.push(`${indent}${line}`);
    if (condition.fix) lines.push(`${indent}fix: ${condition.fix}`);
  }
  lines.push(
    "",
    `${decision.environment}: ${decision.conclusion.toUpperCase()}. ${decision.summary}`,
  );
  return `${lines.join("\n")}\n`;
}
