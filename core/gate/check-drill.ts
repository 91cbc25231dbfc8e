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
  if (age > interval)
    return condition(
      "fail",
      `The last passing drill is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}.`,
      fix,
    );
  const drilled = `Drilled ${formatDuration(age)} ago (${drill.path}).`;
  if (!tier.drillSignoff) return condition("pass", drilled, null);
  return checkSignoff(input, tier, interval, drilled, condition);
}

/** drill_signoff: a passing drill within the interval signed off by ops and, separately, security. */
function checkSignoff(
  input: GateInput,
  tier: Tier,
  interval: number,
  drilled: string,
  condition: (state: GateCondition["state"], detail: string, fix: string | null) => GateCondition,
): GateCondition {
  const signoff = input.drill?.signoff;
  if (signoff === undefined)
    return condition("unknown", "The drill sign-offs were not read.", "Run the gate again.");
  if (signoff === null)
    return condition("fail", `${tier.name} needs a signed-off drill; no drill passed.`, null);
  const command = `/snapgate signoff ${signoff.path}`;
  const date = signoff.time.slice(0, 10);
  if (!signoff.trusted)
    return condition(
      "fail",
      `The drill ${signoff.path} cannot be trusted, so its sign-offs do not count.`,
      `Investigate who wrote ${signoff.path}; drill again and have it signed off.`,
    );
  const age = Math.max(0, input.now.getTime() - Date.parse(signoff.time));
  if (age > interval)
    return condition(
      "fail",
      `The newest signed-off drill (${date}) is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}. ${drilled}`,
      `Ask someone in roles.ops and someone in roles.security to sign off the newest passing drill (comment \`/snapgate signoff <drill>\` on any issue or pull request).`,
    );
  const missing = (["ops", "security"] as const).filter((role) => signoff.by[role] === null);
  if (missing.length > 0) {
    const untrusted = signoff.untrusted.length
      ? ` (not counted, cannot be trusted: ${signoff.untrusted.join("; ")})`
      : "";
    return condition(
      "fail",
      `Drill ${signoff.path} on ${date} lacks ${missing.map((role) => (role === "ops" ? "an ops" : "a security")).join(" and ")} sign-off${untrusted}.`,
      missing.map((role) => `Ask someone in role ${role} to comment \`${command}\`.`).join(" "),
    );
  }
  const ops = signoff.by.ops!;
  const security = signoff.by.security!;
  if (ops.login.toLowerCase() === security.login.toLowerCase())
    return condition(
      "fail",
      `Drill ${signoff.path} is signed off for ops and security by the same person (@${ops.login}).`,
      `Ask someone else in role security to sign off a drill.`,
    );
  return condition(
    "pass",
    `${drilled} Drill ${signoff.path} (${date}) is signed off by @${ops.login} (ops) and @${security.login} (security).`,
    null,
  );
}
