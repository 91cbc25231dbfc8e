import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/crypto-pool.ts
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// core/crypto/runnable-tasks.ts
import { readFileSync } from "node:fs";
function runnableTasks() {
  let text;
  try {
    text = readFileSync("/proc/loadavg", "latin1");
  } catch {
    return void 0;
  }
  const match = /^\S+ \S+ \S+ (\d+)\/\d+ /.exec(text);
  return match?.[1] ? Number(match[1]) : void 0;
}

// core/crypto/crypto-pool.ts
var MIN_BLOBS_FOR_POOL = 200;
var REQUESTS_PER_WORKER = 64;
function startWorker(url, data) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}
var CryptoPool = class _CryptoPool {
  constructor(workers) {
    this.workers = workers;
    this.outstanding = workers.map(() => 0);
    this.gone = workers.map(() => false);
    workers.forEach((worker, index) => {
      worker.on("message", (message) => {
        if (Array.isArray(message.batch))
          for (const reply of message.batch) this.settle(reply);
        else this.settle(message);
        this.dispatch();
      });
      worker.on("error", (error) => this.failAll(error));
      worker.on("exit", (code) => this.onExit(index, code));
    });
  }
  workers;
  id = 0;
  pending = /* @__PURE__ */ new Map();
  /** Requests not yet posted to a worker, oldest first from `head`. */
  queue = [];
  head = 0;
  outstanding;
  /** Workers that exited while holding no request: the rest carry on without them. */
  gone;
  /** Why the pool stopped (a worker's error or exit): later requests fail with it at once. */
  failure;
  closing = false;
  /**
   * A worker that exits without an error event (killed, out of memory) must not leave
   * requests waiting for ever: those it held are lost, so every request fails. One that
   * held none (it died idle) is only never posted to again; when none is left, requests fail.
   */
  onExit(index, code) {
    if (this.closing) return;
    this.gone[index] = true;
    if ((this.outstanding[index] ?? 0) === 0 && this.gone.includes(false)) return;
    this.failAll(
      new SnapgateError("IO", `A crypto worker exited (code ${code}) mid-run.`, {
        fix: "Run the command again; if it recurs, check the machine's memory."
      })
    );
  }
  /** Every request fails, those still queued here included. */
  failAll(error) {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.queue = [];
    this.head = 0;
  }
  /** Posts queued requests, each to the worker with the fewest outstanding, while one has room. */
  dispatch() {
    while (this.head < this.queue.length) {
      let chosen = -1;
      for (let index = 0; index < this.workers.length; index++) {
        if (this.gone[index]) continue;
        if (chosen < 0 || (this.outstanding[index] ?? 0) < (this.outstanding[chosen] ?? 0))
          chosen = index;
      }
      if (chosen < 0 || (this.outstanding[chosen] ?? 0) >= REQUESTS_PER_WORKER) return;
      const { message, transfer } = this.queue[this.head++];
      const waiting = this.pending.get(message.id);
      if (!waiting) continue;
      waiting.worker = chosen;
      this.outstanding[chosen] = (this.outstanding[chosen] ?? 0) + 1;
      this.workers[chosen].postMessage(message, transfer);
    }
    this.queue = [];
    this.head = 0;
  }
  settle(reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (waiting.worker !== void 0) {
      this.outstanding[waiting.worker] = (this.outstanding[waiting.worker] ?? 1) - 1;
    }
    if (!reply.error) return waiting.resolve(reply);
    waiting.reject(
      new SnapgateError(reply.error.code, reply.error.summary, {
        ...reply.error.fix ? { fix: reply.error.fix } : {},
        ...reply.error.details ? { details: reply.error.details } : {}
      })
    );
  }
  /**
   * A pool, or undefined when there is no bundled worker, one core, every core already
   * busy, or a worker fails to start.
   */
  static async start(url, data, expected) {
    const cores = availableParallelism();
    const size = Math.min(cores, 4);
    if (!url || size < 2 || expected < MIN_BLOBS_FOR_POOL || !existsSync(fileURLToPath(url)))
      return void 0;
    if ((loadavg()[0] ?? 0) >= cores && (runnableTasks() ?? Infinity) > cores) return void 0;
    const started = await Promise.allSettled(
      Array.from({ length: size }, () => startWorker(url, data))
    );
    const workers = started.flatMap(
      (result) => result.status === "fulfilled" ? [result.value] : []
    );
    if (workers.length === started.length) return new _CryptoPool(workers);
    await Promise.all(workers.map((worker) => worker.terminate()));
    return void 0;
  }
  /** `transfer`: buffers moved to the worker instead of copied (the caller's copy is emptied). */
  request(message, transfer = []) {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ message: { ...message, id }, transfer: [...transfer] });
      this.dispatch();
    });
  }
  async close() {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};

export {
  CryptoPool
};
