import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  loadWriterKey
} from "./chunk-5AV4R2DH.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  EXIT_DRIFT
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  LocalDirStore
} from "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  detectDrift
} from "./chunk-AWE4UFEQ.js";
import {
  policyScanRules
} from "./chunk-U7DZKPG7.js";
import "./chunk-R2KH2HOX.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-QNEOUFJD.js";
import {
  resolveScanPaths
} from "./chunk-MONAIBOF.js";
import "./chunk-RC7TVD34.js";
import "./chunk-C266N7X3.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-BXQJ3NVO.js";
import "./chunk-FVHYGXQ4.js";
import "./chunk-7T6BWT36.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-KKUHDW3D.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/drift.ts
import { resolve } from "node:path";
function driftJson(report) {
  return {
    drift: report.drifted,
    snapshot: report.snapshot,
    added: report.added,
    removed: report.removed,
    changed: report.changed,
    unchanged: report.unchanged,
    components: report.components.map((group) => ({
      component: group.component,
      added: group.added.map((file) => file.path),
      removed: group.removed.map((file) => file.path),
      changed: group.changed.map((change) => ({ path: change.path, kinds: change.kinds }))
    })),
    excluded: report.excluded
  };
}
function describe(report) {
  const { snapshot } = report;
  const base = `${snapshot.stream}@${snapshot.seq} (${shortId(snapshot.id)}, ${snapshot.time})`;
  if (!report.drifted) return `No drift: ${report.unchanged} file(s) match ${base}.
`;
  const lines = [`Drift since ${base}:`];
  for (const group of report.components) {
    lines.push(`  ${group.component ?? "(no component)"}:`);
    for (const file of group.added) lines.push(`    + ${file.path}`);
    for (const file of group.removed) lines.push(`    - ${file.path}`);
    for (const change of group.changed)
      lines.push(`    M ${change.path} (${change.kinds.join(", ")})`);
  }
  lines.push(
    `${report.added} added, ${report.removed} removed, ${report.changed} changed, ${report.unchanged} unchanged.`
  );
  return `${lines.join("\n")}
`;
}
var driftCommand = {
  name: "drift",
  summary: "Compare live files with the environment's latest snapshot by keyed id (no decryption), per component",
  usage: "snapgate drift --store STORE --env ENV [--writer-key FILE] [--policy FILE] [--root DIR] [--exclude GLOB]... [--json] [PATH...]",
  help: [
    "PATH...               the files, directories or globs the snapshots take (default: the policy's environments.<env>.paths)",
    "--env ENV             the environment whose latest snapshot is compared",
    "--writer-key FILE     the snapshot job's writer key: its MAC key ids the files (or SNAPGATE_WRITER_KEY)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    POLICY_HELP,
    `exit codes: 0 no drift, ${EXIT_DRIFT} drift`
  ],
  json: "`{drift, snapshot: {id, stream, seq, time}, added, removed, changed, unchanged, components: [{component (null: none), added[], removed[], changed: [{path, kinds}]}], excluded[]}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    "writer-key": { type: "string" },
    root: { type: "string" },
    exclude: { type: "string", multiple: true }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const paths = resolveScanPaths(args.positionals, loaded?.policy ?? null, env, "compare");
    const store = await openStore(args, context);
    const report = await detectDrift({
      store,
      stream: env,
      root,
      paths,
      exclude: listValue(args, "exclude"),
      ...loaded ? policyScanRules(loaded.policy, env) : {},
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      writerKey: await loadWriterKey(args, context, true)
    });
    context.stdout(flag(args, "json") ? json(driftJson(report)) : describe(report));
    return report.drifted ? EXIT_DRIFT : 0;
  }
};
export {
  driftCommand
};
