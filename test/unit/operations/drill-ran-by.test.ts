import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadSodium } from "../../../core/crypto/sodium.js";
import type { DrillRecord } from "../../../core/operations/drill-record.js";
import { readDrillRecord } from "../../../core/operations/read-drill-record.js";
import { signDrillRecord } from "../../../core/operations/sign-drill-record.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CatalogEntry } from "../../../core/types.js";
import { craftDrill } from "../../helpers/craft-drill.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** `ranBy` (who ran the drill, who cannot sign it off) is part of the signed, schema-checked record. */
describe("a drill record's ranBy", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  let keys: TestKeys;
  const entry = {
    id: "e".repeat(64),
    stream: "prod",
    seq: 3,
    time: "2026-11-26T00:00:00.000Z",
  } as CatalogEntry;
  let path: string;
  const file = () => join(work, "store", path);

  beforeAll(async () => {
    keys = await makeKeys();
    mkdirSync(join(work, "store"), { recursive: true });
    path = await craftDrill(store, keys.writer, entry, {
      ranBy: "runner",
      time: new Date("2026-11-26T12:00:00Z"),
    });
  });

  const rewrite = async (
    change: (record: DrillRecord) => Record<string, unknown>,
    resign: boolean,
  ) => {
    const record = JSON.parse(readFileSync(file(), "utf8")) as DrillRecord;
    const { signature: _signature, ...body } = record;
    const changed = change({ ...body } as DrillRecord);
    const next = resign
      ? signDrillRecord(await loadSodium(), changed as unknown as DrillRecord, keys.writer)
      : { ...changed, signature: record.signature };
    writeFileSync(file(), JSON.stringify(next));
  };

  it("is read back from a record the writer key signed", async () => {
    const read = await readDrillRecord(store, path, [keys.verifyKey]);
    expect(read.ok && read.record.ranBy).toEqual({ login: "runner" });
  });

  it("cannot be changed after signing (the signature covers it)", async () => {
    const original = readFileSync(file(), "utf8");
    await rewrite((record) => ({ ...record, ranBy: { login: "someone-else" } }), false);
    expect(await readDrillRecord(store, path, [keys.verifyKey])).toMatchObject({
      ok: false,
      reason: "unsigned",
    });
    writeFileSync(file(), original);
  });

  it.each([
    ["an empty login", { login: "" }],
    ["an unknown field", { login: "runner", team: "x" }],
    ["an id that is not a positive integer", { login: "runner", id: 0 }],
  ])("is refused by the schema with %s, even when signed", async (_what, ranBy) => {
    const original = readFileSync(file(), "utf8");
    await rewrite((record) => ({ ...record, ranBy }), true);
    expect(await readDrillRecord(store, path, [keys.verifyKey])).toMatchObject({
      ok: false,
      reason: "unreadable",
    });
    writeFileSync(file(), original);
  });
});
