import { DEFAULT_EXCLUSIONS } from "./default-exclusions.js";
import { compileGlobs, normalisePath } from "./glob.js";
import type { Policy } from "./policy.js";

/**
 * True when every path below the directory is excluded, so a walk can skip it
 * (and report `dir/` once instead of each file of a node_modules). Only a rule
 * `X/**` whose X matches counts, and only when no `!glob` comes after it: a
 * later negation could take some file below back in.
 */
export function isExcludedDirectory(policy: Pick<Policy, "exclude">, dir: string): boolean {
  const normalised = normalisePath(dir);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index] as string;
    if (rule.startsWith("!")) return false;
    if (rule.endsWith("/**") && compileGlobs([rule.slice(0, -3)])(normalised)) return true;
  }
  return false;
}
