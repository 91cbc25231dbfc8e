import { getInput, info, setFailed, setOutput } from "@actions/core";
import { runDrill } from "../../core/operations/run-drill.js";
import { loadActionPolicy } from "../lib/load-action-policy.js";
import { maskSecret } from "../lib/mask-secret.js";
import { openActionStore } from "../lib/open-action-store.js";
import { readInputs } from "../lib/read-inputs.js";
import { readRunContext } from "../lib/read-run-context.js";
import { writeSummary } from "../lib/write-summary.js";
import { drillSummary } from "./drill-summary.js";
import { drillAction } from "./inputs.js";
import { drillSettings } from "./settings.js";

/** inputs -> settings -> runDrill (core) -> outputs, job summary. */
export async function main(): Promise<void> {
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
      Object.entries(process.env).filter(([name]) => !name.startsWith("INPUT_")),
    ),
    actor: {
      kind: "workflow",
      ...(run.actor ? { login: run.actor } : {}),
      // The runner's numeric id: the drill record names who ran it, who cannot sign it off.
      ...(run.actor && /^[1-9]\d{0,15}$/.test(process.env.GITHUB_ACTOR_ID ?? "")
        ? { id: Number(process.env.GITHUB_ACTOR_ID) }
        : {}),
      ...(run.runUrl ? { run: run.runUrl } : {}),
    },
    // dist/actions/drill/index.js -> dist/workers/crypto-worker.js
    workerUrl: new URL("../../workers/crypto-worker.js", import.meta.url),
    ...(settings.snapshot ? { snapshot: settings.snapshot } : {}),
    ...(settings.validate ? { validate: settings.validate } : {}),
    ...(settings.baseline ? { baseline: settings.baseline } : {}),
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
      `The drill of ${record.stream}@${record.seq} ${record.ok ? "missed the SLA" : "failed"}; see the job summary and ${result.path}.`,
    );
  }
}
