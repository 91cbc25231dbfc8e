import { describe, expect, it } from "@jest/globals";
import { readRequestState } from "../../../core/approvals/read-request-state.js";
import {
  renderRequestStatus,
  type RequestStatusView,
} from "../../../core/approvals/render-request-status.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import { isSnapgateError, type ErrorCode } from "../../../core/errors.js";
import { BOB, CAROL, NOW, minutesLater } from "./lifecycle-fixtures.js";
import { approved, askedRestore } from "./lifecycle-requests.js";

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);

function view(changes: Partial<RequestStatusView> = {}): RequestStatusView {
  return {
    plan: [
      { path: "k8s/secrets/db.yaml", action: "update", changes: ["content"] },
      { path: "k8s/api/deploy.yaml", action: "unchanged" },
      { path: "k8s/api/new.yaml", action: "create" },
    ],
    approvers: ["@acme/sre-leads"],
    lock: null,
    macKey: KEY,
    ...changes,
  };
}

function codeOf(run: () => unknown): ErrorCode | "none" {
  try {
    run();
  } catch (error) {
    if (isSnapgateError(error)) return error.code;
    throw error;
  }
  return "none";
}

async function oneApproval(): Promise<LifecycleRequest> {
  const { policy, request } = await askedRestore();
  return approved(request, policy, BOB, minutesLater(5), 601);
}

describe("renderRequestStatus", () => {
  it("shows the snapshot, what would change, who may approve, N of M for the tier, the expiry, approvals and state", async () => {
    const request = await oneApproval();
    const lock = {
      environment: "prod",
      by: CAROL,
      reason: "incident 42",
      at: NOW.toISOString(),
      commentId: 1,
    };
    const body = renderRequestStatus(request, view({ lock }));
    expect(body).toContain("restore request `r-abcdefghijkl`: pending");
    expect(body).toContain(`\`${"a".repeat(12)}\` of **prod**, every file`);
    expect(body).toContain("1 to create, 1 to update, 0 to delete, 0 kept as extra, 1 unchanged");
    expect(body).toContain("`k8s/secrets/db.yaml` (update)");
    expect(body).toContain("@acme/sre-leads, except @alice; bots never count");
    expect(body).toContain("1 of 2 (tier tier0, set by `k8s/secrets/db.yaml`): @bob");
    expect(body).toContain(`**Expires:** ${request.expiresAt}`);
    expect(body).toContain("prod by @carol");
    expect(body).toContain("incident 42");
  });
});

describe("readRequestState", () => {
  it("reads back exactly the state it rendered", async () => {
    const request = await oneApproval();
    expect(readRequestState(renderRequestStatus(request, view()), KEY)).toEqual(request);
  });

  it("returns null for a comment without a block", () => {
    expect(readRequestState("just a comment <!-- other -->", KEY)).toBeNull();
  });

  it("refuses a block edited by hand (an approval added), one under another key, and a duplicated block", async () => {
    const request = await oneApproval();
    const body = renderRequestStatus(request, view());
    const forged = body.replace(
      '"approvals":[',
      `"approvals":[{"user":{"id":9,"login":"mallory"},"at":"${minutesLater(6).toISOString()}","digest":"${request.digest}","commentId":9,"deliveryId":"x"},`,
    );
    expect(forged).not.toBe(body);
    expect(codeOf(() => readRequestState(forged, KEY))).toBe("INTEGRITY");
    expect(codeOf(() => readRequestState(body, OTHER_KEY))).toBe("INTEGRITY");
    const block = body.slice(body.indexOf("<!-- snapgate:request"));
    expect(codeOf(() => readRequestState(`${body}\n${block}`, KEY))).toBe("INTEGRITY");
    expect(codeOf(() => readRequestState("<!-- snapgate:request {not json -->", KEY))).toBe(
      "INTEGRITY",
    );
  });

  it("refuses a state whose contents no longer match its digest, even with a valid MAC", async () => {
    const request = await oneApproval();
    const moved = { ...request, subject: { ...request.subject, environment: "vault" } };
    expect(codeOf(() => readRequestState(renderRequestStatus(moved, view()), KEY))).toBe(
      "INTEGRITY",
    );
  });

  it("refuses a comment larger than GitHub allows before parsing it", async () => {
    const request = await oneApproval();
    const body = renderRequestStatus(request, view()) + "x".repeat(70_000);
    expect(codeOf(() => readRequestState(body, KEY))).toBe("TOO_LARGE");
  });

  it("round-trips any reason and approver login, including text that would end an HTML comment (property)", async () => {
    const base = await oneApproval();
    const alphabet = ["-", "-", ">", "<", "!", "\\", '"', "é", "😀", " ", "\n", "a", "`", "*"];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
    for (let round = 0; round < 100; round++) {
      const request: LifecycleRequest = {
        ...base,
        reason: text(),
        approvals: base.approvals.map((approval) => ({ ...approval, deliveryId: text() })),
      };
      const body = renderRequestStatus(
        request,
        view({ lock: { environment: "prod", by: CAROL, reason: text(), at: "", commentId: 1 } }),
      );
      expect(readRequestState(body, KEY)).toEqual(request);
    }
  });
});
