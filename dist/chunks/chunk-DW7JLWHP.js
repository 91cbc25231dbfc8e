import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseVerifyKey,
  verifyManifestSignature
} from "./chunk-PA7UVKRQ.js";
import {
  chainAuditEvents
} from "./chunk-K6O2D5MR.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";

// core/audit/append-audit-events.ts
var MAX_ATTEMPTS = 25;
async function appendAuditEvents(store, events) {
  if (events.length === 0) return;
  const time = events[0].time;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const head = await store.currentAuditHead();
    const { lines } = chainAuditEvents(head, events);
    if (await store.appendAudit(head, lines, time) === "committed") return;
    await new Promise(
      (resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt))
    );
  }
  throw new SnapgateError("CONFLICT", `Could not append to the audit log of ${store.location}.`, {
    fix: "Too many writers raced for the audit log; run the command again (what it did is done; only its audit events are missing)."
  });
}

// core/policy/trusted-writer-keys.ts
function trustedWriterKeys(given, policy) {
  const keys = [...new Set(given.map((key) => key.trim()).filter((key) => key !== ""))];
  for (const key of keys) parseVerifyKey(key);
  if (keys.length > 0) return keys;
  return policy ? [...new Set(policy.keys.writers.map((writer) => writer.key))] : [];
}

// core/snapshot/signature-problem.ts
function signatureProblem(sodium, manifest, trustedKeys, where) {
  const check = verifyManifestSignature(sodium, manifest, trustedKeys);
  if (check.ok) return void 0;
  if (check.reason === "unknown-key") {
    return {
      message: `${where} is signed by ${check.key || "no key"}, which is not a trusted writer key.`,
      fix: "If that writer is legitimate, add its verify key to keys.writers in the policy (or pass --verify-key); otherwise someone else wrote to the store: do not restore from it."
    };
  }
  return {
    message: `${where} has an invalid signature from ${check.key}: it was altered after it was signed.`,
    fix: "Do not restore from it; check who can write the store and restore an earlier snapshot."
  };
}

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
  if (sha256Hex(ciphertext) !== file.ciphertextSha256) {
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

// core/snapshot/open-verified-blob.ts
async function openVerifiedBlob(store, opener, manifest, file, where, ciphertext) {
  assertBlobIntact(ciphertext, file, where, store.location);
  const content = await opener.open(ciphertext, file.encoding, {
    describe: `${file.path} in ${where}`,
    recipients: manifest.recipients
  });
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

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process, concurrency = 4) {
  const results = [];
  for (let start = 0; start < files.length; start += BLOB_WINDOW) {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = await Promise.all(
      window.map(
        (file) => store.readBlob({ id: file.blob, sha256: file.ciphertextSha256, encoding: file.encoding })
      )
    );
    results.push(
      ...await mapWithConcurrency(
        window,
        concurrency,
        (file, index) => process(file, blobs[index] ?? null)
      )
    );
  }
  return results;
}

export {
  trustedWriterKeys,
  signatureProblem,
  assertBlobIntact,
  openVerifiedBlob,
  forEachBlobWindow,
  appendAuditEvents
};
