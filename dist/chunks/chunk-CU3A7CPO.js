import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/default-policy-path.ts
var DEFAULT_POLICY_PATH = ".github/snapgate.yml";

export {
  DEFAULT_POLICY_PATH
};
