import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  listValue,
  renderTable,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import {
  listForgotten
} from "./chunk-TITZY4GY.js";
import {
  readAllCatalogs,
  readCatalog
} from "./chunk-WSRUPF57.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  PHASES
} from "./chunk-MVZIGVV4.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/snapshot/list-snapshots.ts
function matchesFilter(entry, filter) {
  const time = Date.parse(entry.time);
  if (filter.stream && entry.stream !== filter.stream) return false;
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time > filter.until.getTime()) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => entry.metadata.tags.includes(tag)))
    return false;
  if (filter.commit && !(entry.metadata.commit ?? "").startsWith(filter.commit)) return false;
  if (filter.changeId && entry.metadata.changeId !== filter.changeId) return false;
  if (filter.phase && entry.phase !== filter.phase) return false;
  if (filter.component && !entry.components.includes(filter.component)) return false;
  if (filter.run && !matchesRun(entry.metadata.runUrl, filter.run)) return false;
  return true;
}
function matchesRun(runUrl, run) {
  if (!runUrl) return false;
  if (runUrl === run) return true;
  const path = runUrl.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return /^\d+$/.test(run) && new RegExp(`/runs/${run}(/attempts/\\d+)?$`).test(path);
}
async function listSnapshots(store, filter = {}) {
  await store.assertExists();
  const [entries, forgotten] = await Promise.all([
    filter.stream ? readCatalog(store, filter.stream) : readAllCatalogs(store),
    listForgotten(store, filter.stream)
  ]);
  const matching = entries.map((entry) => ({ ...entry, forgotten: forgotten.get(entry.stream)?.has(entry.seq) ?? false })).filter(
    (entry) => (filter.includeForgotten || !entry.forgotten) && matchesFilter(entry, filter)
  ).sort(
    (a, b) => a.time.localeCompare(b.time) || a.stream.localeCompare(b.stream) || a.seq - b.seq
  );
  return filter.limit ? matching.slice(-filter.limit) : matching;
}

// cli/commands/list.ts
function parseDate(text, flagName) {
  if (text === void 0) return void 0;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new SnapgateError("USAGE", `--${flagName} '${text}' is not a date.`, {
      fix: "Use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z."
    });
  }
  return date;
}
var listCommand = {
  name: "list",
  summary: "List snapshots, filtered by environment, time, tag, commit, change id, phase or component",
  usage: "snapgate list --store STORE [--env ENV] [--since T] [--until T] [--tag T]... [--commit SHA] [--run ID|URL] [--change-id ID] [--phase P] [--component C] [--forgotten] [--limit N] [--json]",
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
    "--limit N          the newest N"
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
    limit: { type: "string" }
  },
  async run(args, context) {
    const phase = stringValue(args, "phase");
    if (phase && !PHASES.includes(phase)) {
      throw new SnapgateError("USAGE", `--phase '${phase}' is not a phase.`, {
        fix: `Use one of ${PHASES.join(", ")}.`
      });
    }
    const limitText = stringValue(args, "limit");
    const limit = limitText === void 0 ? void 0 : Number(limitText);
    if (limit !== void 0 && (!Number.isInteger(limit) || limit < 1)) {
      throw new SnapgateError("USAGE", `--limit '${limitText}' is not a positive whole number.`, {
        fix: "E.g. --limit 20."
      });
    }
    const entries = await listSnapshots(await openStore(args, context), {
      stream: stringValue(args, "env"),
      since: parseDate(stringValue(args, "since"), "since"),
      until: parseDate(stringValue(args, "until"), "until"),
      tags: listValue(args, "tag"),
      commit: stringValue(args, "commit"),
      changeId: stringValue(args, "change-id"),
      phase,
      component: stringValue(args, "component"),
      run: stringValue(args, "run"),
      includeForgotten: flag(args, "forgotten"),
      limit
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
          e.metadata.tags.join(",")
        ])
      )
    );
    return 0;
  }
};
export {
  listCommand
};
