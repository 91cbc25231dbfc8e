import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import type { DriftSummary } from "../core/operations/environment-health.js";
import { policyScanRules } from "../core/policy/policy-scan-rules.js";
import type { Policy } from "../core/policy/policy.js";
import { resolveScanPaths } from "../core/policy/resolve-scan-paths.js";
import { detectDrift } from "../core/snapshot/detect-drift.js";
import { LocalDirStore } from "../core/store/local-dir-store.js";
import type { Store } from "../core/store/store.js";
import { stringValue, type CliContext, type Command, type ParsedArgs } from "./command.js";
import { loadWriterKey } from "./load-keys.js";

/**
 * `--root DIR` (with `--env ENV` and the writer key): the live directory's
 * drift against the environment's latest snapshot, by keyed id, for health
 * and the dashboard; an empty map without --root.
 */
export async function liveDriftSummary(
  args: ParsedArgs,
  context: CliContext,
  command: Command,
  store: Store,
  policy: Policy,
): Promise<Record<string, DriftSummary>> {
  const rootText = stringValue(args, "root");
  if (rootText === undefined) return {};
  const env = stringValue(args, "env");
  if (env === undefined) {
    throw new SnapgateError("USAGE", "--root needs --env: a live directory is one environment's.", {
      fix: `Add --env ENV. Usage: ${command.usage}`,
    });
  }
  const report = await detectDrift({
    store,
    stream: env,
    root: resolve(context.cwd, rootText),
    paths: resolveScanPaths([], policy, env, "compare"),
    ...policyScanRules(policy, env),
    skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
    writerKey: await loadWriterKey(args, context, true),
  });
  return {
    [env]: {
      drifted: report.drifted,
      added: report.added,
      removed: report.removed,
      changed: report.changed,
    },
  };
}
