import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  KEY_OPTIONS,
  loadOpener,
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
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  runDrill
} from "./chunk-MYRL3WKI.js";
import "./chunk-PD42TAJT.js";
import "./chunk-NG32LOAZ.js";
import "./chunk-73STOSWY.js";
import "./chunk-EIINNPMH.js";
import "./chunk-TDVGICWC.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-QNEOUFJD.js";
import "./chunk-7RENLTOI.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-I227H2ZL.js";
import {
  trustedWriterKeys
} from "./chunk-W3X2RYBW.js";
import "./chunk-P4WFFHAC.js";
import "./chunk-RQLDRNH6.js";
import "./chunk-J7IEGQJ6.js";
import "./chunk-HVMTTQAX.js";
import "./chunk-LNWDKVHM.js";
import "./chunk-4R5A4MEX.js";
import "./chunk-EU4VU6DG.js";
import "./chunk-KVN77OIJ.js";
import "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
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
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/drill.ts
import { resolve } from "node:path";
var DEFAULT_TIMEOUT = "10m";
function sla(value, limit, met) {
  if (limit === null) return `${formatDuration(value)} (no SLA)`;
  return `${formatDuration(value)} (SLA ${formatDuration(limit)}: ${met ? "met" : "MISSED"})`;
}
function describe(result) {
  const { record } = result;
  const lines = [
    `${record.ok ? "PASS" : "FAIL"} drill of ${record.stream}@${record.seq} (${shortId(record.snapshot)}), configuration only${result.target ? `, restored into ${result.target}` : ""}`,
    `  RTO  ${sla(record.rto.ms, record.rto.slaMs, record.rto.met)}`,
    `  RPO  snapshot ${sla(record.rpo.snapshotAgeMs, record.rpo.slaMs, record.rpo.met)} old; configuration unchanged since ${record.rpo.lastChangeAt}`
  ];
  if (record.validation) {
    const v = record.validation;
    lines.push(
      `  validation  ${v.timedOut ? "TIMED OUT" : `exit ${v.exitCode ?? "(did not start)"}`}${v.outputTruncated ? " (output truncated)" : ""}`
    );
  }
  if (record.baseline) {
    const b = record.baseline;
    lines.push(`  compared with ${b.drill}:`);
    for (const path of b.missing) lines.push(`    - ${path} (missing)`);
    for (const path of b.extra) lines.push(`    + ${path} (extra)`);
    if (b.changedComponents.length)
      lines.push(`    changed components: ${b.changedComponents.join(", ")}`);
    if (b.validationOutputDiffers) lines.push("    the validation output differs");
  } else lines.push("  no earlier passing drill to compare with");
  for (const gap of record.gaps)
    lines.push(`  gap ${gap.kind}: ${gap.path ? `${gap.path}: ` : ""}${gap.message}`);
  lines.push(`Recorded ${result.path}.`);
  return `${lines.join("\n")}
`;
}
var drillCommand = {
  name: "drill",
  summary: "Recovery drill: restore into a staging directory, validate, measure RTO/RPO against the SLA, record it signed",
  usage: 'snapgate drill --store STORE --env ENV --identity FILE|--identity-command CMD --writer-key FILE [--snapshot S] [--validate "CMD"] [--timeout D] [--baseline DRILL] [--to DIR] [--policy FILE] [--verify-key sgw1...] [--json]',
  help: [
    "--env ENV             the environment to drill",
    "--identity FILE       an age identity the snapshot is encrypted to (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout (a secret",
    "                      manager); it is never written to disk",
    "--writer-key FILE     signs the drill record, as snapshots are signed (or SNAPGATE_WRITER_KEY)",
    "--snapshot S          an id prefix or ENV@SEQ (default: the latest of --env)",
    '--validate "CMD"      run through /bin/sh in the restored directory (also $SNAPGATE_DRILL_DIR); exit 0 passes;',
    "                      a line `SNAPGATE_GAP <missing-dependency|outdated-secret|out-of-scope|other>: text` reports a gap",
    `--timeout D           kill the validation after this duration (default ${DEFAULT_TIMEOUT}); output is kept up to 64 KiB`,
    "--baseline DRILL      the drill record to compare with (default: the newest passing, signed drill of --env)",
    "--to DIR              restore into this staging directory (empty or new) and keep it (default: a temp dir, removed)",
    "--verify-key KEY      trusted writer verify keys (repeatable; default: the policy's keys.writers)",
    POLICY_HELP,
    "a drill restores the configuration only, into a staging directory: it never touches a live system",
    "writes drills/<env>/<time>-<ok|fail>-<snapshot>.json and a drill.recorded audit event",
    `exit codes: 0 passed within the SLA, ${EXIT_PROBLEMS} failed or missed the SLA`
  ],
  json: "the signed drill record and where it is: `{path, target, record: {stream, snapshot, seq, snapshotTime, tier, scope, time, finishedAt, ok, slaMet, files: [{path, blob, component}], validation: {command, exitCode, timedOut, durationMs, output, outputSha256, outputTruncated} | null, rto: {ms, slaMs, met}, rpo: {snapshotAgeMs, lastChangeAt, sinceLastChangeMs, slaMs, met}, baseline: {drill, missing[], extra[], changedComponents[], validationOutputDiffers} | null, gaps: [{kind, message, path?}], signature}}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    snapshot: { type: "string" },
    validate: { type: "string" },
    timeout: { type: "string" },
    baseline: { type: "string" },
    to: { type: "string" }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment to drill, e.g. --env prod.");
    const timeoutText = stringValue(args, "timeout") ?? DEFAULT_TIMEOUT;
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === null || timeoutMs === 0) {
      throw new SnapgateError("USAGE", `--timeout '${timeoutText}' is not a duration.`, {
        fix: "Write it like 30s, 10m or 1h."
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "A drill restores, so it needs an age identity.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY (the restore environment's secret)."
      });
    }
    const writerKey = await loadWriterKey(args, context, true);
    const loaded = await loadCliPolicy(args, context, context.cwd);
    const keys = trustedWriterKeys(listValue(args, "verify-key"), loaded?.policy ?? null);
    if (keys.length === 0) {
      throw new SnapgateError(
        "USAGE",
        "No trusted writer key to check snapshots and drills against.",
        {
          fix: "Run in the repository (its .github/snapgate.yml lists keys.writers), pass --policy FILE, or pass --verify-key sgw1..."
        }
      );
    }
    if (loaded && !loaded.policy.environments[env]) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Drill one of: ${Object.keys(loaded.policy.environments).join(", ")}, or add ${env} under environments.`
      });
    }
    const store = await openStore(args, context);
    await store.assertExists();
    const to = stringValue(args, "to");
    const snapshot = stringValue(args, "snapshot");
    const validate = stringValue(args, "validate");
    const baseline = stringValue(args, "baseline");
    const result = await runDrill({
      store,
      policy: loaded?.policy ?? null,
      stream: env,
      opener,
      trustedKeys: keys,
      writerKey,
      timeoutMs,
      env: context.env,
      workerUrl: new URL("../workers/crypto-worker.js", import.meta.url),
      ...snapshot ? { snapshot } : {},
      ...validate ? { validate } : {},
      ...baseline ? { baseline } : {},
      ...to ? { target: resolve(context.cwd, to) } : {}
    });
    context.stdout(flag(args, "json") ? json(result) : describe(result));
    return result.record.ok && result.record.slaMet !== false ? 0 : EXIT_PROBLEMS;
  }
};
export {
  drillCommand
};
