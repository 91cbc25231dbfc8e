import { resolve } from "node:path";
import { policyScanRules } from "../../core/policy/policy-scan-rules.js";
import { resolveScanPaths } from "../../core/policy/resolve-scan-paths.js";
import { detectDrift, type DriftReport } from "../../core/snapshot/detect-drift.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import { flag, listValue, requireValue, stringValue, type Command } from "../command.js";
import { EXIT_DRIFT } from "../exit-codes.js";
import { loadCliPolicy, POLICY_HELP, POLICY_OPTION } from "../load-cli-policy.js";
import { loadWriterKey } from "../load-keys.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json, shortId } from "../output.js";

/** The --json shape (documented in docs/cli.md). */
function driftJson(report: DriftReport): Record<string, unknown> {
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
      changed: group.changed.map((change) => ({ path: change.path, kinds: change.kinds })),
    })),
    excluded: report.excluded,
  };
}

function describe(report: DriftReport): string {
  const { snapshot } = report;
  const base = `${snapshot.stream}@${snapshot.seq} (${shortId(snapshot.id)}, ${snapshot.time})`;
  if (!report.drifted) return `No drift: ${report.unchanged} file(s) match ${base}.\n`;
  const lines = [`Drift since ${base}:`];
  for (const group of report.components) {
    lines.push(`  ${group.component ?? "(no component)"}:`);
    for (const file of group.added) lines.push(`    + ${file.path}`);
    for (const file of group.removed) lines.push(`    - ${file.path}`);
    for (const change of group.changed)
      lines.push(`    M ${change.path} (${change.kinds.join(", ")})`);
  }
  lines.push(
    `${report.added} added, ${report.removed} removed, ${report.changed} changed, ${report.unchanged} unchanged.`,
  );
  return `${lines.join("\n")}\n`;
}

export const driftCommand: Command = {
  name: "drift",
  summary:
    "Compare live files with the environment's latest snapshot by keyed id (no decryption), per component",
  usage:
    "snapgate drift --store STORE --env ENV [--writer-key FILE] [--policy FILE] [--root DIR] [--exclude GLOB]... [--json] [PATH...]",
  help: [
    "PATH...               the files, directories or globs the snapshots take (default: the policy's environments.<env>.paths)",
    "--env ENV             the environment whose latest snapshot is compared",
    "--writer-key FILE     the snapshot job's writer key: its MAC key ids the files (or SNAPGATE_WRITER_KEY)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    POLICY_HELP,
    `exit codes: 0 no drift, ${EXIT_DRIFT} drift`,
  ],
  json: "`{drift, snapshot: {id, stream, seq, time}, added, removed, changed, unchanged, components: [{component (null: none), added[], removed[], changed: [{path, kinds}]}], excluded[]}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    "writer-key": { type: "string" },
    root: { type: "string" },
    exclude: { type: "string", multiple: true },
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
      ...(loaded ? policyScanRules(loaded.policy, env) : {}),
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      writerKey: await loadWriterKey(args, context, true),
    });
    context.stdout(flag(args, "json") ? json(driftJson(report)) : describe(report));
    return report.drifted ? EXIT_DRIFT : 0;
  },
};
