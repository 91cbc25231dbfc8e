import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { StatCache } from "../../../core/snapshot/stat-cache.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { generateAgeKeyPair, parseIdentities } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { SeededRandom } from "../../../bench/corpus/seeded-random.js";
import { storeThatLosesOneRace } from "../../helpers/store-that-loses-one-race.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotTree } from "../../helpers/snapshot-tree.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * Packed blobs (ADR 1114), as a property over seeded random trees: whatever the
 * mix of files (empty, tiny, compressible, incompressible, secret-class, one
 * over the packing limit, duplicates), a restore by each recipient gives back
 * the same tree, for the first snapshot and for a later one that reuses packs
 * found through the stat cache or, without one, through the head snapshot.
 */
const work = tempDir();
let keys: TestKeys;
let second: { recipient: string; opener: BlobOpener };

beforeAll(async () => {
  keys = await makeKeys();
  const pair = generateAgeKeyPair(await loadSodium());
  second = {
    recipient: pair.recipient,
    opener: await BlobOpener.create(parseIdentities(pair.identity, "test")),
  };
});

function content(random: SeededRandom, index: number): Buffer {
  switch (random.int(0, 5)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from(`v${index}`);
    case 2:
      return Buffer.from(`key-${index}: value-${random.int(0, 9)}\n`.repeat(random.int(2, 300)));
    case 3:
      return Buffer.from(Array.from({ length: random.int(1, 3000) }, () => random.int(0, 255)));
    default:
      // A duplicate of an earlier file's content.
      return Buffer.from(`shared: ${index % 3}\n`.repeat(40));
  }
}

function writeTree(root: string, random: SeededRandom, count: number, large: boolean): void {
  rmSync(root, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const dir = join(root, `d${random.int(0, 6)}`);
    mkdirSync(dir, { recursive: true });
    const secret = random.chance(0.15);
    writeFileSync(join(dir, `f${i}${secret ? ".env" : ".yaml"}`), content(random, i), {
      mode: secret ? 0o600 : 0o644,
    });
  }
  // Over the packing limit: sealed alone beside the packs.
  if (large) writeFileSync(join(root, "large.json"), Buffer.alloc(1024 * 1024 + 7, 65));
}

function treeOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const mode = (statSync(path).mode & 0o777).toString(8);
    files[relative(root, path)] = `${mode}:${readFileSync(path).toString("base64")}`;
  }
  return files;
}

/** A snapshot of all of `root`, sealed to both recipients; `.env` files are secret-class. */
function snapshotBoth(store: LocalDirStore, root: string, statCache?: StatCache) {
  return snapshotTree(store, root, keys, {
    recipients: [keys.age.recipient, second.recipient],
    classify: (path) => ({ secret: path.endsWith(".env") }),
    ...(statCache ? { statCache } : {}),
  });
}

async function restoreEach(store: LocalDirStore, reference: string, expected: object) {
  const snapshot = await loadSnapshot(store, await resolveSnapshot(store, reference));
  for (const [name, opener] of [
    ["first", keys.opener],
    ["second", second.opener],
  ] as const) {
    const target = join(work, `restored-${reference.replace("@", "-")}-${name}-${Date.now()}`);
    await restoreSnapshot({ store, snapshot, opener, trustedKeys: [keys.verifyKey], target });
    expect(treeOf(target)).toEqual(expected);
  }
  return snapshot;
}

describe("packed snapshots restore for every recipient (seeded trees)", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: first snapshot, then 10% changed with and without a stat cache`, async () => {
      const random = new SeededRandom(seed);
      const root = join(work, `tree-${seed}`);
      const store = new LocalDirStore(join(work, `store-${seed}`));
      const cacheDir = join(work, `cache-${seed}`);
      const count = random.int(60, 160);
      writeTree(root, random, count, seed % 2 === 0);
      const take = (statCache?: StatCache) => snapshotBoth(store, root, statCache);
      const first = await take(StatCache.open(cacheDir, root, keys.writer.macKey));
      const files = first.manifest?.files ?? [];
      expect(files.filter((file) => file.type === "file" && file.pack).length).toBeGreaterThan(30);
      if (seed % 2 === 0)
        expect(files.find((file) => file.path === "large.json")).not.toHaveProperty("pack");
      await restoreEach(store, "prod@1", treeOf(root));

      // 10% of the files rewritten (the same paths), one added, one removed.
      const paths = Object.keys(treeOf(root)).filter((path) => path !== "large.json");
      for (const path of paths.filter((_, index) => index % 10 === 0))
        writeFileSync(join(root, path), `changed ${path} ${seed}\n`);
      writeFileSync(join(root, "d0/added.yaml"), "added: true\n");
      rmSync(join(root, paths[1] as string));
      const changed = new Set(
        [...paths.filter((_, index) => index % 10 === 0), "d0/added.yaml"].map((path) =>
          readFileSync(join(root, path), "utf8"),
        ),
      );
      const withCache = await take(StatCache.open(cacheDir, root, keys.writer.macKey));
      expect(withCache.newBlobs).toBeLessThanOrEqual(changed.size);
      await restoreEach(store, "prod@2", treeOf(root));
      // The same tree again without a cache: nothing new, the packs found through the head's
      // nodes (60 files or more: well over the 32 unresolved contents that make it look).
      const withoutCache = await take();
      expect(withoutCache).toMatchObject({ newBlobs: 0, bytesAdded: 0 });
      await restoreEach(store, "prod@3", treeOf(root));

      const report = await verifySnapshots({
        store,
        snapshots: await readCatalog(store, "prod"),
        trustedKeys: [keys.verifyKey],
        level: "restore",
        opener: second.opener,
        writerKey: keys.writer,
      });
      expect(report.ok).toBe(true);
    });
  }
});

describe("a packed snapshot that loses its commit race", () => {
  it("retries with the packs it staged: none sealed again, and the tree restores", async () => {
    const random = new SeededRandom(7);
    const root = join(work, "tree-race");
    writeTree(root, random, 80, false);
    const store = new LocalDirStore(join(work, "store-race"));
    // Another writer commits between this snapshot's view and its commit.
    const { racing, winner } = storeThatLosesOneRace(store, keys, "prod");
    // Every blob either attempt stages.
    const staged: string[] = [];
    racing.beginWrite = async (stream: string) => {
      const view = await store.beginWrite(stream);
      const stageBlob = view.stageBlob.bind(view);
      const adoptStagedBlob = view.adoptStagedBlob.bind(view);
      view.stageBlob = async (blob) => {
        staged.push(blob.id);
        return stageBlob(blob);
      };
      view.adoptStagedBlob = async (ref, tempPath) => {
        staged.push(ref.id);
        return adoptStagedBlob(ref, tempPath);
      };
      return view;
    };
    const result = await snapshotBoth(racing, root);
    expect(result).toMatchObject({ attempts: 2, seq: 2, previousId: winner() });
    const files = result.manifest?.files ?? [];
    const packs = new Set(
      files.flatMap((file) => (file.type === "file" && file.pack ? [file.pack.blob] : [])),
    );
    expect(packs.size).toBeGreaterThan(0);
    // Every stored blob is one the manifest names: the second attempt sealed nothing again.
    const named = new Set(
      files.flatMap((file) => (file.type === "file" ? [file.pack?.blob ?? file.blob] : [])),
    );
    expect((await store.listBlobs()).map((blob) => blob.id).sort()).toEqual([...named].sort());
    expect(staged.sort()).toEqual([...named].sort());
    const contents = new Set(files.flatMap((file) => (file.type === "file" ? [file.blob] : [])));
    expect(result).toMatchObject({ newBlobs: contents.size, reusedBlobs: 0 });
    await restoreEach(store, "prod@2", treeOf(root));
  });
});
