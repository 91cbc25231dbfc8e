import type { GateDecision } from "./gate-decision.js";

const STATE_LABEL = { pass: "✅ pass", fail: "❌ fail", unknown: "⚠️ unknown" } as const;

/** The check run summary: a heading and a table of condition, state, detail and fix. */
export function renderGateMarkdown(decision: GateDecision): string {
  const lines = [
    `### Snapgate / config backup (${decision.environment}): ${decision.conclusion === "success" ? "✅ success" : "❌ failure"}`,
    "",
    cell(decision.summary),
    "",
    "| Condition | State | Detail | Fix |",
    "| --- | --- | --- | --- |",
    ...decision.conditions.map(
      (condition) =>
        `| ${condition.name} | ${STATE_LABEL[condition.state]} | ${cell(condition.detail)} | ${cell(condition.fix ?? "")} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Table cells hold one line and no unescaped pipes or HTML. */
function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "<br>");
}
