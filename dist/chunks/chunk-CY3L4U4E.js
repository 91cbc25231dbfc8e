import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/snapshot/blob-ref-of.ts
function blobRefOf(file) {
  return {
    id: file.pack ? file.pack.blob : file.blob,
    sha256: file.ciphertextSha256,
    encoding: file.pack ? "none" : file.encoding,
    ...file.recipientSet ? { recipientSet: file.recipientSet } : {}
  };
}

export {
  blobRefOf
};
