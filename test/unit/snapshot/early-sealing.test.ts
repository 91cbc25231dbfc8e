import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import {
  createSnapshot,
  type CreateSnapshotOptions,
} from "../../../core/snapshot/create-snapshot.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

// A first snapshot seals each file as soon as the scan has hashed it (ADR 1111). Dedup must
// stay exact (one blob per content, none the store already holds) and a snapshot that fails
// mid-scan must leave nothing behind, although some blobs were already sealed by then.
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
  createSnapshot({
    store,
    root: tree,
    paths: ["deploy"],
    stream: "prod",
    phase: "pre",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
    ...extra,
  });

/** Every file under a directory (relative names), temp files included. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

describe("a first snapshot sealed while it is scanned", () => {
  it("one blob per distinct content, sealed once, and nothing staged is left as a temp file", async () => {
    const store = newStore();
    const result = await snapshot(store);
    expect(result).toMatchObject({ files: FILES, newBlobs: DISTINCT, reusedBlobs: 0 });
    const blobs = filesUnder(store.path("blobs"));
    expect(blobs).toHaveLength(DISTINCT);
    expect(blobs.filter((name) => name.startsWith(".snapgate-tmp-"))).toEqual([]);
  });

  it("a new environment in a store that holds the same contents reuses every blob", async () => {
    const store = newStore();
    await snapshot(store, { stream: "staging" });
    const result = await snapshot(store);
    expect(result).toMatchObject({ seq: 1, newBlobs: 0, reusedBlobs: DISTINCT });
    expect(filesUnder(store.path("blobs"))).toHaveLength(DISTINCT);
  });

  it("other recipients: every content is sealed again, once", async () => {
    const store = newStore();
    await snapshot(store, { stream: "staging" });
    const other = await makeKeys();
    const result = await snapshot(store, { recipients: [other.age.recipient] });
    expect(result).toMatchObject({ newBlobs: DISTINCT, reusedBlobs: 0 });
    expect(filesUnder(store.path("blobs"))).toHaveLength(2 * DISTINCT);
  });

  it("a scan that fails after blobs were sealed: nothing is committed and no blob or temp file is left", async () => {
    const store = newStore();
    let classified = 0;
    const sealed: number[] = [];
    await expect(
      snapshot(store, {
        onProgress: ({ stage, done }) => {
          if (stage === "encrypt") sealed.push(done);
        },
        classify: () => {
          // Far enough into the scan that earlier files were handed to the sealer.
          if (++classified === 250) throw new Error("classification failed");
          return {};
        },
      }),
    ).rejects.toThrow("classification failed");
    // The files hashed before the failure were sealed (those in flight are finished, then
    // discarded with the rest), yet the store keeps none of them.
    expect(sealed.length).toBeGreaterThan(0);
    expect(await store.listStreams()).toEqual([]);
    expect(filesUnder(store.path("blobs"))).toEqual([]);
  });
});
