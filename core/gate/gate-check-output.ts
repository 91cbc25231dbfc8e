import type { GateDecision } from "./gate-decision.js";
import { renderGateMarkdown } from "./render-gate-markdown.js";

/** A check run annotation, in GitHub's REST shape. */
export interface GateAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export interface GateCheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: GateAnnotation[];
}

/** GitHub takes at most 50 annotations per request. */
export const MAX_ANNOTATIONS = 50;
/** GitHub refuses output fields longer than 65,535 characters. */
const MAX_OUTPUT_CHARS = 65_000;

function clip(text: string): string {
  return text.length <= MAX_OUTPUT_CHARS
    ? text
    : `${text.slice(0, MAX_OUTPUT_CHARS)}\n\n(cut: the full list is in \`snapgate check\`)\n`;
}

/**
 * A gate decision as a check run's output: the conclusion line as title, the
 * table of conditions as summary, `details` (where the policy and the backup
 * were read) as text, and an annotation on each file that is a cause: a
 * tier-0 path in no component, a line of an invalid policy in this repository
 * (files of other repositories, shown as owner/repo:path, are in the table only).
 */
export function gateCheckOutput(
  decision: GateDecision,
  details: readonly string[] = [],
): GateCheckOutput {
  const annotations: GateAnnotation[] = [];
  for (const condition of decision.conditions) {
    if (condition.state === "pass") continue;
    for (const location of condition.locations ?? []) {
      if (location.file.includes(":")) continue;
      annotations.push({
        path: location.file,
        start_line: location.line ?? 1,
        end_line: location.line ?? 1,
        annotation_level: "failure",
        title: "Invalid Snapgate policy (read from the default branch)",
        message: location.message,
      });
    }
    if (condition.name === "coverage") {
      for (const path of condition.paths ?? []) {
        annotations.push({
          path,
          start_line: 1,
          end_line: 1,
          annotation_level: "failure",
          title: "Tier-0 file in no component",
          message:
            `${path} is tier-0 but belongs to no component of the policy and no active exception. ${condition.fix ?? ""}`.trim(),
        });
      }
    }
  }
  return {
    title: decision.summary,
    summary: clip(renderGateMarkdown(decision)),
    ...(details.length > 0 ? { text: clip(details.join("\n")) } : {}),
    annotations: annotations.slice(0, MAX_ANNOTATIONS),
  };
}
