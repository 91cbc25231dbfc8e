import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/policy-environment.ts
function policyEnvironment(policy, name) {
  const environment = policy.environments[name];
  if (!environment) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${name}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  return environment;
}

export {
  policyEnvironment
};
