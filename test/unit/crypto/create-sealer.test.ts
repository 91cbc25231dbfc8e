import { writeFileSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, jest } from "@jest/globals";
import type { Sealer } from "../../../core/crypto/create-sealer.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { generateAgeKeyPair, parseIdentities } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import { tempDir } from "../../helpers/temp-dir.js";

const sodium = await loadSodium();
const pair = generateAgeKeyPair(sodium);
const opener = await BlobOpener.create(parseIdentities(pair.identity, "test"));
const work = tempDir();

/** Built by `npm run build` (npm test's pretest): the worker the CLI bundle loads. */
const BUNDLED_WORKER = new URL("../../../dist/workers/crypto-worker.js", import.meta.url);
/** The core count createSealer sees: the pool's size, and whether a pool is worth it at all. */
let cores = 2;
/** The 1-minute load average createSealer sees: a pool only when a core is free. */
let load = 0;
/** Tasks runnable at this instant (/proc/loadavg's fourth field), this one included. */
let runnable: number | undefined;
jest.unstable_mockModule("node:os", () => ({
  ...os,
  availableParallelism: () => cores,
  loadavg: () => [load, load, load],
}));
jest.unstable_mockModule("../../../core/crypto/runnable-tasks.js", () => ({
  runnableTasks: () => runnable,
}));
const { createSealer } = await import("../../../core/crypto/create-sealer.js");

/** Which implementation was chosen. */
const kind = (sealer: Sealer): string => (sealer.mode === "pool" ? "PoolSealer" : "InThreadSealer");

async function sealAndOpen(sealer: Sealer, count: number): Promise<void> {
  const plaintexts = Array.from({ length: count }, (_, i) =>
    Buffer.from(`file ${i}\n`.repeat(i % 2 ? 40 : 1)),
  );
  const sealed = await Promise.all(plaintexts.map((p, i) => sealer.seal(p, i % 3 !== 0)));
  for (const [i, blob] of sealed.entries()) {
    expect(blob.ciphertext).toBeInstanceOf(Uint8Array);
    expect(blob.sha256).toBe(sha256Hex(blob.ciphertext));
    const opened = await opener.open(blob.ciphertext, blob.encoding, { describe: `file ${i}` });
    expect(Buffer.from(opened).equals(plaintexts[i] as Buffer)).toBe(true);
  }
  // Each file got its own ciphertext, matched to its own request.
  expect(new Set(sealed.map((blob) => blob.sha256)).size).toBe(count);
}

describe("createSealer", () => {
  it("checks the recipients before anything else", async () => {
    await expect(
      createSealer(["age1bad"], { workerUrl: BUNDLED_WORKER, expectedBlobs: 1000 }),
    ).rejects.toMatchObject({ code: "CONFIG" });
  });

  it("seals on this thread without a worker, or for few blobs", async () => {
    for (const options of [
      { expectedBlobs: 1000 },
      { workerUrl: BUNDLED_WORKER, expectedBlobs: 10 },
    ]) {
      const sealer = await createSealer([pair.recipient], options);
      expect(kind(sealer)).toBe("InThreadSealer");
      await sealAndOpen(sealer, 5);
      await sealer.close();
    }
  });

  it("seals on this thread on a single core, where a pool would only add overhead", async () => {
    cores = 1;
    try {
      const sealer = await createSealer([pair.recipient], {
        workerUrl: BUNDLED_WORKER,
        expectedBlobs: 1000,
      });
      expect(kind(sealer)).toBe("InThreadSealer");
      await sealer.close();
    } finally {
      cores = 2;
    }
  });

  it("seals on this thread when every core is already busy, and on a pool when one is free", async () => {
    const options = { workerUrl: BUNDLED_WORKER, expectedBlobs: 1000 };
    // Two cores: busy when the 1-minute load average is 2 or more, unless at most two tasks
    // (this one and one other) are runnable right now: the average lags by about a minute.
    for (const [busy, now, expected] of [
      [2, undefined, "InThreadSealer"],
      [7.5, undefined, "InThreadSealer"],
      [7.5, 3, "InThreadSealer"],
      [2.4, 2, "PoolSealer"],
      [2.4, 1, "PoolSealer"],
      [1.9, undefined, "PoolSealer"],
      [1.9, 9, "PoolSealer"],
    ] as const) {
      load = busy;
      runnable = now;
      try {
        const sealer = await createSealer([pair.recipient], options);
        expect(kind(sealer)).toBe(expected);
        await sealAndOpen(sealer, 3);
        await sealer.close();
      } finally {
        load = 0;
        runnable = undefined;
      }
    }
  });

  it("falls back to this thread when the worker file is missing", async () => {
    const sealer = await createSealer([pair.recipient], {
      workerUrl: pathToFileURL(join(work, "missing-worker.js")),
      expectedBlobs: 1000,
    });
    expect(kind(sealer)).toBe("InThreadSealer");
    await sealAndOpen(sealer, 3);
    await sealer.close();
  });

  it("falls back to this thread when the worker fails to start", async () => {
    const broken = join(work, "broken-worker.mjs");
    writeFileSync(broken, 'throw new Error("this worker cannot start");\n');
    const sealer = await createSealer([pair.recipient], {
      workerUrl: pathToFileURL(broken),
      expectedBlobs: 1000,
    });
    expect(kind(sealer)).toBe("InThreadSealer");
    await sealAndOpen(sealer, 3);
    await sealer.close();
  });

  it("seals many blobs on a pool of the real bundled worker; each decrypts with the identity", async () => {
    const sealer = await createSealer([pair.recipient], {
      workerUrl: BUNDLED_WORKER,
      expectedBlobs: 200,
    });
    expect(kind(sealer)).toBe("PoolSealer");
    try {
      await sealAndOpen(sealer, 24);
    } finally {
      await sealer.close();
    }
  });

  it("a worker that exits mid-run fails its requests instead of leaving them waiting", async () => {
    const dying = join(work, "dying-worker.mjs");
    writeFileSync(
      dying,
      'import { parentPort } from "node:worker_threads";\n' +
        'parentPort.on("message", () => process.exit(3));\n' +
        "parentPort.postMessage({ ready: true });\n",
    );
    const sealer = await createSealer([pair.recipient], {
      workerUrl: pathToFileURL(dying),
      expectedBlobs: 1000,
    });
    expect(kind(sealer)).toBe("PoolSealer");
    try {
      await expect(sealer.seal(Buffer.from("x"), false)).rejects.toMatchObject({
        code: "IO",
        summary: "A crypto worker exited (code 3) mid-run.",
      });
    } finally {
      await sealer.close();
    }
  });

  it("a request the worker cannot seal is rejected with the worker's reason", async () => {
    const sealer = await createSealer([pair.recipient], {
      workerUrl: BUNDLED_WORKER,
      expectedBlobs: 200,
    });
    try {
      expect(kind(sealer)).toBe("PoolSealer");
      // Not bytes: gzip in the worker throws, and the worker says so in its reply.
      const error = await sealer
        .seal({ length: 1000 } as unknown as Uint8Array, true)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "CONFIG" });
      expect((error as Error).message).toMatch(/^Encryption failed: .+\./);
      // The pool still works afterwards.
      await sealAndOpen(sealer, 2);
    } finally {
      await sealer.close();
    }
  });
});
