import type { RestoreAuthorization } from "../../core/approvals/authorize-restore.js";
import { formatBytes } from "../../core/format-bytes.js";
import type { RestoreResult } from "../../core/snapshot/restore-snapshot.js";
import { markdownTable } from "../lib/markdown-table.js";

const LISTED = 200;

/** The job summary: on whose authority, and what was (or, in a dry run, would be) written. */
export function restoreSummary(result: RestoreResult, authorization: RestoreAuthorization): string {
  const name = `${result.stream}@${result.seq} \`${result.id.slice(0, 12)}\``;
  const authority =
    authorization.kind === "request"
      ? `Approved request \`${authorization.request.id}\` (requested by @${authorization.request.requester.login}, approved by ${authorization.approvers.map((login) => `@${login}`).join(", ")}).`
      : `Automatic rollback: the snapshot was taken by this workflow run (${authorization.runUrl}).`;
  const scope = authorization.include.length
    ? ` Paths: ${authorization.include.map((glob) => `\`${glob}\``).join(", ")}.`
    : "";
  const parts = [
    `### Snapgate restore of ${name}${result.dryRun ? " (dry run)" : ""}`,
    "",
    `${authority}${scope}`,
    "",
  ];
  if (result.dryRun) {
    const count = (action: string) => result.plan.filter((item) => item.action === action).length;
    const changes = result.plan.filter((item) => item.action !== "unchanged");
    parts.push(
      `Compared with \`${result.target}\`: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged. Nothing was written.`,
      "",
    );
    if (changes.length > 0) {
      parts.push(
        markdownTable(
          ["change", "path"],
          changes.slice(0, LISTED).map((item) => [item.action, item.path]),
        ),
        ...(changes.length > LISTED ? ["", `... and ${changes.length - LISTED} more.`] : []),
        "",
      );
    }
  } else {
    parts.push(
      `Restored into \`${result.target}\`: ${result.files} file(s), ${result.symlinks} symlink(s), ${formatBytes(result.bytes)}.`,
      "",
    );
  }
  return `${parts.join("\n")}\n`;
}
