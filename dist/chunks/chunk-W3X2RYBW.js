import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseVerifyKey
} from "./chunk-JAZ2OF6U.js";

// core/policy/trusted-writer-keys.ts
function trustedWriterKeys(given, policy) {
  const keys = [...new Set(given.map((key) => key.trim()).filter((key) => key !== ""))];
  for (const key of keys) parseVerifyKey(key);
  if (keys.length > 0) return keys;
  return policy ? [...new Set(policy.keys.writers.map((writer) => writer.key))] : [];
}

export {
  trustedWriterKeys
};
