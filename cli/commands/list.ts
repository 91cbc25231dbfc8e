import { SnapgateError } from "../../core/errors.js";
import { PHASES, type Phase } from "../../core/types.js";
import { listSnapshots } from "../../core/snapshot/list-snapshots.js";
import { flag, listValue, stringValue, type Command } from "../command.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { formatBytes } from "../../core/format-bytes.js";
import { json, renderTable, shortId } from "../output.js";

function parseDate(text: string | undefined, flagName: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new SnapgateError("USAGE", `--${flagName} '${text}' is not a date.`, {
      fix: "Use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.",
    });
  }
  return date;
}

export const listCommand: Command = {
  name: "list",
  summary:
    "List snapshots, filtered by environment, time, tag, commit, change id, phase or component",
  usage:
    "snapgate list --store STORE [--env ENV] [--since T] [--until T] [--tag T]... [--commit SHA] [--run ID|URL] [--change-id ID] [--phase P] [--component C] [--forgotten] [--limit N] [--json]",
  help: [
    "--env ENV          only this environment",
    "--since T, --until T   snapshot time range (ISO 8601)",
    "--tag T            has this tag (repeat: has all of them)",
    "--commit SHA       commit SHA starts with this",
    "--run ID|URL       the deployment run (its URL, or the id at the end of .../runs/ID)",
    "--change-id ID     this change ticket",
    "--phase P          pre, post, scheduled or manual",
    "--component C      touches this policy component",
    "--forgotten        also list forgotten snapshots (marked)",
    "--limit N          the newest N",
  ],
  json: "`{snapshots: [{id, stream, seq, time, writtenAt, phase, metadata, files, bytes, components, forgotten}]}`",
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    tag: { type: "string", multiple: true },
    commit: { type: "string" },
    "change-id": { type: "string" },
    phase: { type: "string" },
    component: { type: "string" },
    run: { type: "string" },
    forgotten: { type: "boolean" },
    limit: { type: "string" },
  },
  async run(args, context) {
    const phase = stringValue(args, "phase");
    if (phase && !(PHASES as readonly string[]).includes(phase)) {
      throw new SnapgateError("USAGE", `--phase '${phase}' is not a phase.`, {
        fix: `Use one of ${PHASES.join(", ")}.`,
      });
    }
    const limitText = stringValue(args, "limit");
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new SnapgateError("USAGE", `--limit '${limitText}' is not a positive whole number.`, {
        fix: "E.g. --limit 20.",
      });
    }
    const entries = await listSnapshots(await openStore(args, context), {
      stream: stringValue(args, "env"),
      since: parseDate(stringValue(args, "since"), "since"),
      until: parseDate(stringValue(args, "until"), "until"),
      tags: listValue(args, "tag"),
      commit: stringValue(args, "commit"),
      changeId: stringValue(args, "change-id"),
      phase: phase as Phase | undefined,
      component: stringValue(args, "component"),
      run: stringValue(args, "run"),
      includeForgotten: flag(args, "forgotten"),
      limit,
    });
    if (flag(args, "json")) {
      context.stdout(json({ snapshots: entries }));
      return 0;
    }
    if (entries.length === 0) {
      context.stdout("No snapshots match.\n");
      return 0;
    }
    context.stdout(
      renderTable(
        ["ID", "ENV@SEQ", "TIME", "PHASE", "FILES", "SIZE", "COMMIT", "CHANGE", "TAGS"],
        entries.map((e) => [
          `${shortId(e.id)}${e.forgotten ? " (forgotten)" : ""}`,
          `${e.stream}@${e.seq}`,
          e.time.replace(/\.\d{3}Z$/, "Z"),
          e.phase,
          String(e.files),
          formatBytes(e.bytes),
          (e.metadata.commit ?? "").slice(0, 10),
          e.metadata.changeId ?? "",
          e.metadata.tags.join(","),
        ]),
      ),
    );
    return 0;
  },
};
