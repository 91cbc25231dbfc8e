import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "@jest/globals";
import type { CryptoRequest, CryptoWorkerData } from "../../../core/crypto/crypto-worker.js";
import { mockFreeCores } from "../../helpers/mock-free-cores.js";
import { tempDir } from "../../helpers/temp-dir.js";

mockFreeCores();
const { CryptoPool, REQUESTS_PER_WORKER } = await import("../../../core/crypto/crypto-pool.js");

const work = tempDir();

/**
 * A stand-in worker that answers one request at a time, as the crypto worker
 * does CPU-bound work: 1 ms each in the thread with the even id, 12 ms in the
 * odd one (a pool starts its two workers one after the other, so one of each).
 * Each reply says which thread answered and how many requests that thread held
 * when this one arrived; a request with `exit` ends the thread instead, and one with
 * `exitIdle` is answered and then ends it, holding nothing.
 */
const UNEVEN_WORKER = `
import { parentPort, threadId } from "node:worker_threads";
const each = threadId % 2 === 0 ? 1 : 12;
let held = 0;
let chain = Promise.resolve();
parentPort.on("message", (request) => {
  if (request.exit) process.exit(3);
  if (request.exitIdle) {
    parentPort.postMessage({ id: request.id, threadId, depth: 1 });
    setTimeout(() => process.exit(4), 20);
    return;
  }
  const depth = ++held;
  chain = chain.then(() => new Promise((done) => setTimeout(done, each))).then(() => {
    held--;
    parentPort.postMessage({ id: request.id, threadId, depth });
  });
});
parentPort.postMessage({ ready: true });
`;
const unevenWorker = join(work, "uneven-worker.mjs");
writeFileSync(unevenWorker, UNEVEN_WORKER);

/** Any request: the stand-in reads only `exit`. */
type SealRequest = Omit<Extract<CryptoRequest, { kind: "seal" }>, "id">;
const request = (extra: Record<string, unknown> = {}): SealRequest => ({
  kind: "seal",
  plaintext: new Uint8Array(0),
  compress: false,
  ...extra,
});

async function startPool() {
  const pool = await CryptoPool.start(pathToFileURL(unevenWorker), {} as CryptoWorkerData, 1000);
  if (!pool) throw new Error("the pool did not start");
  return pool;
}

describe("CryptoPool", () => {
  it("gives the worker that finishes early more of the work, and no worker more than its share at once", async () => {
    const pool = await startPool();
    try {
      const replies = await Promise.all(Array.from({ length: 300 }, () => pool.request(request())));
      const byThread = new Map<number, number>();
      for (const reply of replies) {
        const thread = reply.threadId as number;
        byThread.set(thread, (byThread.get(thread) ?? 0) + 1);
      }
      const [fast, slow] = [...byThread].sort((a, b) => (a[0] % 2) - (b[0] % 2)).map(([, n]) => n);
      // Handed out in turn, each would get 150 and the fast one would wait for the slow one.
      expect(byThread.size).toBe(2);
      expect(fast).toBeGreaterThan(200);
      expect((fast ?? 0) + (slow ?? 0)).toBe(300);
      // Handed out at once, each would hold 150.
      const deepest = Math.max(...replies.map((reply) => reply.depth as number));
      expect(deepest).toBe(REQUESTS_PER_WORKER);
    } finally {
      await pool.close();
    }
  });

  it("fails the requests still queued in the pool too when a worker exits mid-run, and any made later", async () => {
    const pool = await startPool();
    try {
      const requests = [
        pool.request(request({ exit: true })),
        ...Array.from({ length: 3 * REQUESTS_PER_WORKER }, () => pool.request(request())),
      ];
      const outcomes = await Promise.allSettled(requests);
      const failed = outcomes.filter((outcome) => outcome.status === "rejected");
      // The other worker may answer some first; none is left waiting for ever.
      expect(failed.length).toBeGreaterThanOrEqual(REQUESTS_PER_WORKER);
      expect(outcomes).toHaveLength(requests.length);
      for (const outcome of failed) {
        expect(String((outcome as PromiseRejectedResult).reason)).toMatch(
          /crypto worker exited \(code 3\) mid-run/,
        );
      }
      // A request made afterwards fails at once instead of waiting for the thread that is gone.
      await expect(pool.request(request())).rejects.toThrow(/crypto worker exited \(code 3\)/);
    } finally {
      await pool.close();
    }
  });

  it("carries on with the other worker when one exits holding no request", async () => {
    const pool = await startPool();
    try {
      const idle = await pool.request(request({ exitIdle: true }));
      // Until the thread is gone: the pool then knows it exited.
      await new Promise((resolve) => setTimeout(resolve, 200));
      let timer: NodeJS.Timeout | undefined;
      const answered = await Promise.race([
        Promise.all(Array.from({ length: 100 }, () => pool.request(request()))),
        new Promise<"left waiting">((resolve) => {
          timer = setTimeout(() => resolve("left waiting"), 5000);
        }),
      ]).finally(() => clearTimeout(timer));
      // Posted to the thread that is gone, about half would wait for ever.
      if (answered === "left waiting") throw new Error("requests were left waiting for ever");
      const threads = new Set(answered.map((reply) => reply.threadId));
      expect(threads.size).toBe(1);
      expect(threads.has(idle.threadId as number)).toBe(false);
      // When the last one is gone too, a request fails at once.
      await pool.request(request({ exitIdle: true }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(pool.request(request())).rejects.toThrow(/crypto worker exited \(code 4\)/);
    } finally {
      await pool.close();
    }
  });
});
