/**
 * The ruleset rule types the sandbox enforces on ref moves. `addRuleset`
 * refuses any other by name, so a test never believes a rule holds that the
 * sandbox silently ignores.
 */
export const ENFORCED_RULE_TYPES: ReadonlySet<string> = new Set([
  "creation",
  "deletion",
  "non_fast_forward",
  "update",
  "required_linear_history",
  "pull_request",
  "required_signatures",
]);
