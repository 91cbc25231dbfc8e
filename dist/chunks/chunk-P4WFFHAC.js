import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientsOfFile
} from "./chunk-HVMTTQAX.js";
import {
  assertBlobIntact
} from "./chunk-EU4VU6DG.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/blob-context-of.ts
function blobContextOf(manifest, file, where) {
  return {
    describe: `${file.path} in ${where}`,
    recipients: recipientsOfFile(manifest, file),
    size: file.size,
    ...file.pack ? {
      slice: {
        offset: file.pack.offset,
        length: file.pack.length,
        pack: file.ciphertextSha256
      }
    } : {}
  };
}

// core/snapshot/open-verified-blob.ts
async function openVerifiedBlob(store, opener, manifest, file, where, ciphertext) {
  assertBlobIntact(ciphertext, file, where, store.location);
  const content = await opener.open(
    ciphertext,
    file.encoding,
    blobContextOf(manifest, file, where)
  );
  if (content.length !== file.size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${file.path} in ${where} decrypted to ${content.length} bytes; the manifest says ${file.size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt", path: file.path }
      }
    );
  }
  return content;
}

export {
  blobContextOf,
  openVerifiedBlob
};
