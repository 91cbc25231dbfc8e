import { describe, expect, it } from "@jest/globals";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { checkApproval, type ApprovalExpectation } from "../../../core/approvals/check-approval.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import { isSnapgateError } from "../../../core/errors.js";

const A = "a".repeat(64);
const B = "b".repeat(64);
const NOW = new Date("2026-11-26T12:00:00Z");

function request(changes: Partial<Omit<ApprovalRequest, "digest">> = {}): ApprovalRequest {
  const base: Omit<ApprovalRequest, "digest"> = {
    format: "snapgate.request/v1",
    id: "req-1",
    action: "forget",
    subject: { environment: "prod", snapshots: [B, A], policyDigest: null },
    requester: { id: 1, login: "alice" },
    createdAt: "2026-11-26T10:00:00Z",
    expiresAt: "2026-11-26T14:00:00Z",
    approvals: [],
    state: "approved",
    ...changes,
  };
  const digest = requestDigest(base);
  return {
    ...base,
    approvals: (
      changes.approvals ?? [
        { user: { id: 2, login: "bob" }, at: "2026-11-26T11:00:00Z", digest: "" },
        { user: { id: 3, login: "carol" }, at: "2026-11-26T11:30:00Z", digest: "" },
      ]
    ).map((approval) => ({ ...approval, digest: approval.digest || digest })),
    digest,
  };
}

const expected: ApprovalExpectation = {
  action: "forget",
  environment: "prod",
  snapshots: [A, B],
  policyDigest: null,
  requiredApprovals: 2,
  now: NOW,
};

const problemsOf = (value: ApprovalRequest, expectation = expected): string[] => {
  try {
    checkApproval(value, expectation);
    return [];
  } catch (error) {
    if (!isSnapgateError(error, "POLICY")) throw error;
    return error.details.problems as string[];
  }
};

describe("checkApproval", () => {
  it("accepts an approved request bound to exactly these snapshots, in any order", () => {
    expect(checkApproval(request(), expected)).toEqual({ approvers: ["bob", "carol"] });
  });

  it("binds the digest to the snapshot set, not their order", () => {
    expect(requestDigest(request())).toBe(
      requestDigest(
        request({ subject: { environment: "prod", snapshots: [A, B], policyDigest: null } }),
      ),
    );
  });

  it.each([
    ["another environment", { environment: "staging" }, "it is for environment prod, not staging"],
    [
      "more snapshots than asked for",
      { snapshots: [A] },
      "it names 1 snapshot(s) not being forgotten",
    ],
    ["fewer snapshots", { snapshots: [A, B, "c".repeat(64)] }, "it does not cover 1 snapshot(s)"],
    [
      "another policy",
      { policyDigest: `sha256:${"d".repeat(64)}` },
      "another version of the policy",
    ],
    ["a higher bar", { requiredApprovals: 3 }, "it has 2 valid approval(s)"],
    [
      "a time before it was created",
      { now: new Date("2026-11-26T09:00:00Z") },
      "created in the future",
    ],
  ] as const)("refuses %s", (_name, change, message) => {
    const problems = problemsOf(request(), { ...expected, ...change });
    expect(problems.join("; ")).toContain(message);
  });

  it("does not count approvals made outside the request's life or after now", () => {
    const late = request({
      approvals: [
        { user: { id: 2, login: "bob" }, at: "2026-11-26T09:00:00Z", digest: "" },
        { user: { id: 3, login: "carol" }, at: "2026-11-26T13:00:00Z", digest: "" },
      ],
    });
    expect(problemsOf(late)).toEqual([
      "it has 0 valid approval(s) by distinct users other than the requester; the tier needs 2",
    ]);
  });

  it("lists every problem at once (approvals count against the digest of the contents)", () => {
    const bad = {
      ...request({ state: "denied", action: "restore" }),
      digest: `sha256:${"0".repeat(64)}`,
    };
    expect(problemsOf(bad)).toEqual([
      "its digest does not match its contents (the record was altered after approval)",
      "its state is denied, not approved",
      "it asks to restore, not to forget",
    ]);
  });
});

describe("checkApproval of a restore: bound to exactly the paths", () => {
  const restore = (paths?: string[]) =>
    request({
      action: "restore",
      subject: {
        environment: "prod",
        snapshots: [A],
        policyDigest: null,
        ...(paths ? { paths } : {}),
      },
    });
  const restoring = (paths: string[]): ApprovalExpectation => ({
    ...expected,
    action: "restore",
    snapshots: [A],
    paths,
  });

  it("accepts the same set of globs in any order, and no paths for every path", () => {
    expect(checkApproval(restore(["b/**", "a/**"]), restoring(["a/**", "b/**"])).approvers).toEqual(
      ["bob", "carol"],
    );
    expect(checkApproval(restore(), restoring([])).approvers).toHaveLength(2);
  });

  it.each([
    [["a/**"], ["a/**", "b/**"], "it covers the paths a/**, not the paths a/** b/**"],
    [["a/**"], [], "it covers the paths a/**, not every path"],
    [undefined, ["a/**"], "it covers every path, not the paths a/**"],
  ])("refuses approved %p when restoring %p", (approved, wanted, message) => {
    expect(problemsOf(restore(approved), restoring(wanted))).toEqual([message]);
  });
});
