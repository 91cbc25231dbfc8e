import { Script, createContext } from "node:vm";
import { SnapgateError } from "../errors.js";

/**
 * How long one policy regular expression may run. Far more than a sane pattern
 * needs on a config value or a ticket id; a backtracking one such as (a+)+$ is
 * stopped instead of holding the snapshot (or the gate) for minutes.
 */
export const POLICY_REGEX_TIMEOUT_MS = 250;

export interface PolicyRegexMatch {
  /** The whole match. */
  match: string;
  /** The first capture group, when it took part in the match. */
  group1?: string;
}

// Node 20 has no linear-time RegExp engine by default, so policy patterns run in
// a vm context whose timeout interrupts even a backtracking match.
const context = createContext(Object.create(null) as object);
const script = new Script(
  "(() => { const m = new RegExp(pattern, 'u').exec(input); return m === null ? null : [m[0], m[1]]; })()",
);

/**
 * Runs a pattern from the policy (a consistency rule's, the change-ticket
 * one) on a value, with a time limit; a timeout is a POLICY error naming the
 * pattern and `what` it belongs to, never the value.
 */
export function execPolicyRegex(
  pattern: string,
  input: string,
  what: string,
): PolicyRegexMatch | null {
  Object.assign(context, { pattern, input });
  let result: [string, string | undefined] | null;
  try {
    result = script.runInContext(context, { timeout: POLICY_REGEX_TIMEOUT_MS }) as
      [string, string | undefined] | null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw error;
    throw new SnapgateError(
      "POLICY",
      `The pattern /${pattern}/ of ${what} ran for more than ${POLICY_REGEX_TIMEOUT_MS} ms on a value of ${input.length} characters and was stopped.`,
      {
        fix: "Simplify the pattern in the policy: nested quantifiers such as (a+)+ and alternatives that overlap such as (a|ab)* take exponential time; anchor it (^...$) and let each part match only one way.",
        details: { pattern },
      },
    );
  } finally {
    Object.assign(context, { pattern: undefined, input: undefined });
  }
  if (result === null) return null;
  const [match, group1] = result;
  return group1 === undefined ? { match } : { match, group1 };
}
