import { SnapgateError } from "../errors.js";
import type { Environment, Policy } from "./policy.js";

/** The policy's environment of that name, or a CONFIG error listing the ones it has. */
export function policyEnvironment(policy: Pick<Policy, "environments">, name: string): Environment {
  const environment = policy.environments[name];
  if (!environment) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${name}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`,
    });
  }
  return environment;
}
