import { BlobSealer, type SealedBlob } from "./blob-sealer.js";
import { CryptoPool } from "./crypto-pool.js";
import { writeSealedTempFile } from "./write-sealed-temp-file.js";
import type { DiskFileSeal, DiskFileSealed } from "../snapshot/seal-file-from-disk.js";

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
  seal(
    plaintext: Uint8Array,
    compress: boolean,
    writeInto?: string,
    options?: SealOptions,
  ): Promise<SealResult>;
  /**
   * A pool made with `macKey` only: a worker reads the file, ids and seals it
   * (ADR 1112). Undefined when the worker could not read it: read it here.
   */
  sealFile?(file: DiskFileSeal): Promise<DiskFileSealed | undefined>;
  close(): Promise<void>;
  /** Where the work happens: worker threads, or this thread. */
  readonly mode: "pool" | "thread";
}

export interface SealOptions {
  /**
   * The plaintext's ArrayBuffer belongs to it alone (never a slice of Node's shared
   * Buffer pool): a worker may take it over instead of a copy, leaving it empty here.
   */
  transfer?: boolean;
}

export interface SealerOptions {
  /** The bundled crypto worker; without it, or when it is absent, sealing stays on this thread. */
  workerUrl?: URL;
  /** How many blobs will be sealed; a pool only pays off for many. */
  expectedBlobs: number;
  /** ASCII-armored output (the store's armorBlobs). */
  armor?: boolean;
  /** The writer's MAC key: a pool then offers sealFile. */
  macKey?: Uint8Array;
}

/**
 * A sealer for one snapshot: a pool of worker threads when there is much to
 * encrypt and the bundled worker is available,
 * otherwise this thread. A bad recipient fails either way: a worker that
 * cannot start leaves the work to this thread, whose sealer refuses it.
 */
export async function createSealer(
  recipients: readonly string[],
  options: SealerOptions,
): Promise<Sealer> {
  const armor = options.armor ?? false;
  const pool = await CryptoPool.start(
    options.workerUrl,
    { recipients: [...recipients], armor, ...(options.macKey ? { macKey: options.macKey } : {}) },
    options.expectedBlobs,
  );
  if (pool) {
    return {
      async seal(plaintext, compress, writeInto, sealOptions) {
        const reply = await pool.request(
          { kind: "seal", plaintext, compress, ...(writeInto ? { writeInto } : {}) },
          sealOptions?.transfer && plaintext.buffer instanceof ArrayBuffer
            ? [plaintext.buffer]
            : [],
        );
        const sealed = reply.sealed as SealedBlob & { size?: number };
        return {
          ...sealed,
          ciphertext: new Uint8Array(sealed.ciphertext),
          size: sealed.size ?? sealed.ciphertext.byteLength,
          ...(typeof reply.tempPath === "string" ? { tempPath: reply.tempPath } : {}),
        };
      },
      ...(options.macKey
        ? {
            async sealFile(file: DiskFileSeal) {
              const reply = await pool.request({ kind: "sealFile", file });
              return reply.unread ? undefined : (reply.sealedFile as DiskFileSealed);
            },
          }
        : {}),
      close: () => pool.close(),
      mode: "pool",
    };
  }
  const local = await BlobSealer.create(recipients, { armor });
  return {
    async seal(plaintext, compress, writeInto) {
      const sealed = await local.seal(plaintext, compress);
      if (!writeInto) return { ...sealed, size: sealed.ciphertext.length };
      const tempPath = writeSealedTempFile(writeInto, sealed.ciphertext);
      return { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length, tempPath };
    },
    close: async () => undefined,
    mode: "thread",
  };
}
