import { auditHeadOfLine } from "../../audit/audit-event.js";
import { AUDIT_HEAD_PATH, auditPath } from "../store.js";
import { appendLines } from "./append-lines.js";
import type { GitHubReader } from "./github-reader.js";
import type { TreeEntry, WriteState } from "./github-store-types.js";
import { monthFileText } from "./month-file-text.js";

/** The month's audit file with `lines` appended, and the audit head pointer, as tree entries. */
export async function auditTreeEntries(
  reader: GitHubReader,
  state: WriteState,
  lines: readonly string[],
  time: Date,
): Promise<TreeEntry[]> {
  if (lines.length === 0) return [];
  const file = auditPath(time);
  const existing = await monthFileText(reader, state, "audit", file);
  const head = auditHeadOfLine(lines.at(-1) ?? "");
  return [
    { path: file, mode: "100644", type: "blob", content: appendLines(existing, lines) },
    ...(head
      ? [
          {
            path: AUDIT_HEAD_PATH,
            mode: "100644" as const,
            type: "blob" as const,
            content: JSON.stringify({ ...head, file }) + "\n",
          },
        ]
      : []),
  ];
}
