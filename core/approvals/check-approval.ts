import { SnapgateError } from "../errors.js";
import type { Sodium } from "../crypto/sodium.js";
import type { ApprovalRequest, RequestAction } from "./approval-request.js";
import { requestDigest } from "./request-digest.js";
import { assertRequestSigned } from "./request-signature.js";

export interface ApprovalExpectation {
  action: RequestAction;
  environment: string;
  /** Exactly the snapshots about to be acted on. */
  snapshots: readonly string[];
  policyDigest: string | null;
  /**
   * Restore only: exactly the path globs about to be restored (empty: every
   * path). Compared as a set with the request's `subject.paths`.
   */
  paths?: readonly string[];
  /** Distinct approvers the tier needs (the requester excluded). */
  requiredApprovals: number;
  /** The policy's app verify keys (keys.app): the record must be signed by one of them. */
  appKeys: readonly string[];
  now: Date;
}

export interface ApprovalCheck {
  /** Distinct approvers that count. */
  approvers: string[];
}

/**
 * Checks that a request record allows exactly this action now: signed by an
 * app key of the policy (else an INTEGRITY error, before anything it says is
 * looked at), approved,
 * unexpired, bound (by its digest) to this action, environment, exactly these
 * snapshots (and, for a restore, exactly these paths) and this policy, with enough approvals by distinct users other
 * than the requester (bots never count), each approval carrying the request's digest and made
 * while the request was open. Every reason it does not is listed in one
 * POLICY error. Who may approve (roles, live team membership) is the app's
 * check when it records the approval; this checks the record.
 */
export function checkApproval(
  sodium: Sodium,
  request: ApprovalRequest,
  expected: ApprovalExpectation,
): ApprovalCheck {
  assertRequestSigned(sodium, request, expected.appKeys);
  const problems: string[] = [];
  const digest = requestDigest(request);
  if (request.digest !== digest)
    problems.push("its digest does not match its contents (the record was altered after approval)");
  if (request.state !== "approved") problems.push(`its state is ${request.state}, not approved`);
  if (request.action !== expected.action)
    problems.push(`it asks to ${request.action}, not to ${expected.action}`);
  if (request.subject.environment !== expected.environment)
    problems.push(
      `it is for environment ${request.subject.environment}, not ${expected.environment}`,
    );
  const asked = new Set(request.subject.snapshots);
  const wanted = new Set(expected.snapshots);
  const extra = [...asked].filter((id) => !wanted.has(id));
  const missing = [...wanted].filter((id) => !asked.has(id));
  if (missing.length > 0)
    problems.push(`it does not cover ${missing.length} snapshot(s): ${shortList(missing)}`);
  if (extra.length > 0)
    problems.push(
      `it names ${extra.length} snapshot(s) not being ${expected.action === "forget" ? "forgotten" : "restored"}: ${shortList(extra)}`,
    );
  if (expected.paths !== undefined) {
    const askedPaths = new Set(request.subject.paths ?? []);
    const wantedPaths = new Set(expected.paths);
    const same =
      askedPaths.size === wantedPaths.size &&
      [...wantedPaths].every((path) => askedPaths.has(path));
    if (!same)
      problems.push(`it covers ${describePaths(askedPaths)}, not ${describePaths(wantedPaths)}`);
  }
  if (request.subject.policyDigest !== expected.policyDigest)
    problems.push("it was approved under another version of the policy");
  const created = Date.parse(request.createdAt);
  const expires = Date.parse(request.expiresAt);
  const now = expected.now.getTime();
  if (!(now < expires)) problems.push(`it expired at ${request.expiresAt}`);
  if (now < created) problems.push(`it was created in the future (${request.createdAt})`);

  const counted = new Map<number, string>();
  for (const approval of request.approvals) {
    const at = Date.parse(approval.at);
    if (approval.user.id === request.requester.id) continue; // separation of duties
    if (approval.user.login.endsWith("[bot]")) continue; // bots never count
    if (approval.digest !== digest) continue;
    if (at < created || at >= expires || at > now) continue;
    counted.set(approval.user.id, approval.user.login);
  }
  if (counted.size < expected.requiredApprovals) {
    problems.push(
      `it has ${counted.size} valid approval(s) by distinct users other than the requester; the tier needs ${expected.requiredApprovals}`,
    );
  }
  if (problems.length > 0) {
    throw new SnapgateError(
      "POLICY",
      `Request ${request.id} does not allow this ${expected.action}: ${problems.join("; ")}.`,
      {
        fix: `Ask for a new ${expected.action} request through the app for exactly these snapshots, and have it approved by ${expected.requiredApprovals} other people.`,
        details: { request: request.id, problems },
      },
    );
  }
  return { approvers: [...counted.values()] };
}

function describePaths(paths: ReadonlySet<string>): string {
  return paths.size === 0 ? "every path" : `the paths ${[...paths].sort().join(" ")}`;
}

function shortList(ids: readonly string[]): string {
  return (
    ids
      .slice(0, 3)
      .map((id) => id.slice(0, 12))
      .join(", ") + (ids.length > 3 ? ", ..." : "")
  );
}
