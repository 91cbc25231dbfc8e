import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  evaluateExceptions
} from "./chunk-IBXZMUQC.js";
import {
  classifyPath,
  isExcluded
} from "./chunk-R2KH2HOX.js";
import {
  judgeCoverage
} from "./chunk-73STOSWY.js";
import {
  looksLikeSecret
} from "./chunk-BXQJ3NVO.js";
import {
  compileGlobs,
  normalisePath
} from "./chunk-R4SSWUCW.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/coverage-report.ts
function coverageReport(policy, environment, paths, options = {}) {
  const environmentPolicy = policy.environments[environment];
  if (!environmentPolicy) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  const inScope = environmentPolicy.paths === null || options.scope === "all" ? () => true : compileGlobs(environmentPolicy.paths);
  const exceptions = evaluateExceptions(policy, options.now ?? /* @__PURE__ */ new Date(), { environment });
  const activeExceptionGlobs = exceptions.exceptions.filter((status) => status.state !== "expired").flatMap((status) => status.exception.paths);
  const excepted = compileGlobs(activeExceptionGlobs);
  const tiers = /* @__PURE__ */ new Map();
  const tierEntry = (name) => {
    let entry = tiers.get(name);
    if (!entry) {
      entry = {
        tier: name,
        level: policy.tiers[name]?.level ?? 0,
        files: 0,
        covered: 0,
        uncovered: [],
        excepted: []
      };
      tiers.set(name, entry);
    }
    return entry;
  };
  const components = {};
  const report = {
    environment,
    tiers: [],
    components,
    missingComponents: [],
    excluded: [],
    outOfScope: [],
    secretsOutsideComponents: [],
    uncoveredTier0: [],
    failed: false
  };
  for (const raw of [...new Set(paths.map(normalisePath))].sort()) {
    if (isExcluded(policy, raw)) {
      report.excluded.push(raw);
      continue;
    }
    if (!inScope(raw)) {
      report.outOfScope.push(raw);
      continue;
    }
    const classification = classifyPath(policy, raw, environment);
    const entry = tierEntry(classification.tier ?? environmentPolicy.tier);
    entry.files += 1;
    if (classification.component !== void 0) {
      entry.covered += 1;
      components[classification.component] = (components[classification.component] ?? 0) + 1;
      continue;
    }
    if (looksLikeSecret(raw)) report.secretsOutsideComponents.push(raw);
    if (excepted(raw)) entry.excepted.push(raw);
    else entry.uncovered.push(raw);
  }
  report.tiers = [...tiers.values()].sort(
    (a, b) => a.level - b.level || a.tier.localeCompare(b.tier)
  );
  const judgement = judgeCoverage(
    policy,
    environment,
    Object.keys(components),
    report.tiers.filter((tier) => tier.level === 0).flatMap((tier) => tier.uncovered)
  );
  report.missingComponents = judgement.missingComponents;
  report.uncoveredTier0 = judgement.uncoveredTier0 ?? [];
  report.failed = judgement.state !== "pass";
  return report;
}

export {
  coverageReport
};
