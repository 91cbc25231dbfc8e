import { asSnapgateError } from "../errors.js";
import type { PolicyProblem } from "../policy/policy-problem.js";
import { formatPolicyProblem } from "../policy/policy-problem.js";
import type { GateDecision } from "./gate-decision.js";

/**
 * The gate's answer when the policy itself cannot be loaded: a failure whose
 * one condition says where and how to fix the policy (the check run of an
 * invalid policy must say so, never pass).
 */
export function policyErrorDecision(environment: string, error: unknown): GateDecision {
  const failure = asSnapgateError(error);
  const problems = (failure.details["problems"] as PolicyProblem[] | undefined) ?? [];
  const detail =
    problems.length > 0 ? problems.map(formatPolicyProblem).join("\n") : failure.message;
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy cannot be used.",
    conditions: [
      {
        name: "policy",
        state: "fail",
        detail,
        fix:
          failure.fix ??
          "Fix .github/snapgate.yml on the default branch; docs/policy.md describes every key.",
        paths: [...new Set(problems.map((problem) => problem.file))],
        ...(problems.length > 0
          ? {
              locations: problems.map((problem) => ({
                file: problem.file,
                line: problem.line,
                message: formatPolicyProblem(problem),
              })),
            }
          : {}),
      },
    ],
  };
}
