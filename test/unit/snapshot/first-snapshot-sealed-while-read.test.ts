import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  generateAgeKeyPair,
  formatIdentityFile,
  parseIdentities,
} from "../../../core/crypto/age-keys.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { Store, WriteView } from "../../../core/store/store.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { isSnapgateError } from "../../../core/errors.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { mockFreeCores } from "../../helpers/mock-free-cores.js";

/**
 * A new environment's first snapshot with crypto workers (ADR 1112): each
 * worker reads a walked file, ids and seals it into the store's folder for
 * that id, while the main thread only walks; the snapshot adopts the temp
 * files of blobs the store lacks and deletes the rest. Runs the bundled worker
 * (`npm run build`), with a free core whatever the machine's load.
 */
mockFreeCores();
const { createSnapshot } = await import("../../../core/snapshot/create-snapshot.js");
const { loadSnapshot } = await import("../../../core/snapshot/load-snapshot.js");
const { resolveSnapshot } = await import("../../../core/snapshot/resolve-snapshot.js");
const { restoreSnapshot } = await import("../../../core/snapshot/restore-snapshot.js");
const BUNDLED_WORKER = new URL("../../../dist/workers/crypto-worker.js", import.meta.url);

const work = tempDir();
const FILES = 240; // over the pool's threshold (200)
let keys: TestKeys;
let second: { recipient: string; identity: string };
let count = 0;

/** Every file's content; files 0, 50, 100... share one, and a few are binary. */
const content = (i: number): Buffer =>
  i % 50 === 0
    ? Buffer.from("shared: true\n")
    : i % 9 === 0
      ? Buffer.from(Array.from({ length: 3000 + i }, (_, b) => (b * 7 + i) % 256))
      : Buffer.from(`key_${i}: ${"value ".repeat(1 + (i % 40))}\n`.repeat(1 + (i % 13)));
const pathOf = (i: number) => `svc${i % 12}/conf/f${i}.yaml`;

function makeTree(dir: string): string {
  for (let i = 0; i < FILES; i++) {
    mkdirSync(join(dir, `svc${i % 12}/conf`), { recursive: true });
    writeFileSync(join(dir, pathOf(i)), content(i));
  }
  return dir;
}

/** Every file under `dir`, relative, with its bytes. */
function treeOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path).toString("base64"));
    }
  };
  walk(dir);
  return files;
}

/** Names under the store that are temp files (none may outlive a snapshot). */
function tempFiles(storeDir: string): string[] {
  return [...treeOf(storeDir).keys()].filter((path) => path.includes(".snapgate-tmp-"));
}

function blobFiles(storeDir: string): string[] {
  return [...treeOf(join(storeDir, "blobs")).keys()];
}

/** The store, counting how its write views were asked for staging folders. */
function countingStore(local: LocalDirStore) {
  const calls = { root: 0, perBlob: 0 };
  const store = new Proxy(local, {
    get(target, key) {
      if (key === "beginWrite")
        return async (...args: Parameters<Store["beginWrite"]>) => {
          const view = await (target.beginWrite as Store["beginWrite"]).apply(target, args);
          return new Proxy(view, {
            get(inner: WriteView, name) {
              const value = Reflect.get(inner, name) as unknown;
              if (typeof value !== "function") return value;
              return (...callArgs: unknown[]) => {
                if (name === "blobStagingRoot") calls.root++;
                if (name === "blobStagingDirectory") calls.perBlob++;
                return (value as (...a: unknown[]) => unknown).apply(inner, callArgs);
              };
            },
          });
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { store, calls };
}

async function firstSnapshot(storeDir: string, tree: string, stream = "prod", extra = {}) {
  const local = new LocalDirStore(storeDir);
  const { store, calls } = countingStore(local);
  const result = await createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream,
    phase: "pre",
    recipients: [keys.age.recipient, second.recipient],
    writerKey: keys.writer,
    sealWorkerUrl: BUNDLED_WORKER,
    // ADR 1112's pipeline: one age file per file, sealed by the workers that read it.
    // With packs (the default, ADR 1114) this thread seals a few dozen packs instead.
    packs: false,
    ...extra,
  });
  return { result, calls, local };
}

beforeAll(async () => {
  keys = await makeKeys();
  second = generateAgeKeyPair(await loadSodium());
});

describe("a first snapshot with crypto workers: files are read and sealed by the workers", () => {
  it("stores each distinct content once, leaves no temp file, and restores for every recipient", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    // A link too: it has no content to read, and still counts towards the progress total.
    symlinkSync(`svc1/conf/f1.yaml`, join(tree, "link.yaml"));
    const storeDir = join(work, `store${count}`);
    const progress: Array<{ stage: string; done: number; total: number }> = [];
    const { result, calls, local } = await firstSnapshot(storeDir, tree, "prod", {
      onProgress: (p: { stage: string; done: number; total: number }) => progress.push(p),
    });
    // The workers took the staging root once; no blob went through the per-blob path.
    expect(calls).toEqual({ root: 1, perBlob: 0 });
    const distinct = new Set(Array.from({ length: FILES }, (_, i) => content(i).toString("hex")));
    expect(result).toMatchObject({ files: FILES + 1, newBlobs: distinct.size, reusedBlobs: 0 });
    expect(blobFiles(storeDir)).toHaveLength(distinct.size);
    expect(tempFiles(storeDir)).toEqual([]);
    expect(progress.filter((p) => p.stage === "hash").at(-1)).toEqual({
      stage: "hash",
      done: FILES + 1,
      total: FILES + 1,
    });
    // What was backed up restores, byte for byte, with either recipient's identity.
    const snapshot = await loadSnapshot(local, await resolveSnapshot(local, "prod@1"));
    for (const opener of [
      keys.opener,
      await BlobOpener.create(parseIdentities(second.identity, "second")),
    ]) {
      const target = join(work, `restored${++count}`);
      await restoreSnapshot({
        store: local,
        snapshot,
        opener,
        trustedKeys: [keys.verifyKey],
        target,
      });
      expect(treeOf(target)).toEqual(treeOf(tree));
    }
    // A blob opens with the age CLI alone (break-glass): age -d, then gunzip when .gz.
    const entry = snapshot.manifest.files.find((f) => f.path === pathOf(7)) as RegularFileEntry;
    expect(entry.encoding).toBe("gzip");
    writeFileSync(join(work, "second.txt"), formatIdentityFile(second, new Date()));
    const blob = blobFiles(storeDir).find((name) => name.includes(`${entry.blob}-`)) as string;
    const plain = execFileSync("sh", [
      "-c",
      `age -d -i '${join(work, "second.txt")}' '${join(storeDir, "blobs", blob)}' | gunzip`,
    ]);
    expect(plain.equals(content(7))).toBe(true);
  });

  it("seals secret-class files without compressing them", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    const { local } = await firstSnapshot(storeDir, tree, "prod", {
      classify: (path: string) => (path.startsWith("svc3/") ? { secret: true } : {}),
    });
    const snapshot = await loadSnapshot(local, await resolveSnapshot(local, "prod@1"));
    const files = snapshot.manifest.files as RegularFileEntry[];
    expect(
      files.filter((f) => f.path.startsWith("svc3/")).every((f) => f.encoding === "none"),
    ).toBe(true);
    // Files 7 and 15 are both repeated text; only 15 is in svc3/.
    expect(files.find((f) => f.path === pathOf(7))?.encoding).toBe("gzip");
    expect(files.find((f) => f.path === pathOf(15))?.encoding).toBe("none");
  });

  it("a store that already holds the blobs (another environment's) gains none, and keeps no temp file", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    await firstSnapshot(storeDir, tree, "prod");
    const before = blobFiles(storeDir);
    const { result, calls } = await firstSnapshot(storeDir, tree, "staging");
    expect(calls.root).toBe(1);
    expect(result).toMatchObject({ files: FILES, newBlobs: 0, bytesAdded: 0 });
    expect(blobFiles(storeDir)).toEqual(before);
    expect(tempFiles(storeDir)).toEqual([]);
  });

  it("a file replaced between the walk and its read fails the snapshot and leaves nothing", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    const victim = join(tree, pathOf(123));
    const error = await firstSnapshot(storeDir, tree, "prod", {
      onProgress: (p: { stage: string; done: number; total: number }) => {
        // The walk is over (its inode is recorded); the workers have not read the file yet.
        if (p.stage === "scan" && p.total === FILES && p.done === FILES) {
          // A new inode (written beside it, then renamed over it), as an editor's save makes.
          writeFileSync(`${victim}.new`, "swapped in\n");
          renameSync(`${victim}.new`, victim);
        }
      },
    }).catch((caught: unknown) => caught);
    expect(isSnapgateError(error, "CONFLICT")).toBe(true);
    expect((error as Error).message).toContain(pathOf(123));
    expect(blobFiles(storeDir)).toEqual([]);
    expect(tempFiles(storeDir)).toEqual([]);
    expect(existsIn(storeDir, "manifests")).toBe(false);
  });

  it("a file grown past the size limit between the walk and its read is refused, leaving nothing", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    const error = await firstSnapshot(storeDir, tree, "prod", {
      maxFileBytes: 1024 * 1024,
      onProgress: (p: { stage: string; done: number; total: number }) => {
        // After the walk (whose sizes pass the limit), before the workers read it.
        if (p.stage === "scan" && p.total === FILES && p.done === FILES)
          appendFileSync(join(tree, pathOf(88)), Buffer.alloc(2 * 1024 * 1024, 120));
      },
    }).catch((caught: unknown) => caught);
    expect(isSnapgateError(error, "TOO_LARGE")).toBe(true);
    expect((error as Error).message).toContain(`${pathOf(88)} grew past the limit`);
    expect(blobFiles(storeDir)).toEqual([]);
    expect(tempFiles(storeDir)).toEqual([]);
  });

  it("a file gone before its read fails as it does without workers (read again here), leaving nothing", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    const error = await firstSnapshot(storeDir, tree, "prod", {
      onProgress: (p: { stage: string; done: number; total: number }) => {
        if (p.stage === "scan" && p.total === FILES && p.done === FILES)
          unlinkSync(join(tree, pathOf(77)));
      },
    }).catch((caught: unknown) => caught);
    expect((error as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(blobFiles(storeDir)).toEqual([]);
    expect(tempFiles(storeDir)).toEqual([]);
  });

  it("a later snapshot of the same tree reads nothing (the stat cache was saved from the workers' reads)", async () => {
    const tree = makeTree(join(work, `tree${++count}`));
    const storeDir = join(work, `store${count}`);
    const cacheDir = join(work, `cache${count}`);
    const { StatCache } = await import("../../../core/snapshot/stat-cache.js");
    const cache = () => StatCache.open(cacheDir, tree, keys.writer.macKey);
    // The stat cache never trusts a file changed within its racy window: a tree at rest.
    const later = () => new Date(Date.now() + 60_000);
    await firstSnapshot(storeDir, tree, "prod", { statCache: cache(), now: later });
    const { result } = await firstSnapshot(storeDir, tree, "prod", {
      statCache: cache(),
      now: later,
      skipUnchanged: true,
    });
    expect(result).toMatchObject({ skipped: true, cachedFiles: FILES });
  });
});

function existsIn(dir: string, name: string): boolean {
  return readdirSync(dir).includes(name);
}
