import semver from "semver";
import type { ConsistencyOutcome } from "../../types.js";
import { execPolicyRegex } from "../exec-policy-regex.js";
import type { ConsistencyRule, Policy, ValueRef } from "../policy.js";
import { extractValue, type ExtractedValue } from "./extract-value.js";

/** Reads a repository-relative file; null when it does not exist. */
export type ReadRepositoryFile = (path: string) => Promise<Uint8Array | null>;

/** A keyed digest of a value (consistencyValueDigest under the writer key's MAC key). */
export type DigestValue = (value: string) => string;

const OVERRIDE = "or snapshot with --allow-inconsistent to record the failure";

/**
 * Evaluates every consistency rule of the policy against the files as they are
 * now (the snapshot's working tree). Each outcome's message names the files
 * and what to do; missing files and keys are failures. A value read from a
 * file is never in a message (the manifest is readable without a key and the
 * value may be a password): it is shown as its keyed digest.
 */
export async function evaluateConsistency(
  policy: Pick<Policy, "consistency">,
  readFile: ReadRepositoryFile,
  digest: DigestValue,
): Promise<ConsistencyOutcome[]> {
  const outcomes: ConsistencyOutcome[] = [];
  for (const rule of policy.consistency) outcomes.push(await evaluateRule(rule, readFile, digest));
  return outcomes;
}

async function read(ref: ValueRef, readFile: ReadRepositoryFile): Promise<ExtractedValue> {
  const bytes = await readFile(ref.file);
  if (bytes === null)
    return {
      ok: false,
      message: `${ref.file} does not exist`,
      fix: `create it or correct the rule's file`,
    };
  return extractValue(bytes, ref);
}

async function evaluateRule(
  rule: ConsistencyRule,
  readFile: ReadRepositoryFile,
  digest: DigestValue,
): Promise<ConsistencyOutcome> {
  const fail = (message: string): ConsistencyOutcome => ({
    name: rule.name,
    ok: false,
    message: `${rule.name}: ${message}`,
  });
  const pass = (message: string): ConsistencyOutcome => ({
    name: rule.name,
    ok: true,
    message: `${rule.name}: ${message}`,
  });

  const left = await read(rule.left, readFile);
  const right = rule.right === null ? null : await read(rule.right, readFile);
  if (!left.ok && right !== null && !right.ok)
    return fail(`${left.message}, and ${right.message}; ${left.fix}, ${OVERRIDE}.`);
  if (!left.ok) return fail(`${left.message}; ${left.fix}, ${OVERRIDE}.`);
  if (right !== null && !right.ok) return fail(`${right.message}; ${right.fix}, ${OVERRIDE}.`);
  const leftValue = left.value;
  const rightValue = right?.value ?? null;
  const rightWhere = right?.where ?? "";

  /** A value as messages show it: where it was read and its keyed digest. */
  const shown = (where: string, value: string) => `${where} (digest ${digest(value)})`;
  const leftShown = shown(left.where, leftValue);

  switch (rule.rule) {
    case "equal":
      return leftValue === rightValue
        ? pass(`${left.where} and ${rightWhere} are equal (digest ${digest(leftValue)}).`)
        : fail(
            `${leftShown} differs from ${shown(rightWhere, String(rightValue))}; make them equal (update the stale one), ${OVERRIDE}.`,
          );
    case "semver": {
      const version = semver.clean(leftValue, { loose: true });
      if (version === null)
        return fail(
          `${leftShown} is not a semver version; write a version such as 1.4.2, ${OVERRIDE}.`,
        );
      // The rule's own range is policy text and may be shown; a range read from a file may not.
      const range = rightValue ?? rule.range ?? "";
      const source =
        rightValue === null ? `the rule's range '${range}'` : shown(rightWhere, rightValue);
      if (semver.validRange(range, { loose: true }) === null)
        return fail(`${source} is not a semver range; write a range such as ^1.4.0, ${OVERRIDE}.`);
      return semver.satisfies(version, range, { loose: true })
        ? pass(`${leftShown} satisfies ${source}.`)
        : fail(`${leftShown} does not satisfy ${source}; update one of them, ${OVERRIDE}.`);
    }
    case "regex": {
      const match = execPolicyRegex(rule.pattern ?? "", leftValue, `consistency rule ${rule.name}`);
      if (!match)
        return fail(
          `${leftShown} does not match /${rule.pattern ?? ""}/; correct the value or the pattern, ${OVERRIDE}.`,
        );
      if (rightValue === null) return pass(`${leftShown} matches /${rule.pattern ?? ""}/.`);
      const captured = match.group1 ?? match.match;
      return captured === rightValue
        ? pass(`${left.where} gives a capture equal to ${rightWhere} (digest ${digest(captured)}).`)
        : fail(
            `${left.where} gives a capture (digest ${digest(captured)}) that differs from ${shown(rightWhere, rightValue)}; make them agree, ${OVERRIDE}.`,
          );
    }
    default:
      return fail(`unknown rule '${String(rule.rule)}'; use equal, semver or regex.`);
  }
}
