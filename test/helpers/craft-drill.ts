import { loadSodium } from "../../core/crypto/sodium.js";
import type { WriterKey } from "../../core/crypto/writer-key.js";
import { drillPath } from "../../core/operations/drill-path.js";
import { DRILL_FORMAT, type DrillBody } from "../../core/operations/drill-record.js";
import { signDrillRecord } from "../../core/operations/sign-drill-record.js";
import type { Store } from "../../core/store/store.js";
import type { CatalogEntry } from "../../core/types.js";

/**
 * A drill record of a snapshot, signed with `writer` and written where
 * `snapgate drill` writes it, without restoring anything: for tests of what
 * reads drills (the gate, sign-off, the report). Returns its path.
 */
export async function craftDrill(
  store: Store,
  writer: WriterKey,
  entry: CatalogEntry,
  options: { ok?: boolean; ranBy?: string; time?: Date; rtoMs?: number } = {},
): Promise<string> {
  const time = options.time ?? new Date();
  const body: DrillBody = {
    format: DRILL_FORMAT,
    stream: entry.stream,
    snapshot: entry.id,
    seq: entry.seq,
    snapshotTime: entry.time,
    tier: null,
    scope: "config",
    time: time.toISOString(),
    finishedAt: time.toISOString(),
    ok: options.ok ?? true,
    slaMet: null,
    files: [],
    validation: null,
    rto: { ms: options.rtoMs ?? 10, slaMs: null, met: null },
    rpo: {
      snapshotAgeMs: 10,
      lastChangeAt: entry.time,
      sinceLastChangeMs: 10,
      slaMs: null,
      met: null,
    },
    baseline: null,
    gaps: [],
    ...(options.ranBy ? { ranBy: { login: options.ranBy } } : {}),
  };
  const record = signDrillRecord(await loadSodium(), body, writer);
  const path = drillPath(entry.stream, time, body.ok, entry.id);
  await store.writeRecords([
    { path, bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`) },
  ]);
  return path;
}
