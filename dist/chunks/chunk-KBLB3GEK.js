import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/snapshot-tier.ts
function snapshotTier(policy, environment, held = {}) {
  const environmentTierName = policy.environments[environment]?.tier;
  const environmentTier = environmentTierName === void 0 ? void 0 : policy.tiers[environmentTierName];
  if (!environmentTierName || !environmentTier) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${environment}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  let best = environmentTier;
  const consider = (name) => {
    const tier = name ? policy.tiers[name] : void 0;
    if (tier && tier.level < best.level) best = tier;
  };
  for (const name of held.components ?? []) {
    const component = policy.components.find((candidate) => candidate.name === name);
    consider(component?.tier ?? null);
  }
  for (const name of held.tiers ?? []) consider(name);
  return best;
}

export {
  snapshotTier
};
