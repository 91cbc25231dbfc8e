import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  classifyPath,
  isExcluded,
  isExcludedDirectory
} from "./chunk-R2KH2HOX.js";

// core/policy/policy-scan-rules.ts
function policyScanRules(policy, environment) {
  return {
    isExcluded: (path) => isExcluded(policy, path),
    isExcludedDirectory: (path) => isExcludedDirectory(policy, path),
    classify: (path) => classifyPath(policy, path, environment)
  };
}

export {
  policyScanRules
};
