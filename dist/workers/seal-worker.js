import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  BlobSealer,
  writeSealedTempFile
} from "../chunks/chunk-73IYQTLB.js";
import "../chunks/chunk-C6OOIFJO.js";
import "../chunks/chunk-RJWDBZ2U.js";
import "../chunks/chunk-U2VA4CFL.js";
import "../chunks/chunk-6KERQ4ZL.js";
import "../chunks/chunk-HPEAIKBF.js";

// core/crypto/seal-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (port) {
  const data = workerData;
  const sealer = await BlobSealer.create(data.recipients, { armor: data.armor });
  port.on("message", (request) => {
    sealer.seal(request.plaintext, request.compress).then(
      (sealed) => {
        if (request.writeInto) {
          const tempPath = writeSealedTempFile(request.writeInto, sealed.ciphertext);
          port.postMessage({
            id: request.id,
            sealed: { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length },
            tempPath
          });
          return;
        }
        port.postMessage({ id: request.id, sealed }, [sealed.ciphertext.buffer]);
      },
      (error) => port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error)
      })
    );
  });
  port.postMessage({ ready: true });
}
