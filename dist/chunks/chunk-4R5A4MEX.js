import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  verifyManifestSignature
} from "./chunk-PP22UWMA.js";

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

export {
  signatureProblem
};
