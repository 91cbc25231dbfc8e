import { SnapgateError } from "../errors.js";
import { classifyPath } from "./classify-path.js";
import { evaluateExceptions } from "./evaluate-exceptions.js";
import { compileGlobs, normalisePath } from "./glob.js";
import { isExcluded } from "./is-excluded.js";
import { looksLikeSecret } from "./looks-like-secret.js";
import type { Policy } from "./policy.js";
import { judgeCoverage } from "./judge-coverage.js";

export interface TierCoverage {
  tier: string;
  level: number;
  /** In-scope files of the tier. */
  files: number;
  covered: number;
  /** In-scope files in no component and no active exception. */
  uncovered: string[];
  /** Files in no component but in an active exception. */
  excepted: string[];
}

export interface CoverageReport {
  environment: string;
  tiers: TierCoverage[];
  /** component -> number of files it holds. */
  components: Record<string, number>;
  /** Required (tier-0) components that hold no file. */
  missingComponents: string[];
  excluded: string[];
  /** Files outside the environment's `paths` (with scope "all": none, every file is judged). */
  outOfScope: string[];
  /** Files that look like secrets but belong to no component. */
  secretsOutsideComponents: string[];
  uncoveredTier0: string[];
  /**
   * True when a tier-0 path is uncovered or a required component has no file
   * (`snapgate coverage` exits non-zero; judgeCoverage, as the gate decides).
   */
  failed: boolean;
}

export interface CoverageReportOptions {
  now?: Date;
  /**
   * "environment" (the default, for a checkout): files outside the
   * environment's `paths` are listed as out of scope, not judged. "all": every
   * file is judged, as a snapshot judges every file it holds, whatever paths
   * named it: a tier-0 file backed up is never out of scope.
   */
  scope?: "environment" | "all";
}

/**
 * What of `paths` (repository-relative, e.g. from walking the checkout) the
 * policy covers for one environment, per tier. Files in no component take the
 * environment's tier; an active exception covers them, an expired one does not.
 */
export function coverageReport(
  policy: Policy,
  environment: string,
  paths: readonly string[],
  options: CoverageReportOptions = {},
): CoverageReport {
  const environmentPolicy = policy.environments[environment];
  if (!environmentPolicy) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`,
    });
  }
  const inScope =
    environmentPolicy.paths === null || options.scope === "all"
      ? () => true
      : compileGlobs(environmentPolicy.paths);
  const exceptions = evaluateExceptions(policy, options.now ?? new Date(), { environment });
  const activeExceptionGlobs = exceptions.exceptions
    .filter((status) => status.state !== "expired")
    .flatMap((status) => status.exception.paths);
  const excepted = compileGlobs(activeExceptionGlobs);

  const tiers = new Map<string, TierCoverage>();
  const tierEntry = (name: string): TierCoverage => {
    let entry = tiers.get(name);
    if (!entry) {
      entry = {
        tier: name,
        level: policy.tiers[name]?.level ?? 0,
        files: 0,
        covered: 0,
        uncovered: [],
        excepted: [],
      };
      tiers.set(name, entry);
    }
    return entry;
  };
  const components: Record<string, number> = {};
  const report: CoverageReport = {
    environment,
    tiers: [],
    components,
    missingComponents: [],
    excluded: [],
    outOfScope: [],
    secretsOutsideComponents: [],
    uncoveredTier0: [],
    failed: false,
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
    if (classification.component !== undefined) {
      entry.covered += 1;
      components[classification.component] = (components[classification.component] ?? 0) + 1;
      continue;
    }
    if (looksLikeSecret(raw)) report.secretsOutsideComponents.push(raw);
    if (excepted(raw)) entry.excepted.push(raw);
    else entry.uncovered.push(raw);
  }

  report.tiers = [...tiers.values()].sort(
    (a, b) => a.level - b.level || a.tier.localeCompare(b.tier),
  );
  const judgement = judgeCoverage(
    policy,
    environment,
    Object.keys(components),
    report.tiers.filter((tier) => tier.level === 0).flatMap((tier) => tier.uncovered),
  );
  report.missingComponents = judgement.missingComponents;
  report.uncoveredTier0 = judgement.uncoveredTier0 ?? [];
  report.failed = judgement.state !== "pass";
  return report;
}
