import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { CollectedFile } from "../../../core/snapshot/collect-files.js";
import {
  createSnapshot,
  type CreateSnapshotOptions,
} from "../../../core/snapshot/create-snapshot.js";
import { RACY_WINDOW_MS, STALE_CACHE_MS, StatCache } from "../../../core/snapshot/stat-cache.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { FileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let other: TestKeys;

beforeAll(async () => {
  keys = await makeKeys();
  other = await makeKeys();
});

const BLOB = "a".repeat(64);

function fileAt(
  path: string,
  stamp: Partial<NonNullable<CollectedFile["stamp"]>> = {},
): CollectedFile {
  const full = { size: 10, mtimeMs: 1_000, ctimeMs: 2_000, ino: 42, ...stamp };
  return { path, absolute: `/x/${path}`, type: "file", mode: 0o644, size: full.size, stamp: full };
}

describe("StatCache", () => {
  it("keeps where the last snapshot packed each content (ADR 1114), and only with its MAC", () => {
    const dir = join(work, "packed");
    const ref = (id: string) => ({
      id,
      sha256: "c".repeat(64),
      encoding: "none" as const,
      recipientSet: "d".repeat(32),
    });
    const packed = new Map([
      [
        "1".repeat(64),
        {
          ref: ref("e".repeat(64)),
          encoding: "gzip" as const,
          pack: { blob: "e".repeat(64), offset: 0, length: 10 },
        },
      ],
      [
        "2".repeat(64),
        {
          ref: ref("e".repeat(64)),
          encoding: "none" as const,
          pack: { blob: "e".repeat(64), offset: 10, length: 4 },
        },
      ],
      [
        "3".repeat(64),
        {
          ref: ref("f".repeat(64)),
          encoding: "none" as const,
          pack: { blob: "f".repeat(64), offset: 0, length: 0 },
        },
      ],
      // A content stored alone is not a pack's: left out.
      [
        "4".repeat(64),
        { ref: { ...ref("4".repeat(64)), encoding: "gzip" as const }, encoding: "gzip" as const },
      ],
    ]);
    StatCache.open(dir, "/root", keys.writer.macKey).save([], 100_000, "9".repeat(64), packed);
    const back = StatCache.open(dir, "/root", keys.writer.macKey).packedContents();
    expect(back).toEqual(new Map([...packed].slice(0, 3)));
    // Another writer's key: the cache is ignored, packs and all.
    expect(StatCache.open(dir, "/root", other.writer.macKey).packedContents().size).toBe(0);
  });

  it("returns the blob id only for the exact stat it saved", () => {
    const dir = join(work, "exact");
    const saved = StatCache.open(dir, "/root", keys.writer.macKey);
    expect(saved.save([{ file: fileAt("a.yaml"), blob: BLOB }], 100_000)).toBe(true);

    const cache = StatCache.open(dir, "/root", keys.writer.macKey);
    expect(cache.ignoredReason).toBeNull();
    expect(cache.lookup(fileAt("a.yaml"))).toBe(BLOB);
    expect(cache.lookup(fileAt("b.yaml"))).toBeUndefined();
    expect(cache.lookup(fileAt("a.yaml", { size: 11 }))).toBeUndefined();
    expect(cache.lookup(fileAt("a.yaml", { mtimeMs: 1_001 }))).toBeUndefined();
    expect(cache.lookup(fileAt("a.yaml", { ctimeMs: 2_001 }))).toBeUndefined();
    expect(cache.lookup(fileAt("a.yaml", { ino: 43 }))).toBeUndefined();
    expect(cache.lookup({ ...fileAt("a.yaml"), type: "symlink" })).toBeUndefined();
  });

  it("leaves out files changed within the racy window of the scan", () => {
    const dir = join(work, "racy");
    const scannedAt = 100_000;
    StatCache.open(dir, "/root", keys.writer.macKey).save(
      [
        { file: fileAt("old.yaml", { mtimeMs: 1_000, ctimeMs: 1_000 }), blob: BLOB },
        {
          file: fileAt("mtime.yaml", { mtimeMs: scannedAt - RACY_WINDOW_MS, ctimeMs: 1_000 }),
          blob: BLOB,
        },
        {
          file: fileAt("ctime.yaml", { mtimeMs: 1_000, ctimeMs: scannedAt - 1 }),
          blob: BLOB,
        },
      ],
      scannedAt,
    );
    const cache = StatCache.open(dir, "/root", keys.writer.macKey);
    expect(cache.size).toBe(1);
    expect(cache.lookup(fileAt("old.yaml", { mtimeMs: 1_000, ctimeMs: 1_000 }))).toBe(BLOB);
  });

  it("is per root and per writer key: each gets its own file", () => {
    const dir = join(work, "separate");
    StatCache.open(dir, "/root", keys.writer.macKey).save([{ file: fileAt("a"), blob: BLOB }], 1e6);
    expect(StatCache.open(dir, "/other-root", keys.writer.macKey).size).toBe(0);
    expect(StatCache.open(dir, "/root", other.writer.macKey).size).toBe(0);
    expect(StatCache.open(dir, "/root", keys.writer.macKey).size).toBe(1);
  });

  it("ignores an edited cache (MAC) and a foreign one copied into place", () => {
    const dir = join(work, "forged");
    const cache = StatCache.open(dir, "/root", keys.writer.macKey);
    cache.save([{ file: fileAt("a"), blob: BLOB }], 1e6);
    const text = readFileSync(cache.file, "utf8");
    writeFileSync(cache.file, text.replace(BLOB, "b".repeat(64)));
    const edited = StatCache.open(dir, "/root", keys.writer.macKey);
    expect(edited.size).toBe(0);
    expect(edited.ignoredReason).toBe("its MAC does not match this writer key");

    const foreign = StatCache.open(dir, "/root", other.writer.macKey);
    foreign.save([{ file: fileAt("a"), blob: BLOB }], 1e6);
    writeFileSync(cache.file, readFileSync(foreign.file));
    expect(StatCache.open(dir, "/root", keys.writer.macKey).ignoredReason).toBe(
      "its MAC does not match this writer key",
    );
  });

  it("ignores a torn or foreign-format file, and a save that cannot write only returns false", () => {
    const dir = join(work, "torn");
    const cache = StatCache.open(dir, "/root", keys.writer.macKey);
    cache.save([], 1e6);
    writeFileSync(cache.file, readFileSync(cache.file, "utf8").slice(0, -3));
    expect(StatCache.open(dir, "/root", keys.writer.macKey).ignoredReason).toBe(
      "its MAC does not match this writer key",
    );
    // Correctly MACed (the writer key's holder wrote it) but not a cache of this root:
    const signed = (body: string) =>
      `snapgate-stat-cache/1 ${createHmac("sha256", keys.writer.macKey).update("snapgate-stat-cache/1\0").update(body).digest("hex")}\n${body}`;
    writeFileSync(cache.file, signed('{"root":"/root","entr'));
    expect(StatCache.open(dir, "/root", keys.writer.macKey).ignoredReason).toBe("it is not JSON");
    writeFileSync(cache.file, signed('{"root":"/elsewhere","entries":[]}'));
    expect(StatCache.open(dir, "/root", keys.writer.macKey).ignoredReason).toBe(
      "it is of another format or root",
    );
    writeFileSync(cache.file, JSON.stringify({ format: "other", root: "/root", entries: [] }));
    expect(StatCache.open(dir, "/root", keys.writer.macKey).ignoredReason).toBe(
      "it is of another format or root",
    );

    const readOnly = join(work, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    const blocked = StatCache.open(join(readOnly, "cache"), "/root", keys.writer.macKey);
    // root ignores directory modes; the assertion then only checks that nothing throws
    const wrote = blocked.save([{ file: fileAt("a"), blob: BLOB }], 1e6);
    expect(wrote).toBe(process.getuid?.() === 0);
  });

  it("removes cache files of other roots not written for 30 days, and nothing else", () => {
    const dir = join(work, "stale");
    const old = StatCache.open(dir, "/old-checkout", keys.writer.macKey);
    old.save([], 1e6);
    const recent = StatCache.open(dir, "/recent-checkout", keys.writer.macKey);
    recent.save([], 1e6);
    writeFileSync(join(dir, "notes.txt"), "not a cache file");
    const longAgo = new Date(Date.now() - STALE_CACHE_MS - 60_000);
    utimesSync(old.file, longAgo, longAgo);
    utimesSync(join(dir, "notes.txt"), longAgo, longAgo);
    StatCache.open(dir, "/root", keys.writer.macKey).save([], 1e6);
    expect(existsSync(old.file)).toBe(false);
    expect(existsSync(recent.file)).toBe(true);
    expect(existsSync(join(dir, "notes.txt"))).toBe(true);
  });

  it("writes the cache owner-only", () => {
    const dir = join(work, "mode");
    const cache = StatCache.open(dir, "/root", keys.writer.macKey);
    cache.save([{ file: fileAt("a"), blob: BLOB }], 1e6);
    expect(statSync(cache.file).mode & 0o777).toBe(0o600);
  });
});

/** A --skip-unchanged snapshot of all of `tree`, its clock 10 s ahead (no file is racily clean). */
const snapshotOf = (tree: string, store: LocalDirStore, extra: Partial<CreateSnapshotOptions>) =>
  createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream: "prod",
    phase: "pre",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
    now: () => new Date(Date.now() + 10_000),
    skipUnchanged: true,
    ...extra,
  });

describe("createSnapshot with a stat cache", () => {
  const tree = join(work, "tree");
  const cacheDir = join(work, "snapshot-cache");
  const snapshot = (store: LocalDirStore, extra: Partial<CreateSnapshotOptions> = {}) =>
    snapshotOf(tree, store, {
      statCache: StatCache.open(cacheDir, tree, keys.writer.macKey),
      ...extra,
    });

  beforeAll(() => {
    mkdirSync(tree, { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(tree, `f${i}.yaml`), `value: ${i}\n`);
  });

  it("reads nothing the cache vouches for, and still sees a same-size edit with the old mtime", async () => {
    const store = new LocalDirStore(join(work, "store-cached"));
    const first = await snapshot(store);
    expect(first).toMatchObject({ skipped: false, cachedFiles: 0, newBlobs: 5 });

    const unchanged = await snapshot(store);
    expect(unchanged).toMatchObject({ skipped: true, cachedFiles: 5 });

    // Same size, mtime put back: the ctime (which no one can set) still differs.
    const path = join(tree, "f2.yaml");
    const before = statSync(path);
    writeFileSync(path, "value: 9\n");
    utimesSync(path, before.atime, before.mtime);
    const edited = await snapshot(store);
    expect(edited).toMatchObject({ skipped: false, cachedFiles: 4, newBlobs: 1, seq: 2 });
    const blobOf = (result: typeof first) =>
      (result.manifest?.files.find((file) => file.path === "f2.yaml") as { blob: string }).blob;
    expect(blobOf(edited)).toMatch(/^[0-9a-f]{64}$/);
    expect(blobOf(edited)).not.toBe(blobOf(first));
  });

  it("without the cache, or with the real clock (files just written are racy), every file is read", async () => {
    const store = new LocalDirStore(join(work, "store-uncached"));
    await snapshot(store, { statCache: undefined });
    expect(await snapshot(store, { statCache: undefined })).toMatchObject({
      skipped: true,
      cachedFiles: 0,
    });
    const realClock = join(work, "real-clock-cache");
    await snapshot(store, {
      now: undefined,
      statCache: StatCache.open(realClock, tree, keys.writer.macKey),
    });
    expect(
      await snapshot(store, {
        now: undefined,
        statCache: StatCache.open(realClock, tree, keys.writer.macKey),
      }),
    ).toMatchObject({ skipped: true, cachedFiles: 0 });
  });

  it("a wrong cached id for a blob the store lacks is caught when the file is read to encrypt it", async () => {
    const store = new LocalDirStore(join(work, "store-poisoned"));
    await snapshot(store);
    // A cache that (validly MACed) maps f0.yaml to content the store never saw.
    const poisoned = StatCache.open(join(work, "poisoned"), tree, keys.writer.macKey);
    const f0 = statSync(join(tree, "f0.yaml"));
    poisoned.save(
      [
        {
          file: {
            ...fileAt("f0.yaml"),
            stamp: { size: f0.size, mtimeMs: f0.mtimeMs, ctimeMs: f0.ctimeMs, ino: f0.ino },
          },
          blob: "c".repeat(64),
        },
      ],
      Date.now() + 10_000,
    );
    const heads = await store.listStreams();
    const error = await snapshot(store, {
      statCache: StatCache.open(join(work, "poisoned"), tree, keys.writer.macKey),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "CONFLICT",
      summary: "f0.yaml changed while the snapshot was being taken.",
      fix: expect.stringContaining("--no-cache"),
    });
    expect(await store.listStreams()).toEqual(heads);
    expect(existsSync(join(store.location, "manifests/prod/0000000002.json"))).toBe(false);
  });
});

describe("createSnapshot: the previous manifest and the stat cache", () => {
  const tree = join(work, "tree-manifest");
  beforeAll(() => {
    mkdirSync(tree, { recursive: true });
    writeFileSync(join(tree, "a.yaml"), "a: 1\n");
  });
  const snapshot = (store: LocalDirStore, statCache?: StatCache) =>
    snapshotOf(tree, store, statCache ? { statCache } : {});
  /** A correctly signed head manifest that breaks the schema (a file mode of -1). */
  const craftInvalidHead = async (store: LocalDirStore) => {
    const first = await snapshot(store);
    const files = (first.manifest?.files ?? []).map((file) => ({ ...file, mode: -1 }));
    return commitCraftedManifest(store, keys.writer, "prod", files as FileEntry[], [
      keys.age.recipient,
    ]);
  };

  it("records the manifest it committed, so the next run need not schema-check those bytes", async () => {
    const dir = join(work, "manifest-cache");
    const result = await snapshot(
      new LocalDirStore(join(work, "store-m1")),
      StatCache.open(dir, tree, keys.writer.macKey),
    );
    const cache = StatCache.open(dir, tree, keys.writer.macKey);
    expect(cache.knowsManifest(result.id ?? "")).toBe(true);
    expect(cache.knowsManifest("0".repeat(64))).toBe(false);
  });

  it("checks any other head manifest: a malformed one stops the snapshot", async () => {
    const store = new LocalDirStore(join(work, "store-m2"));
    await craftInvalidHead(store);
    await expect(snapshot(store)).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining("is not a valid snapgate.manifest/v1"),
    });
    // A cache vouching for those bytes under another writer key is ignored: still checked.
    const forged = StatCache.open(join(work, "forged-manifest"), tree, other.writer.macKey);
    const heads = await store.beginWrite("prod");
    forged.save([], Date.now(), heads.head?.sha256 ?? null);
    const copied = StatCache.open(join(work, "forged-manifest-2"), tree, keys.writer.macKey);
    mkdirSync(join(work, "forged-manifest-2"), { recursive: true });
    writeFileSync(copied.file, readFileSync(forged.file));
    await expect(
      snapshot(store, StatCache.open(join(work, "forged-manifest-2"), tree, keys.writer.macKey)),
    ).rejects.toMatchObject({ code: "INTEGRITY" });
  });

  it("trusts bytes its own writer key vouched for (the schema check is what is skipped)", async () => {
    const store = new LocalDirStore(join(work, "store-m3"));
    const id = await craftInvalidHead(store);
    const dir = join(work, "vouched-manifest");
    StatCache.open(dir, tree, keys.writer.macKey).save([], Date.now(), id);
    const result = await snapshot(store, StatCache.open(dir, tree, keys.writer.macKey));
    expect(result).toMatchObject({ skipped: false, seq: 3 });
  });
});
