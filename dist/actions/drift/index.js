import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  detectDrift
} from "../../chunks/chunk-AWE4UFEQ.js";
import {
  policyScanRules
} from "../../chunks/chunk-U7DZKPG7.js";
import "../../chunks/chunk-R2KH2HOX.js";
import "../../chunks/chunk-QNEOUFJD.js";
import {
  resolveScanPaths
} from "../../chunks/chunk-MONAIBOF.js";
import "../../chunks/chunk-RC7TVD34.js";
import "../../chunks/chunk-C266N7X3.js";
import "../../chunks/chunk-MS7OGOB6.js";
import "../../chunks/chunk-BXQJ3NVO.js";
import "../../chunks/chunk-FVHYGXQ4.js";
import "../../chunks/chunk-7T6BWT36.js";
import "../../chunks/chunk-DPHRPEIS.js";
import "../../chunks/chunk-TITZY4GY.js";
import "../../chunks/chunk-WSRUPF57.js";
import {
  emitAnnotations
} from "../../chunks/chunk-JZH6TJWI.js";
import "../../chunks/chunk-KKUHDW3D.js";
import {
  POLICY_INPUT,
  STORE_INPUTS,
  defineAction,
  getInput,
  info,
  loadActionPolicy,
  markdownTable,
  maskSecret,
  openActionStore,
  parseWriterKeyInput,
  readInputs,
  readRunContext,
  runAction,
  setFailed,
  setOutput,
  storeSettings,
  writeSummary
} from "../../chunks/chunk-WF5IQUBH.js";
import "../../chunks/chunk-FB3T34OJ.js";
import "../../chunks/chunk-SPJZQVYW.js";
import "../../chunks/chunk-AHAZ4DV7.js";
import "../../chunks/chunk-MAIPYA2J.js";
import "../../chunks/chunk-RB7WNJM7.js";
import "../../chunks/chunk-JTUTWXW7.js";
import "../../chunks/chunk-PP22UWMA.js";
import "../../chunks/chunk-DENSVYIT.js";
import "../../chunks/chunk-7BAZV6R7.js";
import "../../chunks/chunk-L3YJLP3Q.js";
import "../../chunks/chunk-AXJEESJ2.js";
import "../../chunks/chunk-RSJ4ROQ3.js";
import "../../chunks/chunk-JJ4XLMVP.js";
import "../../chunks/chunk-TI77TNDP.js";
import "../../chunks/chunk-XRH6QY5G.js";
import "../../chunks/chunk-FFISWQYC.js";
import "../../chunks/chunk-CU3A7CPO.js";
import "../../chunks/chunk-WPITP5OQ.js";
import "../../chunks/chunk-ZG3SENMX.js";
import "../../chunks/chunk-UZQJNIXZ.js";
import "../../chunks/chunk-MVZIGVV4.js";
import "../../chunks/chunk-R4SSWUCW.js";
import "../../chunks/chunk-JAZ2OF6U.js";
import "../../chunks/chunk-BNOD7A53.js";
import "../../chunks/chunk-U3GCPU43.js";
import "../../chunks/chunk-26DBSQQT.js";
import "../../chunks/chunk-2NBA2BLU.js";
import "../../chunks/chunk-ZITD4ZB6.js";
import "../../chunks/chunk-K6EMEHOA.js";
import "../../chunks/chunk-FHIUXZPM.js";
import "../../chunks/chunk-RXFM76GD.js";
import "../../chunks/chunk-6R3LO6XJ.js";
import "../../chunks/chunk-54LOBW6C.js";
import "../../chunks/chunk-4NNPXXFU.js";
import "../../chunks/chunk-U2VA4CFL.js";
import "../../chunks/chunk-ZUEUDRMP.js";
import "../../chunks/chunk-6KERQ4ZL.js";
import "../../chunks/chunk-H5NHOGLY.js";

// actions/drift/drift-rows.ts
function driftRows(report) {
  return report.components.flatMap((group) => {
    const component = group.component ?? "(no component)";
    return [
      ...group.added.map((file) => ({
        component,
        change: "added",
        path: file.path,
        detail: ""
      })),
      ...group.removed.map((file) => ({
        component,
        change: "removed",
        path: file.path,
        detail: ""
      })),
      ...group.changed.map((change) => ({
        component,
        change: "changed",
        path: change.path,
        detail: change.kinds.join(", ")
      }))
    ];
  });
}

// actions/drift/drift-summary.ts
var LISTED = 200;
function driftSummary(report) {
  const { snapshot } = report;
  const base = `${snapshot.stream}@${snapshot.seq} \`${snapshot.id.slice(0, 12)}\` (${snapshot.time})`;
  const rows = driftRows(report);
  const parts = [
    `### Snapgate drift: ${report.drifted ? `${rows.length} file(s) differ` : "no drift"}`,
    "",
    report.drifted ? `The workspace differs from ${base}: ${report.added} added, ${report.removed} removed, ${report.changed} changed, ${report.unchanged} unchanged.` : `All ${report.unchanged} file(s) match ${base}.`,
    ""
  ];
  if (rows.length > 0) {
    parts.push(
      markdownTable(
        ["component", "change", "path", "detail"],
        rows.slice(0, LISTED).map((row) => [row.component, row.change, row.path, row.detail])
      ),
      ...rows.length > LISTED ? ["", `... and ${rows.length - LISTED} more.`] : [],
      ""
    );
  }
  return `${parts.join("\n")}
`;
}

// actions/drift/inputs.ts
var driftAction = defineAction({
  id: "drift",
  name: "Snapgate drift",
  description: "Compare the workspace with the environment's latest snapshot by keyed id (nothing is decrypted): added, removed and changed files per component.",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      required: true,
      description: "The environment whose latest snapshot the workspace is compared with."
    },
    paths: {
      kind: "lines",
      description: "The files, directories or globs the snapshots take, one per line. Default: the policy's environments.<environment>.paths."
    },
    exclude: { kind: "lines", description: "Globs to leave out, one per line." },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description: "The writer key of the job that takes the environment's snapshots: blob ids are keyed with it, so only it gives comparable ids."
    },
    "fail-on-drift": {
      kind: "boolean",
      default: "false",
      description: "Fail the step when the workspace differs from the snapshot (the outputs are set either way)."
    }
  },
  outputs: {
    drifted: { description: "true when the workspace differs from the latest snapshot." },
    files: { description: "The number of files added, removed or changed." },
    added: { description: "Files in the workspace that the snapshot does not have." },
    removed: { description: "Files of the snapshot missing from the workspace." },
    changed: { description: "Files whose content, mode, type or link target differ." },
    "snapshot-id": { description: "The id of the snapshot compared with." }
  }
});

// actions/drift/settings.ts
function driftSettings(values, context) {
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    paths: resolveScanPaths(values.paths, context.policy, values.environment, "compare"),
    exclude: values.exclude,
    writerKey: parseWriterKeyInput(values["writer-key"]),
    failOnDrift: values["fail-on-drift"]
  };
}

// actions/drift/main.ts
async function main() {
  const values = readInputs(driftAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const settings = driftSettings(values, {
    policy: loaded?.policy ?? null,
    run: await readRunContext(),
    cwd
  });
  const store = await openActionStore(settings.store);
  const report = await detectDrift({
    store,
    stream: settings.environment,
    root: cwd,
    paths: settings.paths,
    exclude: settings.exclude,
    ...loaded ? policyScanRules(loaded.policy, settings.environment) : {},
    skipDirectories: settings.store.kind === "local" ? [settings.store.dir] : [],
    writerKey: settings.writerKey
  });
  const rows = driftRows(report);
  setOutput("drifted", String(report.drifted));
  setOutput("files", String(rows.length));
  setOutput("added", String(report.added));
  setOutput("removed", String(report.removed));
  setOutput("changed", String(report.changed));
  setOutput("snapshot-id", report.snapshot.id);
  emitAnnotations(
    rows.map((row) => ({
      level: settings.failOnDrift ? "error" : "warning",
      title: `Drift from ${report.snapshot.stream}@${report.snapshot.seq}`,
      message: `${row.path} was ${row.change}${row.detail ? ` (${row.detail})` : ""} since the latest snapshot (component ${row.component}).`,
      // A removed file is not in the workspace to point at.
      ...row.change === "removed" ? {} : { file: row.path }
    }))
  );
  await writeSummary(driftSummary(report));
  if (!report.drifted) {
    info(
      `No drift: ${report.unchanged} file(s) match ${report.snapshot.stream}@${report.snapshot.seq}.`
    );
  } else if (settings.failOnDrift) {
    setFailed(
      `${rows.length} file(s) differ from ${report.snapshot.stream}@${report.snapshot.seq}; see the job summary. Take a snapshot if the change is intended, or restore it.`
    );
  } else {
    info(`${rows.length} file(s) differ from ${report.snapshot.stream}@${report.snapshot.seq}.`);
  }
}

// actions/drift/index.ts
await runAction(main);
