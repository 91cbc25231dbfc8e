import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  writeOpenedTempFile
} from "../chunks/chunk-TDVGICWC.js";
import {
  DIR_MODE
} from "../chunks/chunk-CPZT5EG3.js";
import {
  BlobSealer,
  writeSealedTempFile
} from "../chunks/chunk-IEOR2R4X.js";
import {
  readRegularFile
} from "../chunks/chunk-7T6BWT36.js";
import {
  assertBlobIntact
} from "../chunks/chunk-EU4VU6DG.js";
import "../chunks/chunk-KVN77OIJ.js";
import {
  computeBlobId
} from "../chunks/chunk-KKUHDW3D.js";
import {
  BlobOpener
} from "../chunks/chunk-K6EMEHOA.js";
import "../chunks/chunk-FHIUXZPM.js";
import "../chunks/chunk-RXFM76GD.js";
import "../chunks/chunk-6R3LO6XJ.js";
import "../chunks/chunk-54LOBW6C.js";
import "../chunks/chunk-4NNPXXFU.js";
import "../chunks/chunk-U2VA4CFL.js";
import {
  blobDirectoryOf
} from "../chunks/chunk-ZUEUDRMP.js";
import {
  isSnapgateError
} from "../chunks/chunk-6KERQ4ZL.js";
import "../chunks/chunk-H5NHOGLY.js";

// core/crypto/crypto-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// core/snapshot/read-blob-file.ts
import { readFileSync } from "node:fs";
function readBlobFile(read) {
  let bytes;
  try {
    bytes = readFileSync(read.path);
  } catch {
    return void 0;
  }
  assertBlobIntact(bytes, read.file, read.where, read.location);
  return bytes;
}

// core/snapshot/seal-file-from-disk.ts
import { mkdirSync } from "node:fs";
import { join } from "node:path";
var madeDirs = /* @__PURE__ */ new Set();
async function sealFileFromDisk(sealer, macKey, request) {
  const { content, stat } = readRegularFile(request.absolute, request.shown, {
    ...request.expect ? { expect: request.expect } : {},
    ...request.maxBytes !== void 0 ? { maxBytes: request.maxBytes } : {}
  });
  const blob = computeBlobId(macKey, content);
  const sealed = await sealer.seal(content, request.compress);
  const dir = join(request.blobsRoot, blobDirectoryOf(blob));
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    madeDirs.add(dir);
  }
  return {
    blob,
    size: content.length,
    mode: stat.mode,
    stamp: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino },
    sha256: sealed.sha256,
    encoding: sealed.encoding,
    sealedSize: sealed.ciphertext.length,
    tempPath: writeSealedTempFile(dir, sealed.ciphertext)
  };
}

// core/crypto/crypto-worker.ts
var REPLY_BATCH = 32;
var port = parentPort;
if (port) {
  const data = workerData;
  const sealer = data.recipients ? await BlobSealer.create(data.recipients, { armor: data.armor ?? false }) : void 0;
  const opener = data.identities ? await BlobOpener.create(data.identities) : void 0;
  const fail = (id, error, kind = "seal") => port.postMessage({
    id,
    error: isSnapgateError(error) ? { code: error.code, summary: error.summary, fix: error.fix, details: error.details } : {
      code: "CONFIG",
      summary: `${kind === "seal" ? "Encryption" : "Decryption"} failed: ${error instanceof Error ? error.message : String(error)}.`,
      fix: kind === "seal" ? "Check the recipients." : "Check the identity."
    }
  });
  let batch = [];
  const flush = () => {
    if (batch.length === 0) return;
    port.postMessage({ batch });
    batch = [];
  };
  const replyInBatch = (reply) => {
    if (batch.push(reply) === 1) setImmediate(flush);
    if (batch.length >= REPLY_BATCH) flush();
  };
  port.on("message", (request) => {
    if (request.kind === "seal" && sealer) {
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
        (error) => fail(request.id, error)
      );
    } else if (request.kind === "sealFile" && sealer && data.macKey) {
      sealFileFromDisk(sealer, data.macKey, request.file).then(
        (sealedFile) => replyInBatch({ id: request.id, sealedFile }),
        (error) => (
          // The main thread reads a file this thread could not (a vanished file, EACCES) again
          // itself, so such a file fails exactly as it does without workers.
          isSnapgateError(error) ? fail(request.id, error) : port.postMessage({ id: request.id, unread: true })
        )
      );
    } else if (request.kind === "open" && opener) {
      let ciphertext;
      try {
        const slice = request.context.slice;
        ciphertext = slice && opener.holdsPack(slice.pack) ? new Uint8Array(0) : request.blobFile ? readBlobFile(request.blobFile) : request.ciphertext;
      } catch (error) {
        fail(request.id, error, "open");
        return;
      }
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
              request.how
            );
            replyInBatch({ id: request.id, tempPath, size: content.length });
          } catch (error) {
            fail(request.id, error, "open");
          }
        },
        (error) => fail(request.id, error, "open")
      );
    } else {
      fail(request.id, new Error(`this worker cannot ${request.kind}`));
    }
  });
  port.postMessage({ ready: true });
}
