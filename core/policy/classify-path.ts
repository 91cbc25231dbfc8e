import type { Classification } from "../types.js";
import { compileGlobs, normalisePath } from "./glob.js";
import { looksLikeSecret } from "./looks-like-secret.js";
import type { Component, Policy } from "./policy.js";

export interface PathClassification extends Classification {
  /** Secret class: never compressed before encryption. */
  secret: boolean;
}

/**
 * Component, tier and owner of a path. When several components match, the one
 * whose tier is the most critical (lowest level) wins, and among those the one
 * listed first: a broad low-tier glob can never take a file away from a tier-0
 * component. A component without a tier has the environment's tier. With an
 * environment, components limited to other environments are skipped, and a file
 * of no component gets the environment's tier.
 */
export function classifyPath(
  policy: Policy,
  path: string,
  environment?: string,
): PathClassification {
  const normalised = normalisePath(path);
  const environmentTier =
    environment === undefined ? null : (policy.environments[environment]?.tier ?? null);
  let best: { component: Component; level: number } | null = null;
  for (const component of policy.components) {
    if (
      environment !== undefined &&
      component.environments !== null &&
      !component.environments.includes(environment)
    ) {
      continue;
    }
    if (!compileGlobs(component.paths)(normalised)) continue;
    const tier = component.tier ?? environmentTier;
    const level =
      tier === null
        ? Number.POSITIVE_INFINITY
        : (policy.tiers[tier]?.level ?? Number.POSITIVE_INFINITY);
    if (best === null || level < best.level) best = { component, level };
  }
  const secret = looksLikeSecret(normalised) || best?.component.secret === true;
  if (best === null) return { ...(environmentTier ? { tier: environmentTier } : {}), secret };
  const tier = best.component.tier ?? environmentTier;
  return {
    component: best.component.name,
    ...(tier ? { tier } : {}),
    ...(best.component.owner ? { owner: best.component.owner } : {}),
    secret,
  };
}
