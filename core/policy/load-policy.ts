import { SnapgateError } from "../errors.js";
import { checkPolicySemantics } from "./check-policy-semantics.js";
import { formatJsonPath } from "./json-path.js";
import { locateYamlLine } from "./locate-yaml-line.js";
import { normalisePolicy } from "./normalise-policy.js";
import type { Policy } from "./policy.js";
import { formatPolicyProblem, type PolicyIssue, type PolicyProblem } from "./policy-problem.js";
import { policySchemaValidator } from "./policy-schema-validator.js";
import type { PolicyRef, PolicySource } from "./policy-source.js";
import { resolvePolicyFiles, type PolicyFile } from "./resolve-policy-files.js";
import { translateSchemaErrors } from "./translate-schema-errors.js";

import { DEFAULT_POLICY_PATH } from "./default-policy-path.js";

export { DEFAULT_POLICY_PATH };

/**
 * Reads, merges, validates and normalises a policy:
 * YAML -> `_extends` chain (shallow merge, Probot style) -> JSON schema ->
 * semantic checks -> typed Policy. Every problem of every file is collected;
 * if there is any, one SnapgateError("CONFIG") is thrown whose message lists
 * them as `file:line path: what; fix` and whose details.problems holds them.
 */
export async function loadPolicy(
  source: PolicySource,
  entry: Partial<PolicyRef> = {},
): Promise<Policy> {
  const entryRef: PolicyRef = { ...entry, path: entry.path ?? DEFAULT_POLICY_PATH };
  const { files, problems } = await resolvePolicyFiles(source, entryRef);
  const entryFile = files[0] as PolicyFile;
  if (problems.length > 0 || files.some((file) => file.data === null)) throw policyError(problems);

  // Shallow merge: a top-level key of a file replaces the same key of what it extends.
  const merged: Record<string, unknown> = {};
  const keyOwner = new Map<string, PolicyFile>();
  for (const file of [...files].reverse()) {
    for (const [key, value] of Object.entries(file.data as Record<string, unknown>)) {
      merged[key] = value;
      keyOwner.set(key, file);
    }
  }

  const place = (issue: PolicyIssue): PolicyProblem => {
    const top = issue.path[0];
    const file = (typeof top === "string" ? keyOwner.get(top) : undefined) ?? entryFile;
    return {
      file: file.display,
      line: locateYamlLine(file.document, file.lineCounter, issue.path),
      path: formatJsonPath(issue.path),
      message: issue.message,
      fix: issue.fix,
    };
  };

  const validate = policySchemaValidator();
  const issues: PolicyIssue[] = validate(merged)
    ? []
    : translateSchemaErrors(validate.errors ?? [], merged);
  const seen = new Set(issues.map((issue) => formatJsonPath(issue.path)));
  for (const issue of checkPolicySemantics(merged)) {
    const key = formatJsonPath(issue.path);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  if (issues.length > 0) throw policyError(issues.map(place));
  return normalisePolicy(
    merged,
    files.map((file) => file.display),
  );
}

function policyError(problems: PolicyProblem[]): SnapgateError {
  const sorted = [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.path.localeCompare(b.path),
  );
  const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
  return new SnapgateError(
    "CONFIG",
    `The Snapgate policy has ${count}:\n${sorted.map(formatPolicyProblem).join("\n")}\n`,
    {
      fix: "Fix each line above where it points; docs/policy.md describes every key.",
      details: { problems: sorted },
    },
  );
}
