import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendAuditEvents } from "../audit/append-audit-events.js";
import type { AuditActor } from "../audit/audit-event.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import type { WriterKey } from "../crypto/writer-key.js";
import { asSnapgateError } from "../errors.js";
import { createSnapshot } from "../snapshot/create-snapshot.js";
import { loadSnapshot } from "../snapshot/load-snapshot.js";
import { resolveSnapshot } from "../snapshot/resolve-snapshot.js";
import { restoreSnapshot } from "../snapshot/restore-snapshot.js";
import type { Store } from "../store/store.js";

/** The stream canary snapshots go to: no policy environment, so no gate or health reads it. */
export const CANARY_STREAM = "snapgate-canary";
export const CANARY_FILE = "canary.txt";

export interface CanaryOptions {
  store: Store;
  stream?: string;
  /** Who may decrypt: the recipients real snapshots are sealed to. */
  recipients: readonly string[];
  writerKey: WriterKey;
  /** The identity restores use (the restore environment's secret). */
  opener: BlobOpener;
  trustedKeys: readonly string[];
  now: () => Date;
  actor?: AuditActor;
}

export interface CanaryResult {
  ok: boolean;
  stream: string;
  /** The step that failed: null when it passed. */
  failedAt: "snapshot" | "restore" | "compare" | null;
  message: string;
  fix: string | null;
  snapshot: { id: string; seq: number } | null;
  bytes: number;
}

/**
 * The synthetic canary: writes a file with a fresh nonce, snapshots it the
 * way a real snapshot is taken (the same store, recipients and writer key),
 * restores it with the restore identity into an empty directory, and
 * compares the bytes. Any failure on the way is the result (a key that no
 * longer opens what is written is exactly what it is for), recorded as a
 * `canary.checked` audit event when the store can still take one.
 */
export async function runCanary(options: CanaryOptions): Promise<CanaryResult> {
  const stream = options.stream ?? CANARY_STREAM;
  const work = await mkdtemp(join(tmpdir(), "snapgate-canary-"));
  const content = `snapgate canary ${options.now().toISOString()} ${randomBytes(16).toString("hex")}\n`;
  let result: CanaryResult;
  let snapshot: CanaryResult["snapshot"] = null;
  let stage: "snapshot" | "restore" | "compare" = "snapshot";
  try {
    await mkdir(join(work, "source"));
    await writeFile(join(work, "source", CANARY_FILE), content);
    const taken = await createSnapshot({
      store: options.store,
      root: join(work, "source"),
      paths: [CANARY_FILE],
      stream,
      phase: "scheduled",
      time: options.now(),
      metadata: { tags: ["canary"] },
      recipients: options.recipients,
      writerKey: options.writerKey,
      now: options.now,
    });
    snapshot = taken.id !== null && taken.seq !== null ? { id: taken.id, seq: taken.seq } : null;
    stage = "restore";
    const entry = await resolveSnapshot(options.store, taken.id ?? "latest", { stream });
    const target = join(work, "restored");
    await restoreSnapshot({
      store: options.store,
      snapshot: await loadSnapshot(options.store, entry),
      opener: options.opener,
      trustedKeys: options.trustedKeys,
      target,
    });
    stage = "compare";
    const back = await readFile(join(target, CANARY_FILE), "utf8");
    result =
      back === content
        ? {
            ok: true,
            stream,
            failedAt: null,
            message: `The canary ${stream}@${snapshot?.seq} was written, restored and matches (${content.length} bytes).`,
            fix: null,
            snapshot,
            bytes: content.length,
          }
        : {
            ok: false,
            stream,
            failedAt: "compare",
            message: `The canary ${stream}@${snapshot?.seq} restored, but its content differs from what was written.`,
            fix: "The store returned other bytes than were sealed: run `snapgate verify --level restore` on real snapshots and check the store for tampering.",
            snapshot,
            bytes: content.length,
          };
  } catch (error) {
    const failure = asSnapgateError(error);
    result = {
      ok: false,
      stream,
      failedAt: stage,
      message: `The canary failed to ${stage === "snapshot" ? "snapshot" : "restore"}: ${failure.summary}`,
      fix:
        failure.fix ??
        (stage === "snapshot"
          ? "Check the writer key and the store the snapshot jobs use."
          : "Check that the restore identity matches the policy's recipients (keys.recipients, keys.epochs)."),
      snapshot,
      bytes: content.length,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  try {
    await appendAuditEvents(options.store, [
      {
        type: "canary.checked",
        time: options.now(),
        actor: options.actor ?? { kind: "cli" },
        subject: { stream, ...(snapshot ? { seq: snapshot.seq, snapshot: snapshot.id } : {}) },
        details: { ok: result.ok, failedAt: result.failedAt, message: result.message },
      },
    ]);
  } catch (error) {
    // A store that takes no write is what the canary reports, not a reason to stop reporting.
    if (result.ok) throw error;
    result.message += ` Its audit event could not be written either: ${asSnapgateError(error).summary}`;
  }
  return result;
}
