import { getInput, info, setFailed, setOutput } from "@actions/core";
import { selectSnapshots } from "../../core/snapshot/select-snapshots.js";
import { writeVerificationRecords } from "../../core/snapshot/verification-record.js";
import { verifySnapshots } from "../../core/snapshot/verify-snapshots.js";
import { emitAnnotations } from "../lib/annotation.js";
import { loadActionPolicy } from "../lib/load-action-policy.js";
import { maskSecret } from "../lib/mask-secret.js";
import { openActionStore } from "../lib/open-action-store.js";
import { readInputs } from "../lib/read-inputs.js";
import { readRunContext } from "../lib/read-run-context.js";
import { writeSummary } from "../lib/write-summary.js";
import { verifyAction } from "./inputs.js";
import { verifySettings } from "./settings.js";
import { verifySummary } from "./verify-summary.js";

/** inputs -> settings -> verifySnapshots (core) -> records, outputs, annotations, job summary. */
export async function main(): Promise<void> {
  const values = readInputs(verifyAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await verifySettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  await store.assertExists();
  const { snapshots, forgotten } = await selectSnapshots(store, {
    all: settings.all,
    spec: settings.snapshot,
    stream: settings.environment,
  });
  const report = await verifySnapshots({
    store,
    snapshots,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    forgotten,
    level: settings.level,
    opener: settings.opener,
    writerKey: settings.writerKey,
  });
  const records = settings.record
    ? await writeVerificationRecords(store, report, new Date(), {
        kind: "workflow",
        ...(run.actor ? { login: run.actor } : {}),
        ...(run.runUrl ? { run: run.runUrl } : {}),
      })
    : [];

  const problems = report.snapshots.reduce((sum, snapshot) => sum + snapshot.problems.length, 0);
  setOutput("verified", String(report.ok));
  setOutput("problems", String(problems));
  setOutput("level", report.level);
  setOutput("snapshots", String(report.snapshots.length));
  setOutput("snapshot-id", settings.all ? "" : (snapshots[0]?.id ?? ""));
  setOutput("records", records.join("\n"));
  emitAnnotations(
    report.snapshots.flatMap((snapshot) =>
      snapshot.problems.map((problem) => ({
        level: "error" as const,
        title: `Snapgate verify: ${problem.kind} in ${snapshot.stream}@${snapshot.seq}`,
        message: `${problem.message} Fix: ${problem.fix}`,
        ...(problem.path ? { file: problem.path } : {}),
      })),
    ),
  );
  await writeSummary(verifySummary(report, records));
  if (report.ok) {
    info(`Verified ${report.snapshots.length} snapshot(s) at ${report.level} level.`);
  } else if (settings.failOnProblems) {
    setFailed(
      `${problems} problem(s) in ${report.snapshots.filter((s) => !s.ok).length} snapshot(s) at ${report.level} level; see the annotations and the job summary.`,
    );
  }
}
