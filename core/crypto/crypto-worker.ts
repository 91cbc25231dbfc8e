import { parentPort, workerData } from "node:worker_threads";
import { isSnapgateError } from "../errors.js";
import type { BlobEncoding } from "../types.js";
import { BlobSealer } from "./blob-sealer.js";
import { BlobOpener, type BlobContext } from "./blob-opener.js";
import { writeSealedTempFile } from "./write-sealed-temp-file.js";
import { writeOpenedTempFile, type OpenedFileWrite } from "./write-opened-temp-file.js";
import { readBlobFile, type BlobFileRead } from "../snapshot/read-blob-file.js";
import { sealFileFromDisk, type DiskFileSeal } from "../snapshot/seal-file-from-disk.js";

/**
 * A worker of the crypto pool (dist/workers/crypto-worker.js): encrypts blobs
 * for a snapshot, or decrypts them for a restore, on another core, and writes
 * each result as a temp file itself so neither the bytes nor the I/O cross
 * threads. See create-sealer.ts and create-opener.ts.
 */
export interface CryptoWorkerData {
  recipients?: string[];
  armor?: boolean;
  /** Secret keys for opening; they stay in this process. */
  identities?: Uint8Array[];
  /** The writer's MAC key, to id the files a `sealFile` request reads (it stays in this process). */
  macKey?: Uint8Array;
}

export type CryptoRequest =
  | { kind: "seal"; id: number; plaintext: Uint8Array; compress: boolean; writeInto?: string }
  /** Read a walked file, id it and seal it (ADR 1112). */
  | { kind: "sealFile"; id: number; file: DiskFileSeal }
  | {
      kind: "open";
      id: number;
      /** The blob's bytes, or (a local store) `blobFile`: the worker reads and checks them itself. */
      ciphertext?: Uint8Array;
      blobFile?: BlobFileRead;
      encoding: BlobEncoding;
      context: BlobContext;
      /** Write the plaintext next to this path (a temp file) with this exact mode. */
      writeBeside: string;
      mode: number;
      size: number;
      /** Write `writeBeside` itself (in a restore's staging directory), and the umask. */
      how?: OpenedFileWrite;
    };

export interface CryptoFailure {
  code: string;
  summary: string;
  fix?: string;
  details?: Record<string, unknown>;
}

/** Replies per batch: few enough that progress still moves every few dozen files. */
const REPLY_BATCH = 32;

const port = parentPort;
if (port) {
  const data = workerData as CryptoWorkerData;
  const sealer = data.recipients
    ? await BlobSealer.create(data.recipients, { armor: data.armor ?? false })
    : undefined;
  const opener = data.identities ? await BlobOpener.create(data.identities) : undefined;
  const fail = (id: number, error: unknown, kind: CryptoRequest["kind"] = "seal") =>
    port.postMessage({
      id,
      error: isSnapgateError(error)
        ? { code: error.code, summary: error.summary, fix: error.fix, details: error.details }
        : {
            code: "CONFIG",
            summary: `${kind === "seal" ? "Encryption" : "Decryption"} failed: ${error instanceof Error ? error.message : String(error)}.`,
            fix: kind === "seal" ? "Check the recipients." : "Check the identity.",
          },
    });
  // Files read and sealed or opened here (a first snapshot, a restore) reply in batches, since
  // each message costs ~0.1 ms to post (ADR 1112, 1113). Sent when full, or once the queue is
  // drained.
  let batch: Array<Record<string, unknown>> = [];
  const flush = () => {
    if (batch.length === 0) return;
    port.postMessage({ batch });
    batch = [];
  };
  const replyInBatch = (reply: Record<string, unknown>) => {
    if (batch.push(reply) === 1) setImmediate(flush);
    if (batch.length >= REPLY_BATCH) flush();
  };
  port.on("message", (request: CryptoRequest) => {
    if (request.kind === "seal" && sealer) {
      sealer.seal(request.plaintext, request.compress).then(
        (sealed) => {
          if (request.writeInto) {
            const tempPath = writeSealedTempFile(request.writeInto, sealed.ciphertext);
            port.postMessage({
              id: request.id,
              sealed: { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length },
              tempPath,
            });
            return;
          }
          port.postMessage({ id: request.id, sealed }, [sealed.ciphertext.buffer as ArrayBuffer]);
        },
        (error: unknown) => fail(request.id, error),
      );
    } else if (request.kind === "sealFile" && sealer && data.macKey) {
      sealFileFromDisk(sealer, data.macKey, request.file).then(
        (sealedFile) => replyInBatch({ id: request.id, sealedFile }),
        (error: unknown) =>
          // The main thread reads a file this thread could not (a vanished file, EACCES) again
          // itself, so such a file fails exactly as it does without workers.
          isSnapgateError(error)
            ? fail(request.id, error)
            : port.postMessage({ id: request.id, unread: true }),
      );
    } else if (request.kind === "open" && opener) {
      let ciphertext: Uint8Array | undefined;
      try {
        // A pack this thread decrypted for an earlier member is not read again (ADR 1114).
        const slice = request.context.slice;
        ciphertext =
          slice && opener.holdsPack(slice.pack)
            ? new Uint8Array(0)
            : request.blobFile
              ? readBlobFile(request.blobFile)
              : request.ciphertext;
      } catch (error) {
        fail(request.id, error, "open");
        return;
      }
      // A file it could not read: the main thread reads it through the store instead.
      if (!ciphertext) {
        port.postMessage({ id: request.id, unread: true });
        return;
      }
      opener.open(ciphertext, request.encoding, request.context).then(
        (content) => {
          try {
            const tempPath = writeOpenedTempFile(
              request.writeBeside,
              content,
              request.mode,
              request.size,
              request.context,
              request.how,
            );
            replyInBatch({ id: request.id, tempPath, size: content.length });
          } catch (error) {
            fail(request.id, error, "open");
          }
        },
        (error: unknown) => fail(request.id, error, "open"),
      );
    } else {
      fail(request.id, new Error(`this worker cannot ${request.kind}`));
    }
  });
  port.postMessage({ ready: true });
}
