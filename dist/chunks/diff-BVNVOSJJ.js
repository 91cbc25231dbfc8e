import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import {
  diffFileStates
} from "./chunk-MS7OGOB6.js";
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import {
  readCatalog
} from "./chunk-WSRUPF57.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/snapshot/diff-snapshots.ts
async function diffSnapshots(store, to, from) {
  let base = from;
  if (!base && to.seq > 1) {
    base = (await readCatalog(store, to.stream)).find((entry) => entry.seq === to.seq - 1);
    if (!base) {
      throw new SnapgateError(
        "NOT_FOUND",
        `The snapshot before ${to.stream}@${to.seq} is missing.`,
        {
          fix: "Name both snapshots: `snapgate diff A B`."
        }
      );
    }
  }
  const after = await loadSnapshot(store, to);
  const before = base ? await loadSnapshot(store, base) : void 0;
  const diff = diffFileStates(before?.manifest.files ?? [], after.manifest.files);
  const ref = (e) => ({ id: e.id, stream: e.stream, seq: e.seq });
  return { ...diff, from: base ? ref(base) : null, to: ref(to) };
}

// cli/commands/diff.ts
var diffCommand = {
  name: "diff",
  summary: "What changed between two snapshots (or a snapshot and the one before it), by keyed id: no decryption",
  usage: "snapgate diff A [B] --store STORE [--env ENV] [--json]",
  help: [
    "A [B]             with one snapshot: what it changed; with two: from A to B",
    "--env ENV  the environment `latest` means (needed when the store holds several)"
  ],
  json: "`{from, to, added[], removed[], changed: [{path, kinds}], unchanged}`",
  options: { ...STORE_OPTION, env: { type: "string" } },
  async run(args, context) {
    const [first, second] = args.positionals;
    if (!first || args.positionals.length > 2)
      throw new SnapgateError("USAGE", "diff takes one or two snapshots.", {
        fix: `Usage: ${this.usage}`
      });
    const store = await openStore(args, context);
    const stream = stringValue(args, "env");
    const a = await resolveSnapshot(store, first, { stream });
    const diff = second ? await diffSnapshots(store, await resolveSnapshot(store, second, { stream }), a) : await diffSnapshots(store, a);
    if (flag(args, "json")) {
      context.stdout(
        json({
          from: diff.from,
          to: diff.to,
          added: diff.added.map((f) => f.path),
          removed: diff.removed.map((f) => f.path),
          changed: diff.changed.map((c) => ({ path: c.path, kinds: c.kinds })),
          unchanged: diff.unchanged
        })
      );
      return 0;
    }
    const from = diff.from ? `${diff.from.stream}@${diff.from.seq}` : "(nothing)";
    const lines = [`${from} -> ${diff.to.stream}@${diff.to.seq}`];
    for (const f of diff.added) lines.push(`+ ${f.path}`);
    for (const f of diff.removed) lines.push(`- ${f.path}`);
    for (const c of diff.changed) lines.push(`M ${c.path} (${c.kinds.join(", ")})`);
    lines.push(
      `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`
    );
    context.stdout(lines.join("\n") + "\n");
    return 0;
  }
};
export {
  diffCommand
};
