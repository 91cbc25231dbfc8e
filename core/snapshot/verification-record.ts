import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateVerification from "../generated/verification-validator.js";
import type { AuditActor } from "../audit/audit-event.js";
import type { Store } from "../store/store.js";
import { appendAuditEvents } from "../audit/append-audit-events.js";
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

const validator = new JsonSchemaValidator<VerificationRecord>(
  () => validateVerification as unknown as ValidateFunction,
);
const MAX_PROBLEMS = 100;

/** `20261126T120000.123Z`: sorts as time does, and is a safe file name everywhere. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

/**
 * verifications/<env>/<time>-<level>-<ok|fail>-<snapshot>.json: the name alone
 * tells the gate what it needs (one listing per environment), and the file
 * holds the problems for people.
 */
export function verificationPath(
  stream: string,
  snapshot: string,
  time: Date,
  level: VerifyLevel,
  ok: boolean,
): string {
  return `verifications/${stream}/${compactTime(time)}-${level}-${ok ? "ok" : "fail"}-${snapshot}.json`;
}

export interface VerificationName {
  path: string;
  stream: string;
  time: string;
  level: VerifyLevel;
  ok: boolean;
  snapshot: string;
}

const RECORD_NAME =
  /^verifications\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(structure|restore)-(ok|fail)-([0-9a-f]{64})\.json$/;

/** Reads a record's path back into what it says; undefined for anything else. */
export function parseVerificationPath(path: string): VerificationName | undefined {
  const match = RECORD_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4] || !match[5]) return undefined;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return {
    path,
    stream: match[1],
    time,
    level: match[3] as VerifyLevel,
    ok: match[4] === "ok",
    snapshot: match[5],
  };
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
  const recorded = report.snapshots.filter((snapshot) => !snapshot.forgotten);
  const records = recorded.map((snapshot) => {
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
    return {
      path: verificationPath(snapshot.stream, snapshot.id, time, report.level, snapshot.ok),
      bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
    };
  });
  // One batch: one commit on a GitHub store, whatever the number of snapshots.
  await store.writeRecords(records);
  const paths = records.map((record) => record.path);
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

/** What the gate needs of the newest verification. */
export type VerificationSummary = Pick<
  VerificationRecord,
  "snapshot" | "stream" | "level" | "ok" | "time" | "problems"
>;

/**
 * The newest record of `level` for one of `snapshots`, from the record names
 * of an environment (see readStreamIndex). A passing record is answered from
 * its name; a failing one is read for its problems.
 */
export async function findLatestVerification(
  store: Store,
  names: readonly string[],
  snapshots: ReadonlySet<string>,
  level: VerifyLevel,
): Promise<VerificationSummary | null> {
  const newest = names
    .map((path) => parseVerificationPath(path))
    .filter(
      (name): name is VerificationName =>
        name !== undefined && name.level === level && snapshots.has(name.snapshot),
    )
    .sort((a, b) => (a.time < b.time ? 1 : -1))[0];
  if (!newest) return null;
  if (newest.ok) {
    return {
      snapshot: newest.snapshot,
      stream: newest.stream,
      level,
      ok: true,
      time: newest.time,
      problems: [],
    };
  }
  const bytes = await store.readRecord(newest.path);
  let value: unknown;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : undefined;
  } catch {
    value = undefined;
  }
  const checked = validator.check(value);
  if (checked.ok && checked.value.snapshot === newest.snapshot && checked.value.level === level)
    return checked.value;
  // An unreadable failing record still counts as a failure: unknown state is failure.
  return {
    snapshot: newest.snapshot,
    stream: newest.stream,
    level,
    ok: false,
    time: newest.time,
    problems: [{ kind: "manifest", message: `the record ${newest.path} cannot be read` }],
  };
}
