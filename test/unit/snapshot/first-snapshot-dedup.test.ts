import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { computeBlobId } from "../../../core/crypto/blob-id.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
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

/**
 * The stored objects a snapshot's files lie in: packs, or blobs of their own. A
 * pack of one member stored as it is (no gzip) is byte for byte that content's
 * own blob and has its id, so another snapshot may find it as the one or the other.
 */
const objectsOf = (result: Awaited<ReturnType<typeof snapshot>>) =>
  new Set(
    result.manifest?.files.flatMap((file) =>
      file.type === "file" ? [file.pack?.blob ?? file.blob] : [],
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

  it("a new environment in a store that holds the same contents reuses every stored object", async () => {
    const store = newStore();
    const staging = await snapshot(store, { stream: "staging" });
    const before = filesUnder(store.path("blobs"));
    const result = await snapshot(store);
    expect(result).toMatchObject({ seq: 1, newBlobs: 0, reusedBlobs: DISTINCT, bytesAdded: 0 });
    expect(objectsOf(result)).toEqual(objectsOf(staging));
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

  it("a pack of one member is that content's own blob: another environment finds it as one and restores it", async () => {
    // Contents under 64 bytes are stored as they are. A pack ends after a member whose id
    // starts below 0x08, so two such members in a row make a pack of one (the second).
    const isBoundary = (text: string) =>
      Number.parseInt(computeBlobId(keys.writer.macKey, Buffer.from(text)).slice(0, 2), 16) < 8;
    const boundaries: string[] = [];
    const others: string[] = [];
    for (let i = 0; boundaries.length < 2 || others.length < 38; i++) {
      const text = `key: ${i}\n`;
      if (isBoundary(text)) boundaries.push(text);
      else others.push(text);
    }
    // In path order: 20 others, both boundaries, 18 others.
    const contents = [...others.slice(0, 20), ...boundaries.slice(0, 2), ...others.slice(20, 38)];
    const root = join(work, "one-member");
    const pathOf = (dir: string, i: number) =>
      join(dir, "deploy", `f${String(i).padStart(2, "0")}.yaml`);
    mkdirSync(join(root, "deploy"), { recursive: true });
    contents.forEach((text, i) => writeFileSync(pathOf(root, i), text));
    const store = newStore();
    const staging = await snapshotDeploy(store, root, keys, { stream: "staging" });
    const lone = staging.manifest?.files.find((file) => file.path === "deploy/f21.yaml");
    expect(lone).toMatchObject({
      pack: { offset: 0, length: Buffer.byteLength(boundaries[1] as string) },
      encoding: "none",
    });
    expect(lone?.type === "file" && lone.pack?.blob).toBe(lone?.type === "file" && lone.blob);
    expect(packsOf(staging).size).toBe(3);

    const before = filesUnder(store.path("blobs"));
    const result = await snapshotDeploy(store, root, keys);
    expect(result).toMatchObject({ newBlobs: 0, reusedBlobs: contents.length, bytesAdded: 0 });
    // Found by its content id before any pack was planned: a blob of its own now.
    const found = result.manifest?.files.find((file) => file.path === "deploy/f21.yaml");
    expect(found).not.toHaveProperty("pack");
    expect(objectsOf(result)).toEqual(objectsOf(staging));
    expect(filesUnder(store.path("blobs"))).toEqual(before);

    for (const stream of ["staging", "prod"]) {
      const target = join(work, `one-member-${stream}`);
      await restoreSnapshot({
        store,
        snapshot: await loadSnapshot(store, await resolveSnapshot(store, `${stream}@1`)),
        opener: keys.opener,
        trustedKeys: [keys.verifyKey],
        target,
      });
      contents.forEach((text, i) => expect(readFileSync(pathOf(target, i), "utf8")).toBe(text));
      expect(readdirSync(join(target, "deploy"))).toHaveLength(contents.length);
    }
  });
});
