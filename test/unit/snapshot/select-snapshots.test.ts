import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { selectSnapshots } from "../../../core/snapshot/select-snapshots.js";
import { tombstonePath } from "../../../core/snapshot/tombstone.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const store = new LocalDirStore(join(work, "store"));

beforeAll(async () => {
  const keys = await makeKeys();
  mkdirSync(join(work, "repo"), { recursive: true });
  for (const [stream, count] of [
    ["prod", 3],
    ["dev", 1],
  ] as const) {
    for (let index = 0; index < count; index += 1) {
      writeFileSync(join(work, "repo/app.yaml"), `${stream} ${index}\n`);
      await createSnapshot({
        store,
        root: join(work, "repo"),
        paths: ["app.yaml"],
        stream,
        phase: "manual",
        recipients: [keys.age.recipient],
        writerKey: keys.writer,
      });
    }
  }
});

describe("selectSnapshots", () => {
  it("one snapshot (latest by default), every one of an environment, or of the store", async () => {
    expect((await selectSnapshots(store, { stream: "prod" })).snapshots.map((s) => s.seq)).toEqual([
      3,
    ]);
    expect(
      (await selectSnapshots(store, { spec: "prod@2" })).snapshots.map(
        (s) => `${s.stream}@${s.seq}`,
      ),
    ).toEqual(["prod@2"]);
    expect(
      (await selectSnapshots(store, { all: true, stream: "prod" })).snapshots.map((s) => s.seq),
    ).toEqual([1, 2, 3]);
    expect((await selectSnapshots(store, { all: true })).snapshots).toHaveLength(4);
  });

  it("names the forgotten ones (from tombstone names)", async () => {
    await store.writeRecords([
      {
        path: tombstonePath("prod", 1),
        bytes: new TextEncoder().encode("{}"),
      },
    ]);
    const { snapshots, forgotten } = await selectSnapshots(store, { all: true, stream: "prod" });
    expect([...forgotten]).toEqual([snapshots[0]?.id]);
    expect((await selectSnapshots(store, { stream: "prod" })).forgotten.size).toBe(0);
  });
});
