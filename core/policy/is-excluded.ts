import { DEFAULT_EXCLUSIONS } from "./default-exclusions.js";
import { compileGlobs, normalisePath } from "./glob.js";
import type { Policy } from "./policy.js";

/**
 * True when a path is not backed up: the default list, then the policy's
 * `exclude`, the last matching glob deciding (a `!glob` takes a path back in),
 * as in .gitignore.
 */
export function isExcluded(policy: Pick<Policy, "exclude">, path: string): boolean {
  const normalised = normalisePath(path);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index] as string;
    const negated = rule.startsWith("!");
    if (compileGlobs([negated ? rule.slice(1) : rule])(normalised)) return !negated;
  }
  return false;
}
