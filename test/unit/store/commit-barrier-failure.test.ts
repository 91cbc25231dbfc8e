import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CommitOutcome, SnapshotCommit } from "../../../core/store/store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotDeploy } from "../../helpers/snapshot-deploy.js";
import { tempDir } from "../../helpers/temp-dir.js";

// The commit's first barrier covers blobs and nodes together (ADR 1111). When it fails, no
// blob or node may have been renamed into place, and none of their temp files may stay.
const work = tempDir();
const tree = join(work, "tree");
let keys: TestKeys;

/** A store whose first commit loses one staged blob's temp file just before its barrier. */
class LosingStore extends LocalDirStore {
  override async commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome> {
    const staged = (commit.view as unknown as { pending: Array<{ temp: string }> }).pending;
    unlinkSync((staged[0] as { temp: string }).temp);
    return super.commitSnapshot(commit);
  }
}

/** Every file under `dir` (none when it was never made). */
const filesUnder = (dir: string): string[] =>
  (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(tree, "deploy"), { recursive: true });
  for (let i = 0; i < 3; i++) writeFileSync(join(tree, "deploy", `f${i}.yaml`), `v: ${i}\n`);
});

describe("a failed commit barrier", () => {
  it("nothing is committed or renamed into place, and no blob or node temp file is left", async () => {
    const store = new LosingStore(join(work, "store"));
    await expect(snapshotDeploy(store, tree, keys)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await store.listStreams()).toEqual([]);
    // 3 blobs and 1 node were staged (4 files: an fsync each, the first fails on the lost one).
    expect(filesUnder(store.path("blobs"))).toEqual([]);
    expect(filesUnder(store.path("nodes"))).toEqual([]);
  });
});
