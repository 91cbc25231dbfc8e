import type { Policy } from "./policy.js";
import { requiredComponents } from "./required-components.js";

export interface CoverageJudgement {
  /** fail: a required component has no file or a tier-0 path is uncovered; unknown: not recorded. */
  state: "pass" | "fail" | "unknown";
  /** Required (tier-0) components of the environment with no file. */
  missingComponents: string[];
  /** Tier-0 paths in no component and no active exception; null = not recorded. */
  uncoveredTier0: string[] | null;
}

/**
 * The one coverage decision: `snapgate coverage` (on a checkout) and the gate
 * (on a snapshot's recorded facts) both call it, so they cannot disagree on
 * the same files.
 */
export function judgeCoverage(
  policy: Policy,
  environment: string,
  components: Iterable<string>,
  uncoveredTier0: readonly string[] | null,
): CoverageJudgement {
  const present = new Set(components);
  const missingComponents = requiredComponents(policy, environment).filter(
    (name) => !present.has(name),
  );
  const uncovered = uncoveredTier0 === null ? null : [...uncoveredTier0];
  const state =
    missingComponents.length > 0 || (uncovered?.length ?? 0) > 0
      ? "fail"
      : uncovered === null
        ? "unknown"
        : "pass";
  return { state, missingComponents, uncoveredTier0: uncovered };
}
