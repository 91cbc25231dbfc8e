import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { PHASES, type Phase } from "../../core/types.js";
import type { SnapshotProgress, SnapshotResult } from "../../core/snapshot/create-snapshot.js";
import { takeSnapshot } from "../../core/snapshot/take-snapshot.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import { flag, listValue, requireValue, stringValue, type Command } from "../command.js";
import { loadCliPolicy, POLICY_HELP, POLICY_OPTION } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { snapshotLockDefaults } from "../../core/snapshot/snapshot-lock-defaults.js";
import { loadWriterKey } from "../load-keys.js";
import { openStatCache, STAT_CACHE_HELP, STAT_CACHE_OPTION } from "../open-stat-cache.js";
import { formatBytes } from "../../core/format-bytes.js";
import { json, shortId } from "../output.js";
import { progressReporter } from "../progress.js";
import { snapshotJson, type SnapshotPolicyView } from "./snapshot-json.js";

function parseTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw new SnapgateError("USAGE", `--time '${text}' is not a date and time.`, {
      fix: "Use ISO 8601, e.g. 2026-11-26T09:00:00Z.",
    });
  }
  return time;
}

export const snapshotCommand: Command = {
  name: "snapshot",
  summary: "Encrypt, sign and store a snapshot of configuration files",
  usage:
    "snapgate snapshot --store STORE --env ENV --phase pre|post|scheduled|manual [--recipient age1...]... [--writer-key FILE] [--policy FILE] [options] [PATH...]",
  help: [
    "--env ENV             the environment (stream) the snapshot belongs to",
    "--phase PHASE         pre, post, scheduled or manual",
    "--recipient age1...   who can decrypt (repeatable); with a policy, added to its keys.recipients",
    "--writer-key FILE     signs the manifest and keys the blob ids (or SNAPGATE_WRITER_KEY)",
    "PATH...               files, directories or globs (default: the policy's environments.<env>.paths)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    "--skip-unchanged      write nothing when every file matches the stream's latest snapshot",
    "--time TIME           the snapshot's time (ISO 8601), for imports; the write time is kept too",
    ...STAT_CACHE_HELP,
    POLICY_HELP,
    "--allow-inconsistent  record failing consistency rules instead of refusing the snapshot",
    "--app-version V, --commit SHA, --ref REF, --change-id ID, --deployer NAME, --application NAME, --run-url URL, --tag T (repeatable)",
  ],
  json: "`{skipped, id, environment, seq, previousId, files, bytes, newBlobs, reusedBlobs, bytesAdded, excluded[], skippedFiles[], cachedFiles, attempts, policy}` (`cachedFiles`: files not read because the stat cache vouched for them); `policy` is `null` without a policy, else `{file, digest, tier, recipients: {fromPolicy[], added[]}, changeId, consistency: [{name, ok, message}], coverage: {uncoveredTier0Paths[], missingComponents[], secretsOutsideComponents[]}}`. With `--skip-unchanged` and no change: `skipped: true` and the id of the snapshot that still matches.",
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    phase: { type: "string" },
    recipient: { type: "string", multiple: true },
    "writer-key": { type: "string" },
    root: { type: "string" },
    exclude: { type: "string", multiple: true },
    "skip-unchanged": { type: "boolean" },
    time: { type: "string" },
    "app-version": { type: "string" },
    application: { type: "string" },
    commit: { type: "string" },
    ref: { type: "string" },
    "change-id": { type: "string" },
    deployer: { type: "string" },
    "run-url": { type: "string" },
    tag: { type: "string", multiple: true },
    ...POLICY_OPTION,
    "allow-inconsistent": { type: "boolean" },
    ...STAT_CACHE_OPTION,
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const phase = requireValue(args, "phase", this, `Use one of ${PHASES.join(", ")}.`) as Phase;
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    // Object Lock: the tier's retention.object_lock mode, retain-until its retention floor (the
    // flags override both); its legal hold sets an S3 legal hold (ADR 1404, 1408).
    const store = await openStore(args, context, snapshotLockDefaults(loaded?.policy, env));
    const writerKey = await loadWriterKey(args, context, true);
    const report = progressReporter(context, !flag(args, "json"));
    const { result, underPolicy } = await takeSnapshot({
      store,
      policy: loaded?.policy ?? null,
      recipients: listValue(args, "recipient"),
      env: context.env,
      allowInconsistent: flag(args, "allow-inconsistent"),
      root,
      paths: args.positionals,
      exclude: listValue(args, "exclude"),
      stream: env,
      phase,
      time: parseTime(stringValue(args, "time")),
      writerKey,
      skipUnchanged: flag(args, "skip-unchanged"),
      statCache: openStatCache(args, context, root, writerKey.macKey),
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      sealWorkerUrl: new URL("../workers/crypto-worker.js", import.meta.url),
      metadata: {
        appVersion: stringValue(args, "app-version"),
        application: stringValue(args, "application"),
        commit: stringValue(args, "commit"),
        ref: stringValue(args, "ref"),
        changeId: stringValue(args, "change-id"),
        deployer: stringValue(args, "deployer"),
        runUrl: stringValue(args, "run-url"),
        tags: listValue(args, "tag"),
      },
      onProgress: ({ stage, done, total }: SnapshotProgress) => report(stage, done, total),
    });
    const policy: SnapshotPolicyView | null =
      loaded && underPolicy ? { file: loaded.file, result: underPolicy } : null;
    if (flag(args, "json")) {
      context.stdout(json(snapshotJson(result, policy)));
      return 0;
    }
    context.stdout(describeSnapshot(result, env, policy));
    for (const skipped of result.skippedFiles)
      context.stderr(`warning: skipped ${skipped.path}: ${skipped.reason}\n`);
    return 0;
  },
};

const LISTED = 50;

function describeSnapshot(
  result: SnapshotResult,
  env: string,
  policy: SnapshotPolicyView | null,
): string {
  const lines: string[] = [];
  if (result.skipped) {
    lines.push(
      `Nothing changed since ${env}@${result.seq} (${shortId(result.id ?? "")}); no snapshot written.`,
    );
  } else {
    lines.push(
      `Snapshot ${env}@${result.seq} ${shortId(result.id ?? "")}: ${result.files} files, ${formatBytes(result.bytes)}; ` +
        `${result.newBlobs} new blobs (${formatBytes(result.bytesAdded)} stored), ${result.reusedBlobs} reused.`,
    );
  }
  if (result.cachedFiles > 0)
    lines.push(
      `${result.files - result.cachedFiles} file(s) read; ${result.cachedFiles} unchanged since the last snapshot by size, times and inode (--no-cache reads them all).`,
    );
  if (policy) {
    const { recipients, tier, consistency, coverage } = policy.result;
    lines.push(
      `Policy ${policy.file}: ${env} is ${tier}; encrypted to ${recipients.fromPolicy.length} recipient(s) from keys.recipients` +
        (recipients.added.length ? ` and ${recipients.added.length} added by --recipient.` : "."),
    );
    for (const outcome of consistency.filter((o) => !o.ok))
      lines.push(`warning: consistency recorded as failing: ${outcome.message}`);
    if (coverage.uncoveredTier0Paths.length)
      lines.push(
        `warning: ${coverage.uncoveredTier0Paths.length} tier-0 file(s) in no component (the gate will fail): ${listSome(coverage.uncoveredTier0Paths)}`,
      );
    if (coverage.missingComponents.length)
      lines.push(
        `warning: required component(s) with no file: ${coverage.missingComponents.join(", ")}`,
      );
    if (coverage.secretsOutsideComponents.length)
      lines.push(
        `warning: secret-looking file(s) in no component: ${listSome(coverage.secretsOutsideComponents)}`,
      );
  }
  if (result.excluded.length) {
    lines.push(`Excluded ${result.excluded.length} path(s):`);
    for (const path of result.excluded.slice(0, LISTED)) lines.push(`  ${path}`);
    if (result.excluded.length > LISTED)
      lines.push(`  ... and ${result.excluded.length - LISTED} more (--json lists them all)`);
  }
  return lines.join("\n") + "\n";
}

function listSome(paths: readonly string[]): string {
  return paths.slice(0, 5).join(", ") + (paths.length > 5 ? `, ... (${paths.length})` : "");
}
