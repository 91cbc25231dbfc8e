import picomatch from "picomatch";
import type { RepoRecord, RulesetRecord } from "../state/entities.js";

function matches(pattern: string, repo: RepoRecord, ref: string): boolean {
  if (pattern === "~ALL") return true;
  if (pattern === "~DEFAULT_BRANCH") return ref === `refs/heads/${repo.defaultBranch}`;
  return picomatch.isMatch(ref, pattern, { dot: true });
}

/** Whether a ruleset's target and ref conditions select `ref` (a full name, "refs/heads/main"). */
export function rulesetApplies(repo: RepoRecord, ruleset: RulesetRecord, ref: string): boolean {
  const prefix = ruleset.target === "tag" ? "refs/tags/" : "refs/heads/";
  if (!ref.startsWith(prefix)) return false;
  if (!ruleset.include.some((pattern) => matches(pattern, repo, ref))) return false;
  return !ruleset.exclude.some((pattern) => matches(pattern, repo, ref));
}
