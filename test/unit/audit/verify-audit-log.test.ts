import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { appendAuditEvents } from "../../../core/audit/append-audit-events.js";
import type { AuditEventInput } from "../../../core/audit/audit-event.js";
import { verifyAuditLog } from "../../../core/audit/verify-audit-log.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let stores = 0;

/** A store whose log holds `count` events (no snapshots). */
async function storeWithEvents(count: number): Promise<LocalDirStore> {
  const store = new LocalDirStore(join(work, `store-${++stores}`));
  await store.initialize();
  const events: AuditEventInput[] = Array.from({ length: count }, (_, index) => ({
    type: "test.event",
    time: new Date(Date.UTC(2026, 10, 1 + index)),
    actor: { kind: "cli" },
    subject: { index },
  }));
  for (const event of events) await appendAuditEvents(store, [event]);
  return store;
}

describe("verifyAuditLog: audit/head.json", () => {
  it("agrees with the last event of an intact log, and an empty store has nothing to check", async () => {
    const store = await storeWithEvents(3);
    const report = await verifyAuditLog(store);
    expect(report).toMatchObject({ ok: true, events: 3, snapshotsChecked: 0, notes: [] });
    expect(report.head?.seq).toBe(3);
    expect(report.recordedHead).toEqual(report.head);
    expect(await verifyAuditLog(await storeWithEvents(0))).toMatchObject({
      ok: true,
      events: 0,
      head: null,
      problems: [],
    });
  });

  it("a pointer left behind by an interrupted write is a note, not a problem", async () => {
    const store = await storeWithEvents(3);
    const [first] = await store.readAuditLines();
    const { seq, hash } = JSON.parse(first as string) as { seq: number; hash: string };
    writeFileSync(store.path("audit/head.json"), JSON.stringify({ seq, hash }));
    const report = await verifyAuditLog(store);
    expect(report.ok).toBe(true);
    expect(report.notes).toEqual([
      "audit/head.json points at event 1, 2 before the last: a write was interrupted after appending its events; the next write brings it up to date.",
    ]);
  });

  it("a pointer naming another hash, or none at all, is a problem", async () => {
    const store = await storeWithEvents(2);
    writeFileSync(store.path("audit/head.json"), JSON.stringify({ seq: 2, hash: "0".repeat(64) }));
    expect((await verifyAuditLog(store)).problems).toEqual([
      {
        kind: "head",
        message:
          "audit/head.json records event 2 with another hash than the log's: the event was altered or the log rewritten from there on",
      },
    ]);
    rmSync(store.path("audit/head.json"));
    expect((await verifyAuditLog(store)).problems).toEqual([
      expect.objectContaining({
        kind: "head",
        message: expect.stringContaining("audit/head.json is missing or unreadable"),
      }),
    ]);
  });
});
