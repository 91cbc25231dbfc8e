import verificationSchema from "../../schemas/verification.schema.json" with { type: "json" };
import { JsonSchemaValidator } from "../json-schema-validator.js";
import type { AuditActor } from "../audit/audit-event.js";
import type { Store } from "../store/store.js";
import { appendAuditEvents } from "./append-audit-events.js";
import type { VerifyLevel, VerifyReport } from "./verify-snapshots.js";

export const VERIFICATION_FORMAT = "snapgate.verification/v1";

/** What `snapgate verify --record` leaves behind for one snapshot; the gate reads it back. */
export interface VerificationRecord {
  format: typeof VERIFICATION_FORMAT;
  snapshot: string;
  stream: string;
  seq: number;
  level: VerifyLevel;
  ok: boolean;
  time: string;
  /** Across the whole verify run (blobs shared by snapshots are checked once). */
  blobsChecked: number;
  bytesChecked: number;
  problems: Array<{ kind: string; message: string; path?: string }>;
}

const validator = new JsonSchemaValidator<VerificationRecord>(verificationSchema);
const MAX_PROBLEMS = 100;

/** `20261126T120000.123Z`: sorts as time does, and is a safe file name everywhere. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

export function verificationPath(snapshot: string, time: Date): string {
  return `verifications/${snapshot}/${compactTime(time)}.json`;
}

/**
 * Writes one record per verified snapshot that is not forgotten (a forgotten
 * one's blobs were not checked), and an audit event each (by `actor`);
 * returns their paths.
 */
export async function writeVerificationRecords(
  store: Store,
  report: VerifyReport,
  time: Date,
  actor: AuditActor = { kind: "cli" },
): Promise<string[]> {
  const paths: string[] = [];
  const recorded = report.snapshots.filter((snapshot) => !snapshot.forgotten);
  for (const snapshot of recorded) {
    const record: VerificationRecord = {
      format: VERIFICATION_FORMAT,
      snapshot: snapshot.id,
      stream: snapshot.stream,
      seq: snapshot.seq,
      level: report.level,
      ok: snapshot.ok,
      time: time.toISOString(),
      blobsChecked: report.blobsChecked,
      bytesChecked: report.bytesChecked,
      problems: snapshot.problems.slice(0, MAX_PROBLEMS).map((problem) => ({
        kind: problem.kind,
        message: problem.message.slice(0, 2000),
        ...(problem.path ? { path: problem.path } : {}),
      })),
    };
    const path = verificationPath(snapshot.id, time);
    await store.writeRecord({
      path,
      bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
    });
    paths.push(path);
  }
  await appendAuditEvents(
    store,
    recorded.map((snapshot) => ({
      type: "snapshot.verified",
      time,
      actor,
      subject: { stream: snapshot.stream, seq: snapshot.seq, snapshot: snapshot.id },
      details: { level: report.level, ok: snapshot.ok, problems: snapshot.problems.length },
    })),
  );
  return paths;
}

const RECORD_NAME = /^verifications\/([0-9a-f]{64})\/(\d{8}T\d{6}\.\d{3}Z)\.json$/;

/**
 * The newest verification record at `level` of any of the snapshots (e.g. all
 * of an environment's). Record names carry the snapshot and time, so only the
 * records that could be the answer are read; unreadable or damaged ones are
 * skipped (they prove nothing).
 */
export async function findLatestVerification(
  store: Store,
  snapshots: ReadonlySet<string>,
  level: VerifyLevel,
): Promise<VerificationRecord | null> {
  const candidates = (await store.listRecords("verifications"))
    .map((path) => ({ path, match: RECORD_NAME.exec(path) }))
    .filter(({ match }) => match?.[1] !== undefined && snapshots.has(match[1]))
    .sort((a, b) => ((b.match?.[2] ?? "") < (a.match?.[2] ?? "") ? -1 : 1));
  for (const { path, match } of candidates) {
    const bytes = await store.readRecord(path);
    let value: unknown;
    try {
      value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : undefined;
    } catch {
      continue;
    }
    const checked = validator.check(value);
    if (!checked.ok || checked.value.snapshot !== match?.[1]) continue;
    if (checked.value.level === level) return checked.value;
  }
  return null;
}
