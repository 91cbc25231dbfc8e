import type { BlobEncoding } from "../types.js";
import type { BlobContext, BlobOpener } from "./blob-opener.js";
import { CryptoPool } from "./crypto-pool.js";
import { writeOpenedTempFile, type OpenedFileWrite } from "./write-opened-temp-file.js";
import type { BlobFileRead } from "../snapshot/read-blob-file.js";

/** What openInto and openFileInto take after the blob: how to decrypt it and where to write it. */
export type OpenArgs = [
  encoding: BlobEncoding,
  context: BlobContext,
  target: string,
  mode: number,
  size: number,
  how?: OpenedFileWrite,
];

/** Decrypts blobs straight into temp files, on every core when there are many. */
export interface FileOpener {
  /**
   * Decrypts, checks the size, and writes a temp file beside `target` (or
   * `target` itself, with `how.atTarget`) with exactly `mode`; returns its path.
   */
  openInto(ciphertext: Uint8Array, ...args: OpenArgs): Promise<string>;
  /**
   * Workers only: as openInto, but the worker reads the blob's file itself and
   * checks it against the manifest (readBlobFile), so no bytes cross threads.
   * Undefined when it could not read the file: read it through the store then.
   */
  openFileInto?(blobFile: BlobFileRead, ...args: OpenArgs): Promise<string | undefined>;
  close(): Promise<void>;
  /** Where the work happens: worker threads, or this thread. */
  readonly mode: "pool" | "thread";
}

/**
 * A pool of crypto workers holding the opener's identities, or the opener
 * itself on this thread when there is no bundled worker or little to do.
 */
export async function createFileOpener(
  opener: BlobOpener,
  options: { workerUrl?: URL; expectedBlobs: number },
): Promise<FileOpener> {
  const pool = await CryptoPool.start(
    options.workerUrl,
    { identities: opener.secretKeys() },
    options.expectedBlobs,
  );
  if (pool) {
    // One request shape for both: the blob's bytes, or (a local store) the file to read them from.
    const request = async (
      source: { ciphertext: Uint8Array } | { blobFile: BlobFileRead },
      ...[encoding, context, target, mode, size, how]: OpenArgs
    ) =>
      pool.request({
        kind: "open",
        ...source,
        encoding,
        context,
        writeBeside: target,
        mode,
        size,
        ...(how ? { how } : {}),
      });
    return {
      async openInto(ciphertext, ...rest) {
        return (await request({ ciphertext }, ...rest)).tempPath as string;
      },
      async openFileInto(blobFile, ...rest) {
        const reply = await request({ blobFile }, ...rest);
        return reply.unread ? undefined : (reply.tempPath as string);
      },
      close: () => pool.close(),
      mode: "pool",
    };
  }
  return {
    async openInto(ciphertext, encoding, context, target, mode, size, how) {
      const content = await opener.open(ciphertext, encoding, context);
      return writeOpenedTempFile(target, content, mode, size, context, how);
    },
    close: async () => undefined,
    mode: "thread",
  };
}
