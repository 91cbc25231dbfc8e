import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/policy-problem.ts
function formatPolicyProblem(problem) {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const subject = problem.path === "" ? "" : ` ${problem.path}:`;
  return `${where}${subject} ${problem.message}; ${problem.fix}`;
}

export {
  formatPolicyProblem
};
