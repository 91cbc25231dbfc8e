import type { Policy } from "../../core/policy/policy.js";
import type { ConsistencyOutcome, ManifestCoverage } from "../../core/types.js";
import type { Annotation } from "../lib/annotation.js";

/**
 * Annotations on the files behind consistency and coverage findings:
 * failing rules on both files they compare (errors when they refused the
 * snapshot, else warnings: the gate will fail), tier-0 files in no component
 * and missing required components (errors: the gate will fail), secret-looking
 * files in no component (warnings).
 */
export function snapshotAnnotations(
  policy: Policy,
  policyFile: string,
  findings: { consistency: readonly ConsistencyOutcome[]; coverage?: ManifestCoverage },
  refused: boolean,
): Annotation[] {
  const annotations: Annotation[] = [];
  for (const outcome of findings.consistency.filter((o) => !o.ok)) {
    const rule = policy.consistency.find((r) => r.name === outcome.name);
    const files = rule ? [rule.left.file, ...(rule.right ? [rule.right.file] : [])] : [policyFile];
    for (const file of [...new Set(files)]) {
      annotations.push({
        level: refused ? "error" : "warning",
        title: `Consistency rule ${outcome.name} fails`,
        message: `${outcome.message}${refused ? " No snapshot was written." : " Recorded in the snapshot: the gate fails until a consistent snapshot exists."}`,
        file,
      });
    }
  }
  const coverage = findings.coverage;
  if (!coverage) return annotations;
  for (const file of coverage.uncoveredTier0Paths) {
    annotations.push({
      level: "error",
      title: "Tier-0 file in no component",
      message: `${file} is tier-0 but belongs to no component of ${policyFile}: the gate fails. Add it to a component (or an exception).`,
      file,
    });
  }
  for (const component of coverage.missingComponents) {
    annotations.push({
      level: "error",
      title: "Required component without files",
      message: `The required component ${component} has no file in this snapshot: the gate fails. Check its paths in ${policyFile} and the snapshot's paths.`,
      file: policyFile,
    });
  }
  for (const file of coverage.secretsOutsideComponents) {
    annotations.push({
      level: "warning",
      title: "Secret-looking file in no component",
      message: `${file} looks like a secret and belongs to no component: give it an owner in ${policyFile}.`,
      file,
    });
  }
  return annotations;
}
