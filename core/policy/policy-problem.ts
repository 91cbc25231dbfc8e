/** One thing wrong with a policy: where it is and how to fix it. */
export interface PolicyProblem {
  /** The file as shown to users: a local path or owner/repo:path. */
  file: string;
  /** 1-based line, or null when the key is missing and has no better place. */
  line: number | null;
  /** JSON path, e.g. tiers.tier0.max_age or components[1].paths[0]; "" for the whole file. */
  path: string;
  message: string;
  fix: string;
}

/** `.github/snapgate.yml:12 tiers.tier0.max_age: '24' is not a duration; write e.g. 24h` */
export function formatPolicyProblem(problem: PolicyProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const subject = problem.path === "" ? "" : ` ${problem.path}:`;
  return `${where}${subject} ${problem.message}; ${problem.fix}`;
}

/** A problem before it is placed in a file: the JSON path, what is wrong, the fix. */
export interface PolicyIssue {
  path: (string | number)[];
  message: string;
  fix: string;
}
