import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";

// core/policy/policy-digest.ts
import { createHash } from "node:crypto";
function policyDigest(policy) {
  const { sources: _sources, ...rules } = policy;
  return createHash("sha256").update(canonicalJson(rules)).digest("hex");
}

export {
  policyDigest
};
