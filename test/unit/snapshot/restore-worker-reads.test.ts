import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { blobPath, type BlobRef, type Store } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import type { LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { mockFreeCores } from "../../helpers/mock-free-cores.js";

/**
 * A restore from a local store with crypto workers (ADR 1109): each worker
 * reads its blobs' files itself, checks them against the signed hash and
 * decrypts them; the main thread reads no blob. Runs the bundled worker
 * (`npm run build`), with a free core whatever the machine's load.
 */
mockFreeCores();
// Imported after the mock: each of these loads the crypto pool.
const { restoreSnapshot } = await import("../../../core/snapshot/restore-snapshot.js");
const { createSnapshot } = await import("../../../core/snapshot/create-snapshot.js");
const { loadSnapshot } = await import("../../../core/snapshot/load-snapshot.js");
const { resolveSnapshot } = await import("../../../core/snapshot/resolve-snapshot.js");
const { createFileOpener } = await import("../../../core/crypto/create-opener.js");
const { rekeyStore } = await import("../../../core/rekey/rekey-store.js");
const BUNDLED_WORKER = new URL("../../../dist/workers/crypto-worker.js", import.meta.url);

const work = tempDir();
const local = new LocalDirStore(join(work, "store"));
let keys: TestKeys;
let snapshot: LoadedSnapshot;
let count = 0;
const FILES = 210; // over the pool's threshold (200)

/** The store, counting readBlob calls; `redirect` names blobs whose file a worker is told is elsewhere. */
function countingStore(redirect: ReadonlySet<string> = new Set()): {
  store: Store;
  reads: () => number;
} {
  let reads = 0;
  const store = new Proxy(local, {
    get(target, key) {
      if (key === "readBlob")
        return (ref: BlobRef) => {
          reads++;
          return target.readBlob(ref);
        };
      if (key === "blobFilePath")
        return (ref: BlobRef) =>
          redirect.has(ref.id) ? join(work, "nowhere", ref.id) : target.blobFilePath(ref);
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { store, reads: () => reads };
}

const restore = (store: Store, target: string, pool = true) =>
  restoreSnapshot({
    store,
    snapshot,
    opener: keys.opener,
    trustedKeys: [keys.verifyKey],
    target,
    ...(pool ? { workerUrl: BUNDLED_WORKER } : {}),
  });

const content = (i: number) => `file ${i}\n`.repeat(i % 7 === 0 ? 400 : 1 + (i % 5));

function blobFile(path: string): string {
  const entry = snapshot.manifest.files.find((f) => f.path === path) as RegularFileEntry;
  const dir = join(work, "store/blobs", entry.blob.slice(0, 2));
  const name = readdirSync(dir).find((n) =>
    n.startsWith(`${entry.blob}-${entry.ciphertextSha256}`),
  );
  return join(dir, name as string);
}

/** Replaces a blob's bytes for the duration of `run`. */
async function withBlob(path: string, change: (bytes: Buffer) => Buffer, run: () => Promise<void>) {
  const file = blobFile(path);
  const saved = readFileSync(file);
  chmodSync(file, 0o644);
  writeFileSync(file, change(Buffer.from(saved)));
  try {
    await run();
  } finally {
    writeFileSync(file, saved);
    chmodSync(file, 0o444);
  }
}

beforeAll(async () => {
  keys = await makeKeys();
  const tree = join(work, "tree");
  for (let i = 0; i < FILES; i++) {
    mkdirSync(join(tree, `d${i % 30}`), { recursive: true });
    writeFileSync(join(tree, `d${i % 30}`, `f${i}.txt`), content(i));
  }
  await createSnapshot({
    store: local,
    root: tree,
    paths: ["."],
    stream: "prod",
    phase: "manual",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
    // One age file per file, as every snapshot before ADR 1114 and every large file: the
    // packed layout has its own tests below.
    packs: false,
  });
  snapshot = await loadSnapshot(local, await resolveSnapshot(local, "prod@1"));
});

describe("a local store's restore: the crypto workers read the blobs", () => {
  it("restores every file while the main thread reads no blob", async () => {
    const { store, reads } = countingStore();
    const target = join(work, `target${++count}`);
    await expect(restore(store, target)).resolves.toMatchObject({ files: FILES });
    expect(reads()).toBe(0);
    for (let i = 0; i < FILES; i++)
      expect(readFileSync(join(target, `d${i % 30}`, `f${i}.txt`), "utf8")).toBe(content(i));
    // Without workers, this thread reads every blob (the store's readBlob), as before.
    const threaded = countingStore();
    await restore(threaded.store, join(work, `target${++count}`), false);
    expect(threaded.reads()).toBe(FILES);
  });

  it("a blob a worker cannot read is read through the store instead (one readBlob)", async () => {
    const entry = snapshot.manifest.files.find((f) => f.path === "d3/f3.txt") as RegularFileEntry;
    const { store, reads } = countingStore(new Set([entry.blob]));
    const target = join(work, `target${++count}`);
    await expect(restore(store, target)).resolves.toMatchObject({ files: FILES });
    expect(reads()).toBe(1);
    expect(readFileSync(join(target, "d3/f3.txt"), "utf8")).toBe(content(3));
  });

  it("an opener the caller started early (the CLI, from the catalog) is used, and closed whatever happens", async () => {
    const early = async () => {
      const files = await createFileOpener(keys.opener, {
        workerUrl: BUNDLED_WORKER,
        expectedBlobs: FILES,
      });
      const seen = { closed: 0, requests: 0 };
      const openFileInto = files.openFileInto?.bind(files);
      const counted: typeof files = {
        ...files,
        openFileInto: (...args: Parameters<NonNullable<typeof openFileInto>>) => {
          seen.requests++;
          return (openFileInto as NonNullable<typeof openFileInto>)(...args);
        },
        close: async () => {
          seen.closed++;
          await files.close();
        },
      };
      expect(files.mode).toBe("pool");
      return { fileOpener: Promise.resolve(counted), seen };
    };
    const used = await early();
    await expect(
      restoreSnapshot({
        store: local,
        snapshot,
        opener: keys.opener,
        trustedKeys: [keys.verifyKey],
        target: join(work, `target${++count}`),
        fileOpener: used.fileOpener,
      }),
    ).resolves.toMatchObject({ files: FILES });
    expect(used.seen).toEqual({ closed: 1, requests: FILES });
    // A selection of one window or fewer (no presence listing) is read here, window by window,
    // so a missing blob is still found before anything is decrypted.
    const few = await early();
    const { store, reads } = countingStore();
    await expect(
      restoreSnapshot({
        store,
        snapshot,
        opener: keys.opener,
        trustedKeys: [keys.verifyKey],
        target: join(work, `target${++count}`),
        fileOpener: few.fileOpener,
        include: ["d0/**"],
      }),
    ).resolves.toMatchObject({ files: 7 });
    expect(reads()).toBe(7);
    expect(few.seen).toEqual({ closed: 1, requests: 0 });
    // Refused before anything is written, and a dry run (which decrypts on this thread).
    for (const extra of [{ include: ["nothing/**"] }, { dryRun: true }]) {
      const unused = await early();
      const target = join(work, `target${++count}`);
      await restoreSnapshot({
        store: local,
        snapshot,
        opener: keys.opener,
        trustedKeys: [keys.verifyKey],
        target,
        fileOpener: unused.fileOpener,
        ...extra,
      }).catch(() => undefined);
      expect(unused.seen).toEqual({ closed: 1, requests: 0 });
      expect(existsSync(target)).toBe(false);
    }
  });

  for (const [damage, change] of [
    ["a flipped byte", (b: Buffer) => (b.writeUInt8((b.at(-1) ?? 0) ^ 0xff, b.length - 1), b)],
    ["a truncated blob", (b: Buffer) => b.subarray(0, b.length - 20)],
    ["an appended byte", (b: Buffer) => Buffer.concat([b, Buffer.from([0])])],
  ] as const) {
    it(`${damage}: the same INTEGRITY error as on the main thread, and nothing is left`, async () => {
      await withBlob("d27/f147.txt", change, async () => {
        const errors = [];
        for (const pool of [true, false]) {
          const { store, reads } = countingStore();
          const parent = join(work, `damaged${++count}`);
          const target = join(parent, "target");
          const error = await restore(store, target, pool).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toMatchObject({
            code: "INTEGRITY",
            details: { kind: "tampered-blob", path: "d27/f147.txt" },
          });
          if (pool) expect(reads()).toBe(0);
          // Neither the target, nor a staging directory, nor the parent the restore made.
          expect(existsSync(parent)).toBe(false);
          const { summary, fix, details } = error as {
            summary: string;
            fix: string;
            details: unknown;
          };
          errors.push({ summary, fix, details });
        }
        expect(errors[0]).toEqual(errors[1]);
      });
    });
  }
});

describe("a store re-keyed since the snapshot (more blobs than one window)", () => {
  it("restores through the re-wrap records, with workers and without", async () => {
    const rekeyed = new LocalDirStore(join(work, "rekeyed"));
    const tree = join(work, "tree");
    await createSnapshot({
      store: rekeyed,
      root: tree,
      paths: ["."],
      stream: "prod",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    const newcomer = await makeKeys();
    await rekeyStore({
      store: rekeyed,
      identities: keys.opener.secretKeys(),
      recipients: [keys.age.recipient, newcomer.age.recipient],
      writerKey: keys.writer,
    });
    const old = await loadSnapshot(rekeyed, await resolveSnapshot(rekeyed, "prod@1"));
    // The snapshot's own blobs are gone: each is found through its signed re-wrap record.
    const listed = new Set((await rekeyed.listBlobs()).map((blob) => blob.sha256));
    for (const file of old.manifest.files)
      if (file.type === "file") expect(listed.has(file.ciphertextSha256)).toBe(false);
    for (const pool of [true, false]) {
      const target = join(work, `rekeyed-target${++count}`);
      await expect(
        restoreSnapshot({
          store: rekeyed,
          snapshot: old,
          opener: newcomer.opener,
          trustedKeys: [keys.verifyKey],
          target,
          ...(pool ? { workerUrl: BUNDLED_WORKER } : {}),
        }),
      ).resolves.toMatchObject({ files: FILES });
      for (const i of [0, 7, 209])
        expect(readFileSync(join(target, `d${i % 30}`, `f${i}.txt`), "utf8")).toBe(content(i));
    }
  });
});

describe("a packed snapshot's restore (ADR 1114): the workers read each pack", () => {
  const packedStore = new LocalDirStore(join(work, "packed"));
  let packed: LoadedSnapshot;

  beforeAll(async () => {
    await createSnapshot({
      store: packedStore,
      root: join(work, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    packed = await loadSnapshot(packedStore, await resolveSnapshot(packedStore, "prod@1"));
  });

  const packFiles = () => [
    ...new Set(
      packed.manifest.files.flatMap((file) =>
        file.type === "file" && file.pack ? [blobPath(blobRefOf(file))] : [],
      ),
    ),
  ];

  it("restores every file, with workers and without, while the main thread reads no pack", async () => {
    // Packs of up to 64 (ADR 1114), ending where a member's content id says (1 in 32).
    expect(packFiles().length).toBeGreaterThanOrEqual(Math.ceil(FILES / 64));
    expect(packFiles().length).toBeLessThan(FILES / 8);
    for (const pool of [true, false]) {
      let reads = 0;
      const store = new Proxy(packedStore, {
        get(target, property, receiver) {
          if (property === "readBlob")
            return (ref: Parameters<Store["readBlob"]>[0]) => {
              reads += 1;
              return target.readBlob(ref);
            };
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const target = join(work, `packed-target${++count}`);
      await expect(
        restoreSnapshot({
          store,
          snapshot: packed,
          opener: keys.opener,
          trustedKeys: [keys.verifyKey],
          target,
          ...(pool ? { workerUrl: BUNDLED_WORKER } : {}),
        }),
      ).resolves.toMatchObject({ files: FILES });
      for (let i = 0; i < FILES; i++)
        expect(readFileSync(join(target, `d${i % 30}`, `f${i}.txt`), "utf8")).toBe(content(i));
      // Workers read the packs themselves; this thread reads each pack once per window.
      if (pool) expect(reads).toBe(0);
      else expect(reads).toBeLessThanOrEqual(packFiles().length * 3);
    }
  });

  it("a flipped byte in a pack fails the restore with INTEGRITY and leaves nothing", async () => {
    const file = join(work, "packed", packFiles()[1] as string);
    const saved = readFileSync(file);
    chmodSync(file, 0o644);
    const flipped = Buffer.from(saved);
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 1;
    writeFileSync(file, flipped);
    try {
      for (const pool of [true, false]) {
        const target = join(work, `packed-target${++count}`);
        await expect(
          restoreSnapshot({
            store: packedStore,
            snapshot: packed,
            opener: keys.opener,
            trustedKeys: [keys.verifyKey],
            target,
            ...(pool ? { workerUrl: BUNDLED_WORKER } : {}),
          }),
        ).rejects.toMatchObject({ code: "INTEGRITY" });
        expect(existsSync(target)).toBe(false);
      }
    } finally {
      writeFileSync(file, saved);
      chmodSync(file, 0o444);
    }
  });
});
