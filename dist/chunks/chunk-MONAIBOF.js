import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  policyEnvironment
} from "./chunk-RC7TVD34.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/resolve-scan-paths.ts
function resolveScanPaths(given, policy, environment, what) {
  if (given.length > 0) return [...given];
  const fromPolicy = policy ? policyEnvironment(policy, environment).paths : null;
  if (fromPolicy && fromPolicy.length > 0) return [...fromPolicy];
  throw new SnapgateError("USAGE", `No paths to ${what} were given.`, {
    fix: `Name the files, directories or globs (e.g. deploy/${environment} terraform/${environment}), or list them once as environments.${environment}.paths in the policy.`
  });
}

export {
  resolveScanPaths
};
