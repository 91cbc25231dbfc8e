import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/policy.ts
var WITHIN_BUCKET_RULES = [
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly"
];

export {
  WITHIN_BUCKET_RULES
};
