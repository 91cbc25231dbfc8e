import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  runDrill
} from "../../chunks/chunk-MYRL3WKI.js";
import "../../chunks/chunk-PD42TAJT.js";
import "../../chunks/chunk-NG32LOAZ.js";
import "../../chunks/chunk-73STOSWY.js";
import "../../chunks/chunk-EIINNPMH.js";
import "../../chunks/chunk-TDVGICWC.js";
import "../../chunks/chunk-CPZT5EG3.js";
import "../../chunks/chunk-QNEOUFJD.js";
import "../../chunks/chunk-7RENLTOI.js";
import "../../chunks/chunk-I227H2ZL.js";
import {
  trustedWriterKeys
} from "../../chunks/chunk-W3X2RYBW.js";
import "../../chunks/chunk-P4WFFHAC.js";
import "../../chunks/chunk-RQLDRNH6.js";
import "../../chunks/chunk-J7IEGQJ6.js";
import "../../chunks/chunk-HVMTTQAX.js";
import "../../chunks/chunk-LNWDKVHM.js";
import "../../chunks/chunk-4R5A4MEX.js";
import "../../chunks/chunk-EU4VU6DG.js";
import "../../chunks/chunk-KVN77OIJ.js";
import "../../chunks/chunk-DPHRPEIS.js";
import "../../chunks/chunk-TITZY4GY.js";
import "../../chunks/chunk-WSRUPF57.js";
import "../../chunks/chunk-PZ5T2MZR.js";
import "../../chunks/chunk-CY3L4U4E.js";
import "../../chunks/chunk-K3D2YTSH.js";
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
  openerFromIdentityInput,
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
import {
  formatDuration,
  parseDuration
} from "../../chunks/chunk-FFISWQYC.js";
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
import {
  SnapgateError
} from "../../chunks/chunk-6KERQ4ZL.js";
import "../../chunks/chunk-H5NHOGLY.js";

// actions/drill/drill-summary.ts
var sla = (met, limit) => met === null || limit === null ? "no SLA" : `${met ? "met" : "MISSED"} (${formatDuration(limit)})`;
function drillSummary(result) {
  const r = result.record;
  const parts = [
    `### Snapgate drill of ${r.stream}@${r.seq}: ${r.ok ? "passed" : "FAILED"}${r.slaMet === false ? ", SLA missed" : ""}`,
    "",
    "A configuration-only drill into a staging directory.",
    "",
    markdownTable(
      ["measure", "value", "SLA"],
      [
        ["RTO (restore + validation)", formatDuration(r.rto.ms), sla(r.rto.met, r.rto.slaMs)],
        ["RPO (snapshot age)", formatDuration(r.rpo.snapshotAgeMs), sla(r.rpo.met, r.rpo.slaMs)],
        ["configuration unchanged since", r.rpo.lastChangeAt, ""],
        [
          "validation",
          r.validation ? r.validation.timedOut ? "timed out" : `exit ${r.validation.exitCode ?? "(did not start)"}` : "none",
          ""
        ]
      ]
    ),
    ""
  ];
  if (r.baseline) {
    parts.push(
      `#### Compared with ${r.baseline.drill}`,
      "",
      markdownTable(
        ["deviation", "what"],
        [
          ["missing files", r.baseline.missing.join(", ") || "none"],
          ["extra files", r.baseline.extra.join(", ") || "none"],
          ["changed components", r.baseline.changedComponents.join(", ") || "none"],
          ["validation output", r.baseline.validationOutputDiffers ? "differs" : "same"]
        ]
      ),
      ""
    );
  }
  if (r.gaps.length)
    parts.push(
      "#### Gaps",
      "",
      markdownTable(
        ["kind", "path", "gap"],
        r.gaps.map((g) => [g.kind, g.path ?? "", g.message])
      ),
      ""
    );
  parts.push(`Record: \`${result.path}\``, "");
  if (r.ok)
    parts.push(
      `To sign it off, someone in the policy's roles.ops and someone else in roles.security comment \`/snapgate signoff ${result.path}\`${r.ranBy ? ` (not @${r.ranBy.login}, who ran it)` : ""}.`,
      ""
    );
  return parts.join("\n");
}

// actions/drill/inputs.ts
var drillAction = defineAction({
  id: "drill",
  name: "Snapgate drill",
  description: "Recovery drill: restore a snapshot's configuration into a staging directory, run a validation command, measure RTO and RPO against the tier's SLA, and record a signed drill.",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      required: true,
      description: "The environment to drill."
    },
    snapshot: {
      kind: "string",
      description: "The snapshot to drill: an id (or a prefix of 6+ characters) or ENV@SEQ. Default: the latest."
    },
    identity: {
      kind: "string",
      required: true,
      secret: true,
      description: "An age identity (AGE-SECRET-KEY-1...) the snapshot is encrypted to: the restore environment's secret."
    },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description: "The writer key that signs the drill record (as snapshots are signed)."
    },
    validate: {
      kind: "string",
      description: "A command run through /bin/sh in the restored directory (also $SNAPGATE_DRILL_DIR); exit code 0 passes. Lines `SNAPGATE_GAP <kind>: text` report gaps."
    },
    timeout: {
      kind: "string",
      default: "10m",
      description: "How long the validation may run before it is killed (e.g. 30s, 10m, 1h)."
    },
    baseline: {
      kind: "string",
      description: "The drill record to compare with (its path in the store). Default: the newest passing, signed drill of the environment."
    },
    "verify-keys": {
      kind: "lines",
      description: "Trusted writer verify keys (sgw1...), one per line. Default: the policy's keys.writers."
    },
    "fail-on-problems": {
      kind: "boolean",
      default: "true",
      description: "Fail the step when the drill fails or misses the SLA (the outputs and the record are written either way)."
    }
  },
  outputs: {
    passed: { description: "true when the snapshot was restored and the validation passed." },
    "sla-met": {
      description: "true or false against the tier's rto and rpo; empty when the tier sets neither."
    },
    record: { description: "The drill record's path in the store." },
    "rto-ms": {
      description: "The time from the start of the restore to the end of the validation, in ms."
    },
    "rpo-ms": { description: "The drilled snapshot's age at the drill, in ms." },
    gaps: { description: "The number of gaps found." }
  }
});

// actions/drill/settings.ts
async function drillSettings(values, context) {
  const timeoutMs = parseDuration(values.timeout);
  if (timeoutMs === null || timeoutMs === 0) {
    throw new SnapgateError("USAGE", `timeout '${values.timeout}' is not a duration.`, {
      fix: "Write it like 30s, 10m or 1h."
    });
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError(
      "USAGE",
      "No trusted writer keys to check snapshots and drills against.",
      {
        fix: "List keys.writers in the policy (.github/snapgate.yml), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`)."
      }
    );
  }
  if (context.policy && !context.policy.environments[values.environment]) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${values.environment}'.`, {
      fix: `Drill one of: ${Object.keys(context.policy.environments).join(", ")}.`
    });
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    snapshot: values.snapshot,
    opener: await openerFromIdentityInput(values.identity),
    writerKey: parseWriterKeyInput(values["writer-key"]),
    validate: values.validate,
    timeoutMs,
    baseline: values.baseline,
    trustedKeys,
    failOnProblems: values["fail-on-problems"]
  };
}

// actions/drill/main.ts
async function main() {
  const values = readInputs(drillAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await drillSettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  await store.assertExists();
  const result = await runDrill({
    store,
    policy: loaded?.policy ?? null,
    stream: settings.environment,
    opener: settings.opener,
    trustedKeys: settings.trustedKeys,
    writerKey: settings.writerKey,
    timeoutMs: settings.timeoutMs,
    // The validation sees the runner's environment, never the action's inputs (the secrets).
    env: Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("INPUT_"))
    ),
    actor: {
      kind: "workflow",
      ...run.actor ? { login: run.actor } : {},
      // The runner's numeric id: the drill record names who ran it, who cannot sign it off.
      ...run.actor && /^[1-9]\d{0,15}$/.test(process.env.GITHUB_ACTOR_ID ?? "") ? { id: Number(process.env.GITHUB_ACTOR_ID) } : {},
      ...run.runUrl ? { run: run.runUrl } : {}
    },
    // dist/actions/drill/index.js -> dist/workers/crypto-worker.js
    workerUrl: new URL("../../workers/crypto-worker.js", import.meta.url),
    ...settings.snapshot ? { snapshot: settings.snapshot } : {},
    ...settings.validate ? { validate: settings.validate } : {},
    ...settings.baseline ? { baseline: settings.baseline } : {}
  });
  const record = result.record;
  setOutput("passed", String(record.ok));
  setOutput("sla-met", record.slaMet === null ? "" : String(record.slaMet));
  setOutput("record", result.path);
  setOutput("rto-ms", String(record.rto.ms));
  setOutput("rpo-ms", String(record.rpo.snapshotAgeMs));
  setOutput("gaps", String(record.gaps.length));
  await writeSummary(drillSummary(result));
  if (record.ok && record.slaMet !== false) {
    info(`Drill of ${record.stream}@${record.seq} passed; recorded ${result.path}.`);
  } else if (settings.failOnProblems) {
    setFailed(
      `The drill of ${record.stream}@${record.seq} ${record.ok ? "missed the SLA" : "failed"}; see the job summary and ${result.path}.`
    );
  }
}

// actions/drill/index.ts
await runAction(main);
