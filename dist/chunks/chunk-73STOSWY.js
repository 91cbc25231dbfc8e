import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/required-components.ts
function requiredComponents(policy, environment) {
  const environmentTier = policy.environments[environment]?.tier ?? null;
  return policy.components.filter(
    (component) => component.environments === null || component.environments.includes(environment)
  ).filter((component) => {
    const tier = component.tier ?? environmentTier;
    return tier !== null && policy.tiers[tier]?.level === 0;
  }).map((component) => component.name);
}

// core/policy/judge-coverage.ts
function judgeCoverage(policy, environment, components, uncoveredTier0) {
  const present = new Set(components);
  const missingComponents = requiredComponents(policy, environment).filter(
    (name) => !present.has(name)
  );
  const uncovered = uncoveredTier0 === null ? null : [...uncoveredTier0];
  const state = missingComponents.length > 0 || (uncovered?.length ?? 0) > 0 ? "fail" : uncovered === null ? "unknown" : "pass";
  return { state, missingComponents, uncoveredTier0: uncovered };
}

export {
  judgeCoverage
};
