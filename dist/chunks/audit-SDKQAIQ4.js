import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  verifyAuditChain
} from "./chunk-YIECLJPX.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  writeFileAtomic
} from "./chunk-CPZT5EG3.js";
import "./chunk-K3D2YTSH.js";
import {
  parsePolicyDate
} from "./chunk-JJ4XLMVP.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/audit.ts
import { resolve } from "node:path";

// core/audit/audit-events-between.ts
function auditEventsBetween(lines, range) {
  const selected = [];
  let unreadable = 0;
  for (const line of lines) {
    let time;
    try {
      time = Date.parse(JSON.parse(line).time ?? "");
    } catch {
      time = Number.NaN;
    }
    if (Number.isNaN(time)) {
      unreadable++;
      continue;
    }
    if (time >= range.sinceMs && (range.untilMs === null || time < range.untilMs))
      selected.push(line);
  }
  return { lines: selected, unreadable };
}

// core/audit/verify-audit-log.ts
async function verifyAuditLog(store, options = {}) {
  const [lines, recordedHead] = await Promise.all([
    store.readAuditLines(),
    store.recordedAuditHead()
  ]);
  const problems = [];
  const notes = [];
  const chain = verifyAuditChain(lines);
  problems.push(...chain.problems.map(chainProblem));
  const events = parseEvents(lines);
  const last = events.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  if (recordedHead === null) {
    if (head) {
      problems.push({
        kind: "head",
        message: `audit/head.json is missing or unreadable while the log holds ${events.length} event(s): the pointer to the chain's last event was removed or damaged`
      });
    }
  } else if (!head || recordedHead.seq > head.seq) {
    problems.push({
      kind: "head",
      message: `audit/head.json records event ${recordedHead.seq}, but the log ends at ${head ? `event ${head.seq}` : "no event"}: the last ${recordedHead.seq - (head?.seq ?? 0)} event(s) were removed (a truncated tail or a removed month file)`
    });
  } else {
    const recorded = events.find((event) => event.seq === recordedHead.seq);
    if (!recorded || recorded.hash !== recordedHead.hash) {
      problems.push({
        kind: "head",
        message: `audit/head.json records event ${recordedHead.seq} with another hash than the log's: the event was altered or the log rewritten from there on`
      });
    } else if (recordedHead.seq < (head?.seq ?? 0)) {
      notes.push(
        `audit/head.json points at event ${recordedHead.seq}, ${(head?.seq ?? 0) - recordedHead.seq} before the last: a write was interrupted after appending its events; the next write brings it up to date.`
      );
    }
  }
  if (options.anchor) {
    const anchored = events.find((event) => event.seq === options.anchor?.seq);
    if (!anchored || anchored.hash !== options.anchor.hash) {
      problems.push({
        kind: "anchor",
        message: anchored ? `event ${options.anchor.seq} no longer has the hash of the anchor: the log was rewritten from there on` : `the log has no event ${options.anchor.seq}, which the anchor names: events were removed`
      });
    }
  }
  const created = new Set(
    events.filter((event) => event.type === "snapshot.created").map((event) => String(event.subject?.["snapshot"] ?? ""))
  );
  let snapshotsChecked = 0;
  for (const stream of await store.listStreams()) {
    for (const { seq, id } of await committedSnapshots(store, stream)) {
      snapshotsChecked++;
      if (!created.has(id)) {
        problems.push({
          kind: "snapshot",
          message: `snapshot ${stream}@${seq} (${id.slice(0, 12)}) has no snapshot.created event: its event was removed (or, on a local store, a crash interrupted that snapshot's commit)`
        });
      }
    }
  }
  return {
    ok: problems.length === 0,
    events: events.length,
    head,
    recordedHead,
    snapshotsChecked,
    problems,
    notes
  };
}
function chainProblem(problem) {
  return { kind: "chain", line: problem.line, message: problem.message };
}
function parseEvents(lines) {
  const events = [];
  for (const line of lines) {
    try {
      const event = JSON.parse(line);
      if (typeof event.seq === "number" && typeof event.hash === "string") events.push(event);
    } catch {
    }
  }
  return events;
}
async function committedSnapshots(store, stream) {
  const [catalog, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream)
  ]);
  const bySeq = new Map(catalog.map((entry) => [entry.seq, entry.id]));
  const snapshots = [];
  for (const seq of seqs) {
    const id = bySeq.get(seq) ?? await manifestId(store, stream, seq);
    if (id) snapshots.push({ seq, id });
  }
  return snapshots;
}
async function manifestId(store, stream, seq) {
  const bytes = await store.readManifest(stream, seq);
  return bytes ? sha256Hex(bytes) : null;
}

// cli/commands/audit.ts
var USAGE = "snapgate audit verify --store STORE [--anchor SEQ:HASH] [--json] | snapgate audit export --store STORE --since DATE [--until DATE] [--output FILE] [--json]";
var ONLY = {
  anchor: "verify",
  since: "export",
  until: "export",
  output: "export"
};
function usage(message, fix) {
  return new SnapgateError("USAGE", message, { fix: `${fix} Usage: ${USAGE}` });
}
function parseAnchor(text) {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) {
    throw usage(
      `--anchor '${text.slice(0, 80)}' is not an audit head.`,
      "Give SEQ:HASH as an earlier `audit verify` or `audit export` printed it (e.g. 42:3f0c...)."
    );
  }
  return { seq: Number(match[1]), hash: match[2] };
}
function parseDate(text, name, endOfDay) {
  const ms = parsePolicyDate(text, { endOfDay });
  if (ms === null) {
    throw usage(
      `--${name} '${text.slice(0, 80)}' is not a date.`,
      "Write YYYY-MM-DD (a whole UTC day) or a full time such as 2026-11-01T08:00:00Z."
    );
  }
  return ms;
}
async function verify(args, context) {
  const store = await openStore(args, context);
  await store.assertExists();
  const anchorText = stringValue(args, "anchor");
  const report = await verifyAuditLog(store, anchorText ? { anchor: parseAnchor(anchorText) } : {});
  if (flag(args, "json")) {
    context.stdout(json(report));
  } else {
    for (const problem of report.problems) {
      context.stdout(
        `FAIL ${problem.kind}${problem.line ? ` (line ${problem.line})` : ""}: ${problem.message}
`
      );
    }
    for (const note of report.notes) context.stdout(`note: ${note}
`);
    const head = report.head ? ` Head ${report.head.seq}:${report.head.hash}.` : "";
    context.stdout(
      report.ok ? `Audit log intact: ${report.events} event(s), ${report.snapshotsChecked} snapshot(s) matched to their events.${head}
` : `Audit log damaged or tampered with: ${report.problems.length} problem(s) in ${report.events} event(s). Keep the store as it is (do not repair it) and compare it with your last audit export.
`
    );
  }
  return report.ok ? 0 : EXIT_PROBLEMS;
}
async function exportEvents(args, context, command) {
  const sinceText = requireValue(
    args,
    "since",
    command,
    "Give the first day to export, e.g. --since 2026-11-01."
  );
  const sinceMs = parseDate(sinceText, "since", false);
  const untilText = stringValue(args, "until");
  const untilMs = untilText === void 0 ? null : parseDate(untilText, "until", true);
  if (untilMs !== null && untilMs <= sinceMs) {
    throw usage(`--until ${untilText} is not after --since ${sinceText}.`, "Swap the dates.");
  }
  const store = await openStore(args, context);
  await store.assertExists();
  const all = await store.readAuditLines();
  const { lines, unreadable } = auditEventsBetween(all, { sinceMs, untilMs });
  const text = lines.map((line) => `${line}
`).join("");
  const output = stringValue(args, "output");
  const first = lines[0] ? JSON.parse(lines[0]).seq : null;
  const last = lines.at(-1) ? JSON.parse(lines.at(-1)) : null;
  const summary = {
    events: lines.length,
    firstSeq: first,
    lastSeq: last?.seq ?? null,
    /** The anchor for a later `audit verify --anchor`. */
    anchor: last ? `${last.seq}:${last.hash}` : null,
    unreadable,
    output: output ? resolve(context.cwd, output) : null
  };
  if (output) {
    await writeFileAtomic(resolve(context.cwd, output), text, { mode: 384 });
    context.stdout(
      flag(args, "json") ? json(summary) : `Exported ${lines.length} event(s)${first !== null ? ` (seq ${first} to ${last?.seq})` : ""} to ${summary.output}.${summary.anchor ? ` Anchor for a later \`audit verify --anchor\`: ${summary.anchor}` : ""}
`
    );
  } else {
    context.stdout(text);
  }
  if (unreadable > 0) {
    context.stderr(
      `${unreadable} line(s) of the audit log are not events and were left out; run \`snapgate audit verify\`.
`
    );
  }
  return 0;
}
var auditCommand = {
  name: "audit",
  summary: "Verify the hash-chained audit log (verify), or export its events as JSON lines for a SIEM (export)",
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
    "audit/ is never deleted: forget and prune leave it, so it outlives backup retention (docs/audit.md)"
  ],
  json: '`audit verify`: `{ok, events, head: {seq, hash}, recordedHead, snapshotsChecked, problems: [{kind: "chain"|"head"|"anchor"|"snapshot", message, line?}], notes[]}`; `audit export --output FILE`: `{events, firstSeq, lastSeq, anchor, unreadable, output}` (without `--output`, the events themselves are the JSON lines)',
  options: {
    ...STORE_OPTION,
    anchor: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    output: { type: "string" }
  },
  async run(args, context) {
    const [action, ...extra] = args.positionals;
    if (action !== "verify" && action !== "export") {
      throw usage(
        action ? `'${action}' is not an audit subcommand.` : "snapgate audit needs a subcommand.",
        "Use `snapgate audit verify` or `snapgate audit export`."
      );
    }
    if (extra.length > 0) throw usage(`Unexpected argument '${extra[0]}'.`, "Remove it.");
    for (const [name, only] of Object.entries(ONLY)) {
      if (only !== action && args.values[name] !== void 0)
        throw usage(
          `--${name} is an option of audit ${only}, not of audit ${action}.`,
          "Remove it."
        );
    }
    return action === "verify" ? verify(args, context) : exportEvents(args, context, this);
  }
};
export {
  auditCommand
};
