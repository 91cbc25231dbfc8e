import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CreateSnapshotOptions } from "../../../core/snapshot/create-snapshot.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotDeploy } from "../../helpers/snapshot-deploy.js";
import { tempDir } from "../../helpers/temp-dir.js";

// A first snapshot stores each distinct content once, and none the store already holds sealed
// to the same recipients: counted in blob files, not timed.
const work = tempDir();
const tree = join(work, "tree");
let keys: TestKeys;
let count = 0;
const newStore = (): LocalDirStore => new LocalDirStore(join(work, `store${++count}`));

/** 300 files in 6 directories, 150 distinct contents (every content twice). */
const FILES = 300;
const DISTINCT = 150;

beforeAll(async () => {
  keys = await makeKeys();
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, "deploy", `d${i % 6}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.yaml`), `name: f${i % DISTINCT}\n`.repeat(5));
  }
});

const snapshot = (store: LocalDirStore, extra: Partial<CreateSnapshotOptions> = {}) =>
  snapshotDeploy(store, tree, keys, extra);

/** Every file under a directory (relative names), temp files included. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

/** The packs a snapshot's files lie in (ADR 1114: 150 new small contents are packed). */
const packsOf = (result: Awaited<ReturnType<typeof snapshot>>) =>
  new Set(
    result.manifest?.files.flatMap((file) =>
      file.type === "file" && file.pack ? [file.pack.blob] : [],
    ),
  );

describe("a first snapshot: dedup within the tree and against the store", () => {
  it("each distinct content once, in packs, sealed once, and nothing staged is left as a temp file", async () => {
    const store = newStore();
    const result = await snapshot(store);
    expect(result).toMatchObject({ files: FILES, newBlobs: DISTINCT, reusedBlobs: 0 });
    const packs = packsOf(result);
    expect(packs.size).toBeGreaterThanOrEqual(Math.ceil(DISTINCT / 64));
    // Two files of the same content share one slice of one pack.
    const slices = new Set(
      result.manifest?.files.map((file) =>
        file.type === "file" ? `${file.pack?.blob}:${file.pack?.offset}` : "",
      ),
    );
    expect(slices.size).toBe(DISTINCT);
    const blobs = filesUnder(store.path("blobs"));
    expect(blobs).toHaveLength(packs.size);
    expect(blobs.filter((name) => name.startsWith(".snapgate-tmp-"))).toEqual([]);
  });

  it("a new environment in a store that holds the same contents reuses every pack", async () => {
    const store = newStore();
    const staging = await snapshot(store, { stream: "staging" });
    const before = filesUnder(store.path("blobs"));
    const result = await snapshot(store);
    expect(result).toMatchObject({ seq: 1, newBlobs: 0, reusedBlobs: DISTINCT, bytesAdded: 0 });
    expect(packsOf(result)).toEqual(packsOf(staging));
    expect(filesUnder(store.path("blobs"))).toEqual(before);
  });

  it("other recipients: every content is sealed again, once", async () => {
    const store = newStore();
    const staging = await snapshot(store, { stream: "staging" });
    const other = await makeKeys();
    const result = await snapshot(store, { recipients: [other.age.recipient] });
    expect(result).toMatchObject({ newBlobs: DISTINCT, reusedBlobs: 0 });
    expect(filesUnder(store.path("blobs"))).toHaveLength(packsOf(staging).size * 2);
  });
});
