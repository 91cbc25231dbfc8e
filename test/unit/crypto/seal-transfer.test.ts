import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { mockFreeCores } from "../../helpers/mock-free-cores.js";

// A snapshot's plaintext buffers move to the crypto workers (transfer) instead of being copied
// (ADR 1111). A small Buffer may be a slice of Node's shared 8 KiB pool: the snapshot offers
// only buffers of 4 KiB or more (Node 20 also copies a buffer it marked untransferable), and
// a snapshot mixing both sizes must verify. Counted in bytes left behind, through the real
// bundled worker.

/** Built by `npm run build`: the worker the CLI bundle loads. */
const BUNDLED_WORKER = new URL("../../../dist/workers/crypto-worker.js", import.meta.url);
// A pool needs two cores and a free one (ADR 1104): the machine running the tests may be busy.
mockFreeCores();
const { createSealer } = await import("../../../core/crypto/create-sealer.js");
const { createSnapshot } = await import("../../../core/snapshot/create-snapshot.js");
const { LocalDirStore } = await import("../../../core/store/local-dir-store.js");
const { readCatalog } = await import("../../../core/snapshot/read-catalog.js");
const { verifySnapshots } = await import("../../../core/snapshot/verify-snapshots.js");

const work = tempDir();
let keys: TestKeys;

beforeAll(async () => {
  keys = await makeKeys();
});

describe("sealing in the worker pool with transfer", () => {
  it("a transferred buffer is moved (0 bytes left here) and its blob opens to the same bytes; without transfer it stays", async () => {
    const sealer = await createSealer([keys.age.recipient], {
      workerUrl: BUNDLED_WORKER,
      expectedBlobs: 1000,
    });
    try {
      expect(sealer.mode).toBe("pool");
      const moved = Buffer.allocUnsafe(64 * 1024).fill("moved ");
      const kept = Buffer.allocUnsafe(64 * 1024).fill("kept ");
      const [movedCopy, keptCopy] = [Buffer.from(moved), Buffer.from(kept)];
      const [a, b] = await Promise.all([
        sealer.seal(moved, true, undefined, { transfer: true }),
        sealer.seal(kept, true),
      ]);
      expect(moved.byteLength).toBe(0);
      expect(kept.byteLength).toBe(64 * 1024);
      const open = (blob: typeof a) =>
        keys.opener.open(blob.ciphertext, blob.encoding, { describe: "test" });
      expect(Buffer.from(await open(a)).equals(movedCopy)).toBe(true);
      expect(Buffer.from(await open(b)).equals(keptCopy)).toBe(true);
    } finally {
      await sealer.close();
    }
  });

  it("a first snapshot of small (pooled) and large files in the pool: every blob verifies with its keyed id", async () => {
    const tree = join(work, "tree");
    // 250 files (a pool), half under 4 KiB (slices of Node's shared pool), half over.
    for (let i = 0; i < 250; i++) {
      const dir = join(tree, "deploy", `d${i % 5}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `f${i}.yaml`), `key: value-${i}\n`.repeat(i % 2 ? 400 : 3));
    }
    const store = new LocalDirStore(join(work, "store"));
    const result = await createSnapshot({
      store,
      root: tree,
      paths: ["deploy"],
      stream: "prod",
      phase: "pre",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
      sealWorkerUrl: BUNDLED_WORKER,
    });
    expect(result.newBlobs).toBe(250);
    const report = await verifySnapshots({
      store,
      snapshots: await readCatalog(store, "prod"),
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: keys.opener,
      writerKey: keys.writer,
    });
    expect(report).toMatchObject({ ok: true, blobsChecked: 250 });
  });
});
