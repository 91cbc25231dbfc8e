import { SnapgateError } from "../errors.js";
import type { Policy } from "./policy.js";
import { policyEnvironment } from "./policy-environment.js";

/**
 * The paths a snapshot or a drift check of `environment` walks: the ones
 * given, else the environment's `paths` in the policy (an environment the
 * policy does not have is a CONFIG error). Without either it is a
 * USAGE error: walking every file of the repository would take source code
 * too, and defaulting to the components' globs would hide the files in no
 * component from the coverage check.
 */
export function resolveScanPaths(
  given: readonly string[],
  policy: Pick<Policy, "environments"> | null,
  environment: string,
  what: "snapshot" | "compare",
): string[] {
  if (given.length > 0) return [...given];
  const fromPolicy = policy ? policyEnvironment(policy, environment).paths : null;
  if (fromPolicy && fromPolicy.length > 0) return [...fromPolicy];
  throw new SnapgateError("USAGE", `No paths to ${what} were given.`, {
    fix: `Name the files, directories or globs (e.g. deploy/${environment} terraform/${environment}), or list them once as environments.${environment}.paths in the policy.`,
  });
}
