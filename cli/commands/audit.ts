import { resolve } from "node:path";
import { auditEventsBetween } from "../../core/audit/audit-events-between.js";
import { verifyAuditLog } from "../../core/audit/verify-audit-log.js";
import { SnapgateError } from "../../core/errors.js";
import { parsePolicyDate } from "../../core/policy/parse-policy-date.js";
import { writeFileAtomic } from "../../core/store/atomic-file.js";
import type { AuditHead } from "../../core/store/store.js";
import {
  flag,
  requireValue,
  stringValue,
  type CliContext,
  type Command,
  type ParsedArgs,
} from "../command.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

const USAGE =
  "snapgate audit verify --store STORE [--anchor SEQ:HASH] [--json] | snapgate audit export --store STORE --since DATE [--until DATE] [--output FILE] [--json]";

/** Flags that only one subcommand takes: given to the other, they are a mistake worth saying. */
const ONLY: Record<string, "verify" | "export"> = {
  anchor: "verify",
  since: "export",
  until: "export",
  output: "export",
};

function usage(message: string, fix: string): SnapgateError {
  return new SnapgateError("USAGE", message, { fix: `${fix} Usage: ${USAGE}` });
}

function parseAnchor(text: string): AuditHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) {
    throw usage(
      `--anchor '${text.slice(0, 80)}' is not an audit head.`,
      "Give SEQ:HASH as an earlier `audit verify` or `audit export` printed it (e.g. 42:3f0c...).",
    );
  }
  return { seq: Number(match[1]), hash: match[2] as string };
}

function parseDate(text: string, name: string, endOfDay: boolean): number {
  const ms = parsePolicyDate(text, { endOfDay });
  if (ms === null) {
    throw usage(
      `--${name} '${text.slice(0, 80)}' is not a date.`,
      "Write YYYY-MM-DD (a whole UTC day) or a full time such as 2026-11-01T08:00:00Z.",
    );
  }
  return ms;
}

async function verify(args: ParsedArgs, context: CliContext): Promise<number> {
  const store = await openStore(args, context);
  await store.assertExists();
  const anchorText = stringValue(args, "anchor");
  const report = await verifyAuditLog(store, anchorText ? { anchor: parseAnchor(anchorText) } : {});
  if (flag(args, "json")) {
    context.stdout(json(report));
  } else {
    for (const problem of report.problems) {
      context.stdout(
        `FAIL ${problem.kind}${problem.line ? ` (line ${problem.line})` : ""}: ${problem.message}\n`,
      );
    }
    for (const note of report.notes) context.stdout(`note: ${note}\n`);
    const head = report.head ? ` Head ${report.head.seq}:${report.head.hash}.` : "";
    context.stdout(
      report.ok
        ? `Audit log intact: ${report.events} event(s), ${report.snapshotsChecked} snapshot(s) matched to their events.${head}\n`
        : `Audit log damaged or tampered with: ${report.problems.length} problem(s) in ${report.events} event(s). Keep the store as it is (do not repair it) and compare it with your last audit export.\n`,
    );
  }
  return report.ok ? 0 : EXIT_PROBLEMS;
}

async function exportEvents(
  args: ParsedArgs,
  context: CliContext,
  command: Command,
): Promise<number> {
  const sinceText = requireValue(
    args,
    "since",
    command,
    "Give the first day to export, e.g. --since 2026-11-01.",
  );
  const sinceMs = parseDate(sinceText, "since", false);
  const untilText = stringValue(args, "until");
  const untilMs = untilText === undefined ? null : parseDate(untilText, "until", true);
  if (untilMs !== null && untilMs <= sinceMs) {
    throw usage(`--until ${untilText} is not after --since ${sinceText}.`, "Swap the dates.");
  }
  const store = await openStore(args, context);
  await store.assertExists();
  const all = await store.readAuditLines();
  const { lines, unreadable } = auditEventsBetween(all, { sinceMs, untilMs });
  const text = lines.map((line) => `${line}\n`).join("");
  const output = stringValue(args, "output");
  const first = lines[0] ? (JSON.parse(lines[0]) as { seq: number }).seq : null;
  const last = lines.at(-1) ? (JSON.parse(lines.at(-1) as string) as AuditHead) : null;
  const summary = {
    events: lines.length,
    firstSeq: first,
    lastSeq: last?.seq ?? null,
    /** The anchor for a later `audit verify --anchor`. */
    anchor: last ? `${last.seq}:${last.hash}` : null,
    unreadable,
    output: output ? resolve(context.cwd, output) : null,
  };
  if (output) {
    await writeFileAtomic(resolve(context.cwd, output), text, { mode: 0o600 });
    context.stdout(
      flag(args, "json")
        ? json(summary)
        : `Exported ${lines.length} event(s)${first !== null ? ` (seq ${first} to ${last?.seq})` : ""} to ${summary.output}.${summary.anchor ? ` Anchor for a later \`audit verify --anchor\`: ${summary.anchor}` : ""}\n`,
    );
  } else {
    // The events themselves are the output (JSON lines): nothing else goes to stdout.
    context.stdout(text);
  }
  if (unreadable > 0) {
    context.stderr(
      `${unreadable} line(s) of the audit log are not events and were left out; run \`snapgate audit verify\`.\n`,
    );
  }
  return 0;
}

export const auditCommand: Command = {
  name: "audit",
  summary:
    "Verify the hash-chained audit log (verify), or export its events as JSON lines for a SIEM (export)",
  usage: USAGE,
  help: [
    "verify              check every event's hash and link across the month files, the last event",
    "                    against audit/head.json, and that each snapshot has its snapshot.created event",
    "--anchor SEQ:HASH   verify: also check that event SEQ still has HASH (a head kept outside the store,",
    "                    e.g. from the last export): finds a log rewritten from there on",
    "export              write the events of a period, one JSON object per line, chain fields included",
    "--since DATE        export: first day (YYYY-MM-DD, UTC) or time (2026-11-01T08:00:00Z)",
    "--until DATE        export: last day, inclusive (or a time, exclusive); default: up to now",
    "--output FILE       export: write to FILE (mode 0600) and print a summary; default: the lines to stdout",
    `exit codes: 0 intact (or exported), ${EXIT_PROBLEMS} the audit log is damaged or tampered with, 64 usage`,
    "audit/ is never deleted: forget and prune leave it, so it outlives backup retention (docs/audit.md)",
  ],
  json: '`audit verify`: `{ok, events, head: {seq, hash}, recordedHead, snapshotsChecked, problems: [{kind: "chain"|"head"|"anchor"|"snapshot", message, line?}], notes[]}`; `audit export --output FILE`: `{events, firstSeq, lastSeq, anchor, unreadable, output}` (without `--output`, the events themselves are the JSON lines)',
  options: {
    ...STORE_OPTION,
    anchor: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    output: { type: "string" },
  },
  async run(args, context) {
    const [action, ...extra] = args.positionals;
    if (action !== "verify" && action !== "export") {
      throw usage(
        action ? `'${action}' is not an audit subcommand.` : "snapgate audit needs a subcommand.",
        "Use `snapgate audit verify` or `snapgate audit export`.",
      );
    }
    if (extra.length > 0) throw usage(`Unexpected argument '${extra[0]}'.`, "Remove it.");
    for (const [name, only] of Object.entries(ONLY)) {
      if (only !== action && args.values[name] !== undefined)
        throw usage(
          `--${name} is an option of audit ${only}, not of audit ${action}.`,
          "Remove it.",
        );
    }
    return action === "verify" ? verify(args, context) : exportEvents(args, context, this);
  },
};
