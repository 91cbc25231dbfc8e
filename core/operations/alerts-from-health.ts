import type { EnvironmentHealth } from "./environment-health.js";
import type { HealthAlert } from "./health-alert.js";

/** What a problem is about, apart from the clock: its alert issue is rewritten when this changes. */
function revisionOf(health: EnvironmentHealth, kind: string): string | undefined {
  switch (kind) {
    case "late":
      return `latest ${health.latest?.id ?? "none"}`;
    case "failures":
      return `streak ${health.streak?.length ?? 0} since ${health.streak?.since ?? ""}`;
    case "drill-failed":
      return `drill ${health.lastDrill?.time ?? ""}`;
    case "coverage":
      return `missing ${health.coverage.missingComponents.join(",")} tier0 ${health.coverage.uncoveredTier0}`;
    case "drift":
      return health.drift
        ? `drift +${health.drift.added} -${health.drift.removed} ~${health.drift.changed}`
        : undefined;
    default:
      return undefined;
  }
}

/** Each health problem of each environment, as an alert that should be open. */
export function alertsFromHealth(results: readonly EnvironmentHealth[]): HealthAlert[] {
  return results.flatMap((health) =>
    health.problems.map((problem) => {
      const revision = revisionOf(health, problem.kind);
      return {
        environment: health.environment,
        problem: problem.kind,
        message: problem.message,
        fix: problem.fix,
        ...(revision !== undefined ? { revision } : {}),
      };
    }),
  );
}
