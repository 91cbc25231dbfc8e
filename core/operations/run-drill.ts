import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendAuditEvents } from "../audit/append-audit-events.js";
import type { AuditActor } from "../audit/audit-event.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import { loadSodium } from "../crypto/sodium.js";
import type { WriterKey } from "../crypto/writer-key.js";
import { isSnapgateError, SnapgateError } from "../errors.js";
import { judgeCoverage } from "../policy/judge-coverage.js";
import type { Policy } from "../policy/policy.js";
import { loadSnapshot } from "../snapshot/load-snapshot.js";
import { readCatalog } from "../snapshot/read-catalog.js";
import { resolveSnapshot } from "../snapshot/resolve-snapshot.js";
import { restoreSnapshot } from "../snapshot/restore-snapshot.js";
import type { Store } from "../store/store.js";
import { compareWithBaseline } from "./compare-with-baseline.js";
import { drillPath, parseDrillPath, type DrillName } from "./drill-path.js";
import { DRILL_FORMAT, type DrillBody, type DrillGap, type DrillRecord } from "./drill-record.js";
import { lastChangeTime } from "./last-change-time.js";
import { readDrillRecord } from "./read-drill-record.js";
import { runValidation } from "./run-validation.js";
import { signDrillRecord } from "./sign-drill-record.js";

export interface DrillOptions {
  store: Store;
  /** The policy gives the tier's SLA and the components; null = no SLA, no coverage gaps. */
  policy: Policy | null;
  stream: string;
  /** A snapshot reference (id prefix, ENV@SEQ); default: the latest of the stream. */
  snapshot?: string;
  opener: BlobOpener;
  trustedKeys: readonly string[];
  writerKey: WriterKey;
  /** The validation command, run in the restored directory; none = restore only. */
  validate?: string;
  timeoutMs: number;
  /** A drill record path to compare with; default: the newest passing, trusted drill of the stream. */
  baseline?: string;
  /** A staging directory (empty or new) to restore into and keep; default: a temp dir, removed after. */
  target?: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds now; injected so tests can measure RTO and RPO without timing. */
  clock?: () => number;
  actor?: AuditActor;
  workerUrl?: URL;
}

export interface DrillResult {
  path: string;
  record: DrillRecord;
  /** Where it was restored; null once the temp dir is removed. */
  target: string | null;
}

/** Validation output lines `SNAPGATE_GAP <kind>: <message>` report gaps (docs/cli.md). */
const GAP_LINE =
  /^SNAPGATE_GAP (missing-dependency|outdated-secret|out-of-scope|other):\s*(.+?)\s*$/gm;

/**
 * A recovery drill: restore a snapshot into an isolated directory, run the
 * validation command against it, compare with the last known-good drill,
 * measure RTO and RPO against the tier's SLA, and write a signed drill record
 * (and an audit event). A restore that finds damage is a failing drill that is
 * recorded; a wrong key or an unusable target is an error, and nothing is recorded.
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const clock = options.clock ?? (() => Date.now());
  const { store, stream } = options;
  const tierName = options.policy?.environments[stream]?.tier ?? null;
  const tier = tierName ? options.policy?.tiers[tierName] : undefined;
  const entry = await resolveSnapshot(store, options.snapshot ?? "latest", { stream });
  if (entry.stream !== stream) {
    throw new SnapgateError(
      "USAGE",
      `Snapshot ${entry.id.slice(0, 12)} is of ${entry.stream}, not ${stream}.`,
      { fix: `Drill ${entry.stream} (--env ${entry.stream}) or name a snapshot of ${stream}.` },
    );
  }
  const loaded = await loadSnapshot(store, entry);
  const baseline = await findBaseline(store, stream, options.baseline, options.trustedKeys);

  const owned = options.target === undefined;
  const target = options.target ?? (await mkdtemp(join(tmpdir(), "snapgate-drill-")));
  const started = clock();
  const gaps: DrillGap[] = [];
  let restored = true;
  let validation: DrillBody["validation"] = null;
  try {
    try {
      await restoreSnapshot({
        store,
        snapshot: loaded,
        opener: options.opener,
        trustedKeys: options.trustedKeys,
        target,
        ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
      });
    } catch (error) {
      // Damage the drill found is its result; a key or target mistake is the user's to fix.
      if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
      restored = false;
      gaps.push({ kind: "restore", message: error.summary.slice(0, 2000) });
    }
    if (restored && options.validate) {
      validation = await runValidation({
        command: options.validate,
        cwd: target,
        timeoutMs: options.timeoutMs,
        env: options.env,
        clock,
      });
      for (const match of validation.output.matchAll(GAP_LINE)) {
        gaps.push({ kind: match[1] as DrillGap["kind"], message: (match[2] ?? "").slice(0, 2000) });
      }
    }
  } finally {
    if (owned) await rm(target, { recursive: true, force: true });
  }
  const finished = clock();

  const manifest = loaded.manifest;
  const files = manifest.files.map((file) => ({
    path: file.path,
    blob: file.type === "file" ? file.blob : null,
    component: file.component ?? null,
  }));
  if (options.policy) {
    for (const file of files.filter((f) => f.component === null).slice(0, 200))
      gaps.push({
        kind: "out-of-scope",
        message: "restored, but in no component of the policy (no owner, no tier)",
        path: file.path,
      });
    const coverage = judgeCoverage(
      options.policy,
      stream,
      files.flatMap((file) => (file.component ? [file.component] : [])),
      null,
    );
    for (const name of coverage.missingComponents)
      gaps.push({ kind: "missing-component", message: `required component ${name} has no file` });
  }

  const snapshotTime = Math.min(Date.parse(manifest.time), Date.parse(manifest.writtenAt));
  const lastChangeAt = await lastChangeTime(store, await readCatalog(store, stream), manifest);
  const rtoMs = Math.max(0, Math.round(finished - started));
  const ageMs = Math.max(0, Math.round(started - snapshotTime));
  const rto = { ms: rtoMs, slaMs: tier?.rtoMs ?? null, met: judge(rtoMs, tier?.rtoMs) };
  const rpo = {
    snapshotAgeMs: ageMs,
    lastChangeAt,
    sinceLastChangeMs: Math.max(0, Math.round(started - Date.parse(lastChangeAt))),
    slaMs: tier?.rpoMs ?? null,
    met: judge(ageMs, tier?.rpoMs),
  };
  const ok =
    restored && (validation === null || (validation.exitCode === 0 && !validation.timedOut));
  const body: DrillBody = {
    format: DRILL_FORMAT,
    stream,
    snapshot: loaded.id,
    seq: manifest.seq,
    snapshotTime: new Date(snapshotTime).toISOString(),
    tier: tierName,
    scope: "config",
    time: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    ok,
    slaMet: rto.met === null && rpo.met === null ? null : rto.met !== false && rpo.met !== false,
    files,
    validation,
    rto,
    rpo,
    baseline: null,
    gaps: gaps.slice(0, 1000),
  };
  if (baseline) body.baseline = compareWithBaseline(body, baseline.record, baseline.path);
  // Signed with the rest, so the app can refuse the runner's own sign-off (ADR 1203).
  if (options.actor?.login)
    body.ranBy = {
      login: options.actor.login,
      ...(options.actor.id !== undefined ? { id: options.actor.id } : {}),
    };
  const record = signDrillRecord(await loadSodium(), body, options.writerKey);
  const path = drillPath(stream, new Date(started), ok, loaded.id);
  await store.writeRecords([
    { path, bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`) },
  ]);
  await appendAuditEvents(store, [
    {
      type: "drill.recorded",
      time: new Date(finished),
      actor: options.actor ?? { kind: "cli" },
      subject: { stream, seq: manifest.seq, snapshot: loaded.id, drill: path },
      details: { ok, slaMet: body.slaMet, rtoMs, rpoMs: ageMs, gaps: body.gaps.length },
    },
  ]);
  return { path, record, target: owned ? null : target };
}

function judge(value: number, limit: number | undefined): boolean | null {
  return limit === undefined ? null : value <= limit;
}

/** The baseline named, which must be a trusted drill of the stream, or the newest passing trusted one. */
async function findBaseline(
  store: Store,
  stream: string,
  named: string | undefined,
  trustedKeys: readonly string[],
): Promise<{ path: string; record: DrillRecord } | null> {
  if (named !== undefined) {
    const path = named.startsWith("drills/") ? named : `drills/${stream}/${named}`;
    const name = parseDrillPath(path.endsWith(".json") ? path : `${path}.json`);
    if (!name || name.stream !== stream) {
      throw new SnapgateError(
        "USAGE",
        `--baseline '${named}' does not name a drill of ${stream}.`,
        {
          fix: `Give a drill record's path as \`snapgate drill\` prints it (drills/${stream}/<time>-ok-<snapshot>.json) or its file name.`,
        },
      );
    }
    const read = await readDrillRecord(store, name.path, trustedKeys);
    if (!read.ok) {
      throw new SnapgateError(
        read.reason === "missing" ? "NOT_FOUND" : "INTEGRITY",
        `The baseline drill cannot be used: ${read.detail}.`,
        {
          fix: "Name another drill (`snapgate health --env` lists the newest), or leave --baseline out to use the newest passing one.",
        },
      );
    }
    return { path: name.path, record: read.record };
  }
  const names = (await store.listRecords(`drills/${stream}`))
    .map((path) => parseDrillPath(path))
    .filter((name): name is DrillName => name !== undefined && name.ok)
    .sort((a, b) => (a.time < b.time ? 1 : -1));
  for (const name of names.slice(0, 10)) {
    const read = await readDrillRecord(store, name.path, trustedKeys);
    if (read.ok) return { path: name.path, record: read.record };
  }
  return null;
}
