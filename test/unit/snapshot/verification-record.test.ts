import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  findLatestVerification,
  writeVerificationRecords,
} from "../../../core/snapshot/verification-record.js";
import type { VerifyReport } from "../../../core/snapshot/verify-snapshots.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const ID = "c".repeat(64);
const report: VerifyReport = {
  level: "restore",
  ok: true,
  blobsChecked: 3,
  bytesChecked: 300,
  snapshots: [{ id: ID, stream: "prod", seq: 1, ok: true, forgotten: false, problems: [] }],
};

describe("writeVerificationRecords", () => {
  it("records who verified: the CLI by default, or a workflow run", async () => {
    const store = new LocalDirStore(join(work, "store"));
    await store.initialize();
    const run = "https://github.com/acme/service/actions/runs/7";
    await writeVerificationRecords(store, report, new Date("2026-11-26T10:00:00Z"));
    const paths = await writeVerificationRecords(store, report, new Date("2026-11-26T11:00:00Z"), {
      kind: "workflow",
      login: "octocat",
      run,
    });
    expect(paths).toEqual([`verifications/prod/20261126T110000.000Z-restore-ok-${ID}.json`]);
    const actors = (await store.readAuditLines()).map(
      (line) => (JSON.parse(line) as { actor: unknown }).actor,
    );
    expect(actors).toEqual([{ kind: "cli" }, { kind: "workflow", login: "octocat", run }]);
    const names = (await store.readStreamIndex("prod")).verifications;
    expect(await findLatestVerification(store, names, new Set([ID]), "restore")).toMatchObject({
      time: "2026-11-26T11:00:00.000Z",
      ok: true,
    });
  });

  it("leaves forgotten snapshots out: their blobs were not checked", async () => {
    const store = new LocalDirStore(join(work, "store2"));
    await store.initialize();
    const forgotten = { ...report.snapshots[0], id: "d".repeat(64), seq: 2, forgotten: true };
    const paths = await writeVerificationRecords(
      store,
      { ...report, snapshots: [...report.snapshots, forgotten] as VerifyReport["snapshots"] },
      new Date("2026-11-26T12:00:00Z"),
    );
    expect(paths).toEqual([`verifications/prod/20261126T120000.000Z-restore-ok-${ID}.json`]);
    expect(await store.readAuditLines()).toHaveLength(1);
  });
});
