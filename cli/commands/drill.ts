import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { runDrill, type DrillResult } from "../../core/operations/run-drill.js";
import { formatDuration, parseDuration } from "../../core/policy/parse-duration.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import { flag, listValue, requireValue, stringValue, type Command } from "../command.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";
import { loadCliPolicy, POLICY_HELP, POLICY_OPTION } from "../load-cli-policy.js";
import { KEY_OPTIONS, loadOpener, loadWriterKey } from "../load-keys.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json, shortId } from "../output.js";

const DEFAULT_TIMEOUT = "10m";

function sla(value: number, limit: number | null, met: boolean | null): string {
  if (limit === null) return `${formatDuration(value)} (no SLA)`;
  return `${formatDuration(value)} (SLA ${formatDuration(limit)}: ${met ? "met" : "MISSED"})`;
}

function describe(result: DrillResult): string {
  const { record } = result;
  const lines = [
    `${record.ok ? "PASS" : "FAIL"} drill of ${record.stream}@${record.seq} (${shortId(record.snapshot)}), configuration only${result.target ? `, restored into ${result.target}` : ""}`,
    `  RTO  ${sla(record.rto.ms, record.rto.slaMs, record.rto.met)}`,
    `  RPO  snapshot ${sla(record.rpo.snapshotAgeMs, record.rpo.slaMs, record.rpo.met)} old; configuration unchanged since ${record.rpo.lastChangeAt}`,
  ];
  if (record.validation) {
    const v = record.validation;
    lines.push(
      `  validation  ${v.timedOut ? "TIMED OUT" : `exit ${v.exitCode ?? "(did not start)"}`}${v.outputTruncated ? " (output truncated)" : ""}`,
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
  return `${lines.join("\n")}\n`;
}

export const drillCommand: Command = {
  name: "drill",
  summary:
    "Recovery drill: restore into a staging directory, validate, measure RTO/RPO against the SLA, record it signed",
  usage:
    'snapgate drill --store STORE --env ENV --identity FILE|--identity-command CMD --writer-key FILE [--snapshot S] [--validate "CMD"] [--timeout D] [--baseline DRILL] [--to DIR] [--policy FILE] [--verify-key sgw1...] [--json]',
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
    `exit codes: 0 passed within the SLA, ${EXIT_PROBLEMS} failed or missed the SLA`,
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
    to: { type: "string" },
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment to drill, e.g. --env prod.");
    const timeoutText = stringValue(args, "timeout") ?? DEFAULT_TIMEOUT;
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === null || timeoutMs === 0) {
      throw new SnapgateError("USAGE", `--timeout '${timeoutText}' is not a duration.`, {
        fix: "Write it like 30s, 10m or 1h.",
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "A drill restores, so it needs an age identity.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY (the restore environment's secret).",
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
          fix: "Run in the repository (its .github/snapgate.yml lists keys.writers), pass --policy FILE, or pass --verify-key sgw1...",
        },
      );
    }
    if (loaded && !loaded.policy.environments[env]) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Drill one of: ${Object.keys(loaded.policy.environments).join(", ")}, or add ${env} under environments.`,
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
      ...(snapshot ? { snapshot } : {}),
      ...(validate ? { validate } : {}),
      ...(baseline ? { baseline } : {}),
      ...(to ? { target: resolve(context.cwd, to) } : {}),
    });
    context.stdout(flag(args, "json") ? json(result) : describe(result));
    return result.record.ok && result.record.slaMet !== false ? 0 : EXIT_PROBLEMS;
  },
};
