import type { SnapgateError } from "../errors.js";
import type { SnapshotDiff } from "../snapshot/diff-snapshots.js";
import type { ListedSnapshot } from "../snapshot/list-snapshots.js";
import type { Manifest } from "../types.js";
import { renderDiffReply } from "./render-diff-reply.js";
import { renderSnapshotReply } from "./render-snapshot-reply.js";
import { renderStatusReply, type StatusView } from "./render-status-reply.js";

/** What the app answers a comment command with. */
export type CommandReply =
  | { kind: "refused"; error: SnapgateError; help: string }
  | { kind: "help"; text: string }
  | { kind: "snapshots"; sections: Array<{ environment: string; snapshots: ListedSnapshot[] }> }
  | { kind: "status"; view: StatusView }
  | { kind: "snapshot"; id: string; manifest: Manifest }
  | { kind: "diff"; diff: SnapshotDiff }
  | { kind: "forbidden"; login: string; command: string }
  | { kind: "unavailable"; command: string }
  | { kind: "failed"; command: string; error: SnapgateError };

/** GitHub refuses comments over 65,536 characters; stay well below. */
const MAX_REPLY = 60_000;

/**
 * The Markdown of a reply comment. User text only ever arrives inside the
 * error messages the parser wrote (in code spans), and text from the store
 * (paths, metadata, reasons) only as escaped code spans (markdownCode), so
 * nothing here can mention anyone or inject Markdown.
 */
export function renderCommandReply(reply: CommandReply): string {
  let text: string;
  switch (reply.kind) {
    case "refused":
      text = [
        `**Not run:** ${reply.error.summary}`,
        "",
        reply.error.fix ?? "",
        "",
        "<details><summary>Usage</summary>",
        "",
        reply.help,
        "",
        "</details>",
      ].join("\n");
      break;
    case "help":
      text = reply.text;
      break;
    case "snapshots":
      text = reply.sections
        .map(({ environment, snapshots }) =>
          snapshots.length === 0
            ? `**${environment}**: no snapshots yet.`
            : [
                `**${environment}** (newest first):`,
                "",
                "| snapshot | id | taken | phase | files | commit |",
                "| --- | --- | --- | --- | --- | --- |",
                ...[...snapshots]
                  .reverse()
                  .map(
                    (entry) =>
                      `| ${entry.stream}@${entry.seq}${entry.forgotten ? " (forgotten)" : ""} | \`${entry.id.slice(0, 12)}\` | ${entry.time} | ${entry.phase} | ${entry.files} | ${entry.metadata.commit ? `\`${entry.metadata.commit.slice(0, 12)}\`` : ""} |`,
                  ),
              ].join("\n"),
        )
        .join("\n\n");
      break;
    case "status":
      text = renderStatusReply(reply.view);
      break;
    case "snapshot":
      text = renderSnapshotReply(reply.id, reply.manifest);
      break;
    case "diff":
      text = renderDiffReply(reply.diff);
      break;
    case "forbidden":
      text = `**Not run:** \`${reply.command}\` needs write access to this repository, which @${reply.login} does not have.`;
      break;
    case "unavailable":
      text = `**Not run:** \`${reply.command}\` is not available in this version of the Snapgate App yet. \`/snapgate help\` lists the commands; every other command answers now.`;
      break;
    case "failed":
      text = `**\`${reply.command}\` failed:** ${reply.error.summary}${reply.error.fix ? `\n\n${reply.error.fix}` : ""}`;
      break;
  }
  return text.length > MAX_REPLY
    ? `${text.slice(0, MAX_REPLY)}\n\n(cut: too long for a comment)`
    : text;
}
