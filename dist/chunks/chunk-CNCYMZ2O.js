import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientsOfFile
} from "./chunk-JKEV7WGT.js";
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  verifyManifestSignature
} from "./chunk-XZBX2AFH.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/writer-key-period-problem.ts
function writerKeyPeriodProblem(rules, key, time) {
  const matching = rules.filter((rule) => rule.key === key);
  if (matching.length === 0) return void 0;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return `its signed time '${time}' is not a date`;
  const valid = matching.some(
    (rule) => (rule.validFromMs === null || ms >= rule.validFromMs) && (rule.validUntilMs === null || ms < rule.validUntilMs)
  );
  if (valid) return void 0;
  const periods = matching.map(
    (rule) => `${rule.validFromMs === null ? "always" : new Date(rule.validFromMs).toISOString()} to ${rule.validUntilMs === null ? "open end" : new Date(rule.validUntilMs).toISOString()}`
  ).join(", ");
  return `the writer key was not valid at its signed time ${time} (keys.writers period: ${periods})`;
}

// core/snapshot/signature-problem.ts
function signatureProblem(sodium, manifest, trustedKeys, where, writerPeriods = []) {
  const check = verifyManifestSignature(sodium, manifest, trustedKeys);
  if (check.ok) {
    const period = writerKeyPeriodProblem(writerPeriods, check.key, manifest.time);
    if (!period) return void 0;
    return {
      message: `${where} is signed by ${check.key}, but ${period}.`,
      fix: "If the key was rotated out, take a new snapshot with the current writer key; if the period is wrong, correct valid_from/valid_until in keys.writers. A snapshot signed after its key's period may be forged with a leaked key: do not restore from it before you know."
    };
  }
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

// core/rekey/verified-rewraps.ts
var verifiedRewraps = /* @__PURE__ */ new WeakMap();

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
  if (sha256Hex(ciphertext) !== file.ciphertextSha256 && verifiedRewraps.get(ciphertext) !== file.ciphertextSha256) {
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
    recipients: recipientsOfFile(manifest, file)
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

// core/rekey/rewrap-resolver.ts
var MAX_HOPS = 16;
function rewrapResolver(store, sodium, trustedKeys) {
  return async (missing) => {
    let ref = missing;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const bytes = await store.readRecord(rewrapRecordPath(ref));
      if (!bytes) return null;
      const record = trustedRewrapRecord(sodium, bytes, trustedKeys);
      if (!record || record.old.id !== ref.id || record.old.sha256 !== ref.sha256) return null;
      ref = record.new;
      const ciphertext = await store.readBlob(ref);
      if (!ciphertext) continue;
      if (sha256Hex(ciphertext) !== ref.sha256) return null;
      verifiedRewraps.set(ciphertext, missing.sha256);
      return ciphertext;
    }
    return null;
  };
}

export {
  signatureProblem,
  verifiedRewraps,
  assertBlobIntact,
  openVerifiedBlob,
  rewrapResolver
};
