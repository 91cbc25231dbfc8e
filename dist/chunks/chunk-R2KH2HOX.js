import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  looksLikeSecret
} from "./chunk-BXQJ3NVO.js";
import {
  compileGlobs,
  normalisePath
} from "./chunk-R4SSWUCW.js";

// core/policy/default-exclusions.ts
var DEFAULT_EXCLUSIONS = [
  // version control metadata
  "**/.git/**",
  "**/.hg/**",
  "**/.svn/**",
  // dependencies and tool caches
  "**/node_modules/**",
  "**/.terraform/**",
  "**/.terragrunt-cache/**",
  "**/__pycache__/**",
  "**/*.pyc",
  "**/.pytest_cache/**",
  "**/.mypy_cache/**",
  "**/.tox/**",
  "**/.venv/**",
  "**/.gradle/**",
  "**/.cache/**",
  "**/.next/**",
  "**/.nuxt/**",
  // build outputs
  "**/dist/**",
  "**/build/**",
  "**/coverage/**",
  // logs and editor or OS leftovers
  "**/*.log",
  "**/*.tmp",
  "**/*.swp",
  "**/*~",
  "**/.DS_Store",
  "**/Thumbs.db",
  // temporary credentials: short-lived and worthless (or harmful) to restore
  "**/tmp-credentials*",
  "**/.aws/cli/cache/**",
  "**/.aws/sso/cache/**",
  "**/.azure/msal_token_cache.*",
  "**/.config/gcloud/access_tokens.db",
  "**/.docker/.token_seed*"
];

// core/policy/is-excluded-directory.ts
function isExcludedDirectory(policy, dir) {
  const normalised = normalisePath(dir);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    if (rule.startsWith("!")) return false;
    if (rule.endsWith("/**") && compileGlobs([rule.slice(0, -3)])(normalised)) return true;
  }
  return false;
}

// core/policy/classify-path.ts
function classifyPath(policy, path, environment) {
  const normalised = normalisePath(path);
  const environmentTier = environment === void 0 ? null : policy.environments[environment]?.tier ?? null;
  let best = null;
  for (const component of policy.components) {
    if (environment !== void 0 && component.environments !== null && !component.environments.includes(environment)) {
      continue;
    }
    if (!compileGlobs(component.paths)(normalised)) continue;
    const tier2 = component.tier ?? environmentTier;
    const level = tier2 === null ? Number.POSITIVE_INFINITY : policy.tiers[tier2]?.level ?? Number.POSITIVE_INFINITY;
    if (best === null || level < best.level) best = { component, level };
  }
  const secret = looksLikeSecret(normalised) || best?.component.secret === true;
  if (best === null) return { ...environmentTier ? { tier: environmentTier } : {}, secret };
  const tier = best.component.tier ?? environmentTier;
  return {
    component: best.component.name,
    ...tier ? { tier } : {},
    ...best.component.owner ? { owner: best.component.owner } : {},
    secret
  };
}

// core/policy/is-excluded.ts
function isExcluded(policy, path) {
  const normalised = normalisePath(path);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    const negated = rule.startsWith("!");
    if (compileGlobs([negated ? rule.slice(1) : rule])(normalised)) return !negated;
  }
  return false;
}

export {
  classifyPath,
  isExcluded,
  isExcludedDirectory
};
