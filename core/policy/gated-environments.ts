import { compileGlobs } from "./glob.js";
import type { Policy } from "./policy.js";

/**
 * The environments whose gate runs on a branch: those with a release_branches
 * glob matching it (pull requests into it, pushes to it, merge queues on it),
 * in the policy's order.
 */
export function gatedEnvironments(policy: Pick<Policy, "environments">, branch: string): string[] {
  return Object.values(policy.environments)
    .filter((environment) => compileGlobs(environment.releaseBranches)(branch))
    .map((environment) => environment.name);
}
