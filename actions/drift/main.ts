import { getInput, info, setFailed, setOutput } from "@actions/core";
import { policyScanRules } from "../../core/policy/policy-scan-rules.js";
import { detectDrift } from "../../core/snapshot/detect-drift.js";
import { emitAnnotations } from "../lib/annotation.js";
import { loadActionPolicy } from "../lib/load-action-policy.js";
import { maskSecret } from "../lib/mask-secret.js";
import { openActionStore } from "../lib/open-action-store.js";
import { readInputs } from "../lib/read-inputs.js";
import { readRunContext } from "../lib/read-run-context.js";
import { writeSummary } from "../lib/write-summary.js";
import { driftRows } from "./drift-rows.js";
import { driftSummary } from "./drift-summary.js";
import { driftAction } from "./inputs.js";
import { driftSettings } from "./settings.js";

/** inputs -> settings -> detectDrift (core) -> outputs, annotations on drifted files, job summary. */
export async function main(): Promise<void> {
  const values = readInputs(driftAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const settings = driftSettings(values, {
    policy: loaded?.policy ?? null,
    run: await readRunContext(),
    cwd,
  });
  const store = await openActionStore(settings.store);
  const report = await detectDrift({
    store,
    stream: settings.environment,
    root: cwd,
    paths: settings.paths,
    exclude: settings.exclude,
    ...(loaded ? policyScanRules(loaded.policy, settings.environment) : {}),
    skipDirectories: settings.store.kind === "local" ? [settings.store.dir] : [],
    writerKey: settings.writerKey,
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
      level: settings.failOnDrift ? ("error" as const) : ("warning" as const),
      title: `Drift from ${report.snapshot.stream}@${report.snapshot.seq}`,
      message: `${row.path} was ${row.change}${row.detail ? ` (${row.detail})` : ""} since the latest snapshot (component ${row.component}).`,
      // A removed file is not in the workspace to point at.
      ...(row.change === "removed" ? {} : { file: row.path }),
    })),
  );
  await writeSummary(driftSummary(report));
  if (!report.drifted) {
    info(
      `No drift: ${report.unchanged} file(s) match ${report.snapshot.stream}@${report.snapshot.seq}.`,
    );
  } else if (settings.failOnDrift) {
    setFailed(
      `${rows.length} file(s) differ from ${report.snapshot.stream}@${report.snapshot.seq}; see the job summary. Take a snapshot if the change is intended, or restore it.`,
    );
  } else {
    info(`${rows.length} file(s) differ from ${report.snapshot.stream}@${report.snapshot.seq}.`);
  }
}
