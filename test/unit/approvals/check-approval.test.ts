import { beforeAll, describe, expect, it } from "@jest/globals";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { checkApproval, type ApprovalExpectation } from "../../../core/approvals/check-approval.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import { signApprovalRequest } from "../../../core/approvals/request-signature.js";
import { appSigner, generateAppKeyText, parseAppKey } from "../../../core/crypto/app-key.js";
import { loadSodium, type Sodium } from "../../../core/crypto/sodium.js";
import type { SnapgateError } from "../../../core/errors.js";
import { isSnapgateError } from "../../../core/errors.js";

let sodium: Sodium;
const APP = parseAppKey(generateAppKeyText(), "test");
/** Another app's key: valid, but not the policy's. */
const STRANGER = parseAppKey(generateAppKeyText(), "test");
let appKeys: string[] = [];
beforeAll(async () => {
  sodium = await loadSodium();
  appKeys = [appSigner(sodium, APP).verifyKey];
  expected.appKeys = appKeys;
});

/** Signs (again) with the test app key, as the app does once a request is decided. */
const signed = (value: ApprovalRequest, key = APP): ApprovalRequest =>
  signApprovalRequest(sodium, value, key);

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
  return signed({
    ...base,
    approvals: (
      changes.approvals ?? [
        { user: { id: 2, login: "bob" }, at: "2026-11-26T11:00:00Z", digest: "" },
        { user: { id: 3, login: "carol" }, at: "2026-11-26T11:30:00Z", digest: "" },
      ]
    ).map((approval) => ({ ...approval, digest: approval.digest || digest })),
    digest,
  });
}

const expected: ApprovalExpectation = {
  action: "forget",
  environment: "prod",
  snapshots: [A, B],
  policyDigest: null,
  requiredApprovals: 2,
  appKeys: [],
  now: NOW,
};

const problemsOf = (value: ApprovalRequest, expectation = expected): string[] => {
  try {
    checkApproval(sodium, value, expectation);
    return [];
  } catch (error) {
    if (!isSnapgateError(error, "POLICY")) throw error;
    return error.details.problems as string[];
  }
};

describe("checkApproval", () => {
  it("accepts an approved request bound to exactly these snapshots, in any order", () => {
    expect(checkApproval(sodium, request(), expected)).toEqual({ approvers: ["bob", "carol"] });
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
    const bad = signed({
      ...request({ state: "denied", action: "restore" }),
      digest: `sha256:${"0".repeat(64)}`,
    });
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
    expect(
      checkApproval(sodium, restore(["b/**", "a/**"]), restoring(["a/**", "b/**"])).approvers,
    ).toEqual(["bob", "carol"]);
    expect(checkApproval(sodium, restore(), restoring([])).approvers).toHaveLength(2);
  });

  it.each([
    [["a/**"], ["a/**", "b/**"], "it covers the paths a/**, not the paths a/** b/**"],
    [["a/**"], [], "it covers the paths a/**, not every path"],
    [undefined, ["a/**"], "it covers every path, not the paths a/**"],
  ])("refuses approved %p when restoring %p", (approved, wanted, message) => {
    expect(problemsOf(restore(approved), restoring(wanted))).toEqual([message]);
  });
});

describe("checkApproval: only records the Snapgate App signed", () => {
  /** The forged quorum: made-up approvers written straight into the store. */
  const forged = (): ApprovalRequest => {
    const { signature: _signature, ...unsigned } = request({
      approvals: [
        { user: { id: 900, login: "ceo" }, at: "2026-11-26T11:00:00Z", digest: "" },
        { user: { id: 901, login: "ciso" }, at: "2026-11-26T11:00:00Z", digest: "" },
      ],
    });
    return unsigned;
  };
  const refusal = (value: ApprovalRequest, keys: string[] = appKeys): SnapgateError => {
    try {
      checkApproval(sodium, value, { ...expected, appKeys: keys });
    } catch (error) {
      if (isSnapgateError(error)) return error;
      throw error;
    }
    throw new Error("the record was accepted");
  };

  it.each([
    ["unsigned", () => forged(), "it is not signed by the Snapgate App"],
    [
      "signed by a key the policy does not list",
      () => signed(forged(), STRANGER),
      "which is not an app key of the policy (keys.app)",
    ],
    [
      "altered after signing (an approver added)",
      () => {
        const genuine = request({
          approvals: [{ user: { id: 2, login: "bob" }, at: "2026-11-26T11:00:00Z", digest: "" }],
        });
        return {
          ...genuine,
          approvals: [
            ...genuine.approvals,
            {
              user: { id: 901, login: "ciso" },
              at: "2026-11-26T11:00:00Z",
              digest: genuine.digest,
            },
          ],
        };
      },
      "its signature does not match its contents (it was altered)",
    ],
  ])("refuses a record %s, before looking at its approvals", (_name, make, message) => {
    const error = refusal(make());
    expect(error.code).toBe("INTEGRITY");
    expect(error.message).toContain(message);
    expect(error.message).toContain("Nothing was done.");
    expect(error.fix).toContain("Ask for the request again through the Snapgate App");
  });

  it("refuses every record while the policy lists no app key, and says how to add one", () => {
    const error = refusal(request(), []);
    expect(error.message).toContain("the policy lists no app key (keys.app)");
    expect(error.fix).toContain("snapgate keygen --app");
  });
});
