import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  blobSha256,
  verifiedRewraps
} from "./chunk-KVN77OIJ.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/assert-blob-intact.ts
function assertBlobIntact(ciphertext, file, where, location) {
  if (!ciphertext) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} is missing from ${location}.`,
      {
        fix: "The store lost data: restore this file from another snapshot, and run `snapgate verify --all`.",
        details: { kind: "missing-blob", path: file.path, blob: file.blob }
      }
    );
  }
  if (blobSha256(ciphertext) !== file.ciphertextSha256 && verifiedRewraps.get(ciphertext)?.standsFor !== file.ciphertextSha256) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} was tampered with: its sha256 does not match the signed manifest.`,
      {
        fix: "Do not trust this copy: restore the file from another snapshot, and check who can write the store.",
        details: { kind: "tampered-blob", path: file.path, blob: file.blob }
      }
    );
  }
}

export {
  assertBlobIntact
};
