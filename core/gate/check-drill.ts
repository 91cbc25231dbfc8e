import { formatDuration } from "../policy/parse-duration.js";
import type { Tier } from "../policy/policy.js";
import type { GateCondition, GateInput } from "./gate-decision.js";

/**
 * The `drill` condition, for tiers with drill_interval: the newest drill of
 * the environment passed, is signed by a writer key of the policy, and is no
 * older than the interval. A newer failing drill is not made up for by an
 * older passing one. Not gathered is unknown, and unknown fails.
 */
export function checkDrill(input: GateInput, tier: Tier): GateCondition | null {
  const interval = tier.drillIntervalMs;
  if (interval === undefined) return null;
  const env = input.environment;
  const fix = `Run a drill of ${env} (\`snapgate drill --env ${env} --identity FILE --writer-key FILE --validate "CMD"\`), or the scheduled drill workflow.`;
  const condition = (state: GateCondition["state"], detail: string, fixText: string | null) => ({
    name: "drill" as const,
    state,
    detail,
    fix: state === "pass" ? null : fixText,
  });
  const drill = input.drill;
  if (drill === undefined) return condition("unknown", "The drills were not read.", fix);
  if (drill === null)
    return condition(
      "fail",
      `${tier.name} needs a passing drill every ${formatDuration(interval)}; none is recorded.`,
      fix,
    );
  if (!drill.trusted)
    return condition(
      "fail",
      `The newest drill cannot be trusted: ${drill.detail ?? "its signature does not verify"}.`,
      `Investigate who wrote ${drill.path}; then ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
    );
  if (!drill.ok)
    return condition(
      "fail",
      `The newest drill (${drill.time}, snapshot ${drill.snapshot.slice(0, 12)}) failed${drill.detail ? `: ${drill.detail}` : ""}.`,
      `Fix what it found (${drill.path} lists its gaps and the validation output), then drill again.`,
    );
  const age = Math.max(0, input.now.getTime() - Date.parse(drill.time));
  if (Number.isNaN(age))
    return condition("unknown", `The drill time '${drill.time}' cannot be read.`, fix);
  return age > interval
    ? condition(
        "fail",
        `The last passing drill is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}.`,
        fix,
      )
    : condition("pass", `Drilled ${formatDuration(age)} ago (${drill.path}).`, null);
}
