import { getInput, info, setOutput } from "@actions/core";
import { authorizeRestore } from "../../core/approvals/authorize-restore.js";
import { claimRequestExecution } from "../../core/approvals/request-execution.js";
import { resolveRestoreSnapshot } from "../../core/approvals/resolve-restore-snapshot.js";
import { assertIdentityOpensSnapshot } from "../../core/rekey/assert-identity-opens-snapshot.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { restoreSnapshot } from "../../core/snapshot/restore-snapshot.js";
import { loadActionPolicy } from "../lib/load-action-policy.js";
import { maskSecret } from "../lib/mask-secret.js";
import { openActionStore } from "../lib/open-action-store.js";
import { readInputs } from "../lib/read-inputs.js";
import { readRunContext } from "../lib/read-run-context.js";
import { writeSummary } from "../lib/write-summary.js";
import { restoreAction } from "./inputs.js";
import { restoreSummary } from "./restore-summary.js";
import { restoreSettings } from "./settings.js";

/**
 * inputs -> settings -> authorizeRestore (an approved request, or this run's
 * own snapshot) -> the identity is a recipient -> claim the request (once) -> restoreSnapshot (core) ->
 * audit event, outputs, job summary.
 */
export async function main(): Promise<void> {
  const values = readInputs(restoreAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await restoreSettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  const entry = await resolveRestoreSnapshot(store, {
    spec: settings.snapshot,
    requestId: settings.requestId ?? undefined,
    stream: settings.environment,
  });
  const snapshot = await loadSnapshot(store, entry);
  const now = new Date();
  const authorization = await authorizeRestore({
    store,
    snapshot,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    requestId: settings.requestId,
    policy: loaded?.policy ?? null,
    include: settings.include,
    run: run.run,
    now,
  });
  await assertIdentityOpensSnapshot(
    settings.opener,
    store,
    snapshot.manifest,
    settings.trustedKeys,
  );
  if (authorization.kind === "request" && !settings.dryRun) {
    await claimRequestExecution(store, authorization.request, {
      snapshot: snapshot.id,
      paths: authorization.include,
      run: run.runUrl ?? null,
      at: now,
    });
  }
  const result = await restoreSnapshot({
    store,
    snapshot,
    opener: settings.opener,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    target: settings.target,
    include: authorization.include,
    overwrite: settings.overwrite,
    dryRun: settings.dryRun,
    // dist/actions/restore/index.js -> dist/workers/crypto-worker.js
    workerUrl: new URL("../../workers/crypto-worker.js", import.meta.url),
  });
  if (!result.dryRun) {
    await appendAuditEvents(store, [
      {
        type: "snapshot.restored",
        time: new Date(),
        actor: {
          kind: "workflow",
          ...(run.actor ? { login: run.actor } : {}),
          ...(run.runUrl ? { run: run.runUrl } : {}),
        },
        subject: { stream: result.stream, seq: result.seq, snapshot: result.id },
        details: {
          authorization: authorization.kind,
          ...(authorization.kind === "request"
            ? { request: authorization.request.id, approvers: authorization.approvers }
            : {}),
          paths: authorization.include,
          files: result.files + result.symlinks,
        },
        ...(authorization.kind === "request"
          ? { requestDigest: authorization.request.digest }
          : {}),
      },
    ]);
  }

  const changes = result.dryRun
    ? // Files the snapshot lacks are listed in the summary, but kept: not changes.
      result.plan.filter((item) => item.action !== "unchanged" && item.action !== "extra").length
    : result.files + result.symlinks;
  setOutput("snapshot-id", result.id);
  setOutput("environment", result.stream);
  setOutput("seq", String(result.seq));
  setOutput("files", String(result.files + result.symlinks));
  setOutput("changes", String(changes));
  setOutput("authorization", authorization.kind);
  setOutput("request-id", authorization.kind === "request" ? authorization.request.id : "");
  info(
    result.dryRun
      ? `Dry run of ${result.stream}@${result.seq}: ${changes} change(s); nothing was written.`
      : `Restored ${result.stream}@${result.seq} (${result.id.slice(0, 12)}) into ${result.target}.`,
  );
  await writeSummary(restoreSummary(result, authorization));
}
