import type { Policy } from "./policy.js";

/**
 * Components a snapshot of the environment must contain: those that apply to
 * it (no `environments` list, or one naming it) and whose tier there is tier-0.
 */
export function requiredComponents(policy: Policy, environment: string): string[] {
  const environmentTier = policy.environments[environment]?.tier ?? null;
  return policy.components
    .filter(
      (component) =>
        component.environments === null || component.environments.includes(environment),
    )
    .filter((component) => {
      const tier = component.tier ?? environmentTier;
      return tier !== null && policy.tiers[tier]?.level === 0;
    })
    .map((component) => component.name);
}
