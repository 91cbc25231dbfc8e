import { getInput, info, setOutput } from "@actions/core";
import { isSnapgateError } from "../../core/errors.js";
import type { ConsistencyOutcome } from "../../core/types.js";
import { takeSnapshot } from "../../core/snapshot/take-snapshot.js";
import { emitAnnotations } from "../lib/annotation.js";
import { loadActionPolicy } from "../lib/load-action-policy.js";
import { maskSecret } from "../lib/mask-secret.js";
import { openActionStore } from "../lib/open-action-store.js";
import { readInputs } from "../lib/read-inputs.js";
import { readRunContext } from "../lib/read-run-context.js";
import { writeSummary } from "../lib/write-summary.js";
import { snapshotAction } from "./inputs.js";
import { snapshotSettings } from "./settings.js";
import { snapshotAnnotations } from "./snapshot-annotations.js";
import { snapshotSummary } from "./snapshot-summary.js";

/** inputs -> settings -> takeSnapshot (core) -> outputs, annotations, job summary. */
export async function main(): Promise<void> {
  const values = readInputs(snapshotAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const settings = snapshotSettings(values, {
    policy: loaded?.policy ?? null,
    run: await readRunContext(),
    cwd,
  });
  if (values["skip-unchanged"] && !settings.skipUnchanged)
    info(
      "phase pre: the snapshot is written even if nothing changed (the rollback point of this run).",
    );
  const store = await openActionStore(settings.store);

  let taken;
  try {
    taken = await takeSnapshot({
      store,
      policy: loaded?.policy ?? null,
      recipients: settings.recipients,
      env: process.env,
      allowInconsistent: settings.allowInconsistent,
      root: cwd,
      paths: settings.paths,
      exclude: settings.exclude,
      stream: settings.environment,
      phase: settings.phase,
      writerKey: settings.writerKey,
      skipUnchanged: settings.skipUnchanged,
      skipDirectories: settings.store.kind === "local" ? [settings.store.dir] : [],
      // dist/actions/snapshot/index.js -> dist/workers/crypto-worker.js
      sealWorkerUrl: new URL("../../workers/crypto-worker.js", import.meta.url),
      metadata: settings.metadata,
    });
  } catch (error) {
    const consistency = isSnapgateError(error, "POLICY")
      ? (error.details.consistency as ConsistencyOutcome[] | undefined)
      : undefined;
    if (loaded && consistency)
      emitAnnotations(snapshotAnnotations(loaded.policy, loaded.file, { consistency }, true));
    throw error;
  }

  const { result, underPolicy } = taken;
  const id = result.id ?? "";
  setOutput("snapshot-id", id);
  setOutput("manifest-sha256", id);
  setOutput("skipped", String(result.skipped));
  setOutput("seq", String(result.seq ?? ""));
  setOutput("environment", result.stream);
  setOutput("files", String(result.files));
  setOutput("bytes-added", String(result.bytesAdded));
  if (loaded && underPolicy)
    emitAnnotations(snapshotAnnotations(loaded.policy, loaded.file, underPolicy, false));
  info(
    result.skipped
      ? `Nothing changed since ${result.stream}@${result.seq} (${id.slice(0, 12)}); no snapshot written.`
      : `Snapshot ${result.stream}@${result.seq} ${id.slice(0, 12)}: ${result.files} files, ${result.newBlobs} new blobs.`,
  );
  await writeSummary(
    snapshotSummary({
      result,
      underPolicy,
      policyFile: loaded?.file ?? null,
      phase: settings.phase,
      store: store.location,
    }),
  );
}
