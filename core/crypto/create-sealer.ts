import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { SnapgateError } from "../errors.js";
import { BlobSealer, type SealedBlob } from "./blob-sealer.js";
import { writeSealedTempFile } from "./write-sealed-temp-file.js";

export interface SealResult extends SealedBlob {
  /** With `writeInto`: the temp file holding the ciphertext (then `ciphertext` is empty). */
  tempPath?: string;
  size: number;
}

export interface Sealer {
  /**
   * Encrypts one blob. With `writeInto` (a directory), the thread that
   * encrypted it also writes it there as a temp file, so the ciphertext never
   * crosses threads and the caller does no I/O per blob.
   */
  seal(plaintext: Uint8Array, compress: boolean, writeInto?: string): Promise<SealResult>;
  close(): Promise<void>;
}

export interface SealerOptions {
  /** Where the bundled worker script is; without it, or when it is absent, sealing stays on this thread. */
  workerUrl?: URL;
  /** How many blobs will be sealed; a pool only pays off for many. */
  expectedBlobs: number;
  /** ASCII-armored output (the store's armorBlobs). */
  armor?: boolean;
}

const MIN_BLOBS_FOR_POOL = 200;

class InThreadSealer implements Sealer {
  constructor(private readonly sealer: BlobSealer) {}
  async seal(plaintext: Uint8Array, compress: boolean, writeInto?: string): Promise<SealResult> {
    const sealed = await this.sealer.seal(plaintext, compress);
    if (!writeInto) return { ...sealed, size: sealed.ciphertext.length };
    const tempPath = writeSealedTempFile(writeInto, sealed.ciphertext);
    return { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length, tempPath };
  }
  async close(): Promise<void> {}
}

interface Pending {
  resolve: (sealed: SealResult) => void;
  reject: (error: Error) => void;
}

/** Spreads sealing (X25519, gzip, ChaCha20-Poly1305) over one worker per core. */
class PoolSealer implements Sealer {
  private next = 0;
  private id = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on("message", (message: { id: number; sealed?: SealResult; tempPath?: string; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.sealed)
          waiting.resolve({
            ...message.sealed,
            ciphertext: new Uint8Array(message.sealed.ciphertext),
            size: message.sealed.size ?? message.sealed.ciphertext.byteLength,
            ...(message.tempPath ? { tempPath: message.tempPath } : {}),
          });
        else
          waiting.reject(
            new SnapgateError("CONFIG", `Encryption failed: ${message.error ?? "unknown error"}.`, {
              fix: "Check the recipients.",
            }),
          );
      });
      worker.on("error", (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
    }
  }

  seal(plaintext: Uint8Array, compress: boolean, writeInto?: string): Promise<SealResult> {
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, plaintext, compress, ...(writeInto ? { writeInto } : {}) });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function startWorker(url: URL, recipients: readonly string[], armor: boolean): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { recipients: [...recipients], armor } });
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

/**
 * A sealer for one snapshot: a pool of worker threads when there is much to
 * encrypt and the bundled worker is available, otherwise this thread.
 * Recipients are checked here first, so a bad one fails before any work.
 */
export async function createSealer(
  recipients: readonly string[],
  options: SealerOptions,
): Promise<Sealer> {
  const local = await BlobSealer.create(recipients, { armor: options.armor ?? false });
  const size = Math.min(availableParallelism(), 4);
  const url = options.workerUrl;
  if (
    !url ||
    size < 2 ||
    options.expectedBlobs < MIN_BLOBS_FOR_POOL ||
    !existsSync(fileURLToPath(url))
  ) {
    return new InThreadSealer(local);
  }
  const started = await Promise.allSettled(
    Array.from({ length: size }, () => startWorker(url, recipients, options.armor ?? false)),
  );
  const workers = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  if (workers.length === started.length) return new PoolSealer(workers);
  // A worker that cannot start (e.g. a broken bundle) must not break the snapshot.
  await Promise.all(workers.map((worker) => worker.terminate()));
  return new InThreadSealer(local);
}
