import { classifyPath, type PathClassification } from "./classify-path.js";
import { isExcluded } from "./is-excluded.js";
import { isExcludedDirectory } from "./is-excluded-directory.js";
import type { Policy } from "./policy.js";

/** How a tree walk sees files under the policy: what it leaves out and how it classifies the rest. */
export interface PolicyScanRules {
  isExcluded: (path: string) => boolean;
  isExcludedDirectory: (path: string) => boolean;
  classify: (path: string) => PathClassification;
}

/**
 * The policy's exclusions (defaults first, then `exclude`) and its
 * classification for one environment: what snapshots and drift both walk
 * with, so a drift check sees exactly the files a snapshot would take.
 */
export function policyScanRules(policy: Policy, environment: string): PolicyScanRules {
  return {
    isExcluded: (path) => isExcluded(policy, path),
    isExcludedDirectory: (path) => isExcludedDirectory(policy, path),
    classify: (path) => classifyPath(policy, path, environment),
  };
}
