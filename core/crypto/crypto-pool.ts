import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { SnapgateError, type ErrorCode } from "../errors.js";
import { runnableTasks } from "./runnable-tasks.js";
import type { CryptoFailure, CryptoRequest, CryptoWorkerData } from "./crypto-worker.js";

type Reply = { id: number; error?: CryptoFailure } & Record<string, unknown>;

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  /** The worker it was posted to, once it was. */
  worker?: number;
}

interface Queued {
  message: CryptoRequest;
  transfer: ArrayBuffer[];
}

/** Distributive Omit: each request kind without its id. */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Below this many blobs, starting workers (~250 ms) costs more than it saves. */
export const MIN_BLOBS_FOR_POOL = 200;

/**
 * Requests one worker holds at once; the rest wait in the pool and go to the
 * first worker with room, so a worker that finishes early takes more instead
 * of idling while the other works through an equal share (ADR 1113). Two of
 * the worker's reply batches, so it is never out of work while replies travel.
 */
export const REQUESTS_PER_WORKER = 64;

function startWorker(url: URL, data: CryptoWorkerData): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

/**
 * One crypto worker per core (at most 4), loaded from the bundled
 * dist/workers/crypto-worker.js. Each request goes to the worker with the
 * fewest outstanding, up to REQUESTS_PER_WORKER each; a failure comes back as
 * the SnapgateError the worker raised.
 */
export class CryptoPool {
  private id = 0;
  private readonly pending = new Map<number, Pending>();
  /** Requests not yet posted to a worker, oldest first from `head`. */
  private queue: Queued[] = [];
  private head = 0;
  private readonly outstanding: number[];
  /** Workers that exited while holding no request: the rest carry on without them. */
  private readonly gone: boolean[];
  /** Why the pool stopped (a worker's error or exit): later requests fail with it at once. */
  private failure: Error | undefined;
  private closing = false;

  private constructor(private readonly workers: Worker[]) {
    this.outstanding = workers.map(() => 0);
    this.gone = workers.map(() => false);
    workers.forEach((worker, index) => {
      // A reply, or a batch of them (crypto-worker.ts).
      worker.on("message", (message: Reply) => {
        if (Array.isArray(message.batch))
          for (const reply of message.batch as Reply[]) this.settle(reply);
        else this.settle(message);
        this.dispatch();
      });
      worker.on("error", (error) => this.failAll(error));
      worker.on("exit", (code) => this.onExit(index, code));
    });
  }

  /**
   * A worker that exits without an error event (killed, out of memory) must not leave
   * requests waiting for ever: those it held are lost, so every request fails. One that
   * held none (it died idle) is only never posted to again; when none is left, requests fail.
   */
  private onExit(index: number, code: number): void {
    if (this.closing) return;
    this.gone[index] = true;
    if ((this.outstanding[index] ?? 0) === 0 && this.gone.includes(false)) return;
    this.failAll(
      new SnapgateError("IO", `A crypto worker exited (code ${code}) mid-run.`, {
        fix: "Run the command again; if it recurs, check the machine's memory.",
      }),
    );
  }

  /** Every request fails, those still queued here included. */
  private failAll(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.queue = [];
    this.head = 0;
  }

  /** Posts queued requests, each to the worker with the fewest outstanding, while one has room. */
  private dispatch(): void {
    while (this.head < this.queue.length) {
      let chosen = -1;
      for (let index = 0; index < this.workers.length; index++) {
        if (this.gone[index]) continue;
        if (chosen < 0 || (this.outstanding[index] ?? 0) < (this.outstanding[chosen] ?? 0))
          chosen = index;
      }
      if (chosen < 0 || (this.outstanding[chosen] ?? 0) >= REQUESTS_PER_WORKER) return;
      const { message, transfer } = this.queue[this.head++] as Queued;
      const waiting = this.pending.get(message.id);
      if (!waiting) continue;
      waiting.worker = chosen;
      this.outstanding[chosen] = (this.outstanding[chosen] ?? 0) + 1;
      (this.workers[chosen] as Worker).postMessage(message, transfer);
    }
    this.queue = [];
    this.head = 0;
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (waiting.worker !== undefined) {
      this.outstanding[waiting.worker] = (this.outstanding[waiting.worker] ?? 1) - 1;
    }
    if (!reply.error) return waiting.resolve(reply);
    waiting.reject(
      new SnapgateError(reply.error.code as ErrorCode, reply.error.summary, {
        ...(reply.error.fix ? { fix: reply.error.fix } : {}),
        ...(reply.error.details ? { details: reply.error.details } : {}),
      }),
    );
  }

  /**
   * A pool, or undefined when there is no bundled worker, one core, every core already
   * busy, or a worker fails to start.
   */
  static async start(
    url: URL | undefined,
    data: CryptoWorkerData,
    expected: number,
  ): Promise<CryptoPool | undefined> {
    const cores = availableParallelism();
    const size = Math.min(cores, 4);
    if (!url || size < 2 || expected < MIN_BLOBS_FOR_POOL || !existsSync(fileURLToPath(url)))
      return undefined;
    // Workers only help when a core is free: on a machine whose cores are all busy, they
    // cost ~1.5 CPU seconds more for 2,000 blobs (two more isolates to warm up, contended
    // file creation) and finish no sooner (ADR 1104). Busy is the 1-minute load average at
    // the core count, unless no more tasks than cores are runnable right now, this one (and
    // its runtime's helper threads) included: the average still counts for a minute what ran
    // before (a build step, the previous command of a script) after it has ended (ADR 1112).
    if ((loadavg()[0] ?? 0) >= cores && (runnableTasks() ?? Infinity) > cores) return undefined;
    const started = await Promise.allSettled(
      Array.from({ length: size }, () => startWorker(url, data)),
    );
    const workers = started.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    if (workers.length === started.length) return new CryptoPool(workers);
    // A worker that cannot start (e.g. a broken bundle) must not break the snapshot or restore.
    await Promise.all(workers.map((worker) => worker.terminate()));
    return undefined;
  }

  /** `transfer`: buffers moved to the worker instead of copied (the caller's copy is emptied). */
  request(
    message: WithoutId<CryptoRequest>,
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<Reply> {
    // Not to a worker that is gone, where it would wait for ever.
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ message: { ...message, id } as CryptoRequest, transfer: [...transfer] });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
