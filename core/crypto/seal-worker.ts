import { parentPort, workerData } from "node:worker_threads";
import { BlobSealer } from "./blob-sealer.js";
import { writeSealedTempFile } from "./write-sealed-temp-file.js";

/**
 * A worker of the sealing pool: encrypts blobs on another core. Loaded only
 * from the bundle (dist/workers/seal-worker.js); see seal-pool.ts.
 */
interface SealRequest {
  id: number;
  plaintext: Uint8Array;
  compress: boolean;
  /** Write the ciphertext to a temp file in this directory instead of sending it back. */
  writeInto?: string;
}

const port = parentPort;
if (port) {
  const data = workerData as { recipients: string[]; armor: boolean };
  const sealer = await BlobSealer.create(data.recipients, { armor: data.armor });
  port.on("message", (request: SealRequest) => {
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
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  port.postMessage({ ready: true });
}
