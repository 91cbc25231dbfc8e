import type { SnapshotDiff } from "../snapshot/diff-snapshots.js";
import { boundedLines } from "./bounded-lines.js";
import { markdownCode } from "./markdown-code.js";

/**
 * The Markdown of a `diff` reply: what changed between two snapshots, by
 * keyed blob id (nothing is decrypted). Paths are code spans; the list is
 * bounded, with a note when it is cut.
 */
export function renderDiffReply(diff: SnapshotDiff): string {
  const name = (ref: SnapshotDiff["to"]) =>
    `${markdownCode(`${ref.stream}@${ref.seq}`)} \`${ref.id.slice(0, 12)}\``;
  const changes = boundedLines([
    ...diff.added.map((file) => `- added ${markdownCode(file.path)}`),
    ...diff.removed.map((file) => `- removed ${markdownCode(file.path)}`),
    ...diff.changed.map(
      (change) => `- changed ${markdownCode(change.path)} (${change.kinds.join(", ")})`,
    ),
  ]);
  return [
    `**Diff** ${diff.from ? name(diff.from) : "(nothing before it)"} → ${name(diff.to)}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged (compared by keyed content id; nothing is decrypted)`,
    ...(changes.shown.length > 0 ? ["", ...changes.shown] : []),
    ...(changes.note ? ["", changes.note] : []),
  ].join("\n");
}
