import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/policy-source.ts
function formatPolicyRef(ref, entry) {
  const sameRepo = ref.owner === entry.owner && ref.repo === entry.repo;
  if (sameRepo || ref.repo === void 0) return ref.path;
  return ref.owner === void 0 ? `${ref.repo}:${ref.path}` : `${ref.owner}/${ref.repo}:${ref.path}`;
}

export {
  formatPolicyRef
};
