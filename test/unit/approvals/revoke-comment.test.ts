import { describe, expect, it } from "@jest/globals";
import { revokeComment } from "../../../core/approvals/revoke-comment.js";
import { ALICE, BOB, CAROL, minutesLater } from "./lifecycle-fixtures.js";
import { ASKING_COMMENT, approved, askedRestore } from "./lifecycle-requests.js";

describe("revokeComment", () => {
  it("an edited approval comment withdraws that approval: approved falls back to pending", async () => {
    const { policy, request } = await askedRestore();
    const one = approved(request, policy, BOB, minutesLater(5), 601);
    const two = approved(one, policy, CAROL, minutesLater(6), 602);
    expect(two.state).toBe("approved");
    const outcome = revokeComment(
      two,
      { commentId: 601, kind: "edited", actor: BOB, deliveryId: "d-9" },
      minutesLater(7),
    );
    expect(outcome.state.state).toBe("pending");
    expect(outcome.state.approvals.map((approval) => approval.user.id)).toEqual([CAROL.id]);
    expect(outcome.reply).toContain("1 of 2");
    expect(outcome.auditEvents).toEqual([
      expect.objectContaining({
        type: "approval.revoked",
        actor: { kind: "user", login: "bob", id: BOB.id },
        deliveryId: "d-9",
        requestDigest: request.digest,
        details: expect.objectContaining({ commentId: 601, change: "edited" }),
      }),
    ]);
  });

  it("the withdrawn approver may approve again with a new comment", async () => {
    const { policy, request } = await askedRestore();
    const one = approved(request, policy, BOB, minutesLater(5), 601);
    const revoked = revokeComment(
      one,
      { commentId: 601, kind: "deleted", actor: BOB, deliveryId: "d-9" },
      minutesLater(6),
    ).state;
    expect(revoked.approvals).toEqual([]);
    expect(approved(revoked, policy, BOB, minutesLater(7), 603).approvals).toHaveLength(1);
  });

  it("editing or deleting the comment that asked cancels the request", async () => {
    const { request } = await askedRestore();
    const outcome = revokeComment(
      request,
      { commentId: ASKING_COMMENT, kind: "deleted", actor: ALICE, deliveryId: "d-9" },
      minutesLater(5),
    );
    expect(outcome.state).toMatchObject({
      state: "cancelled",
      closed: { by: ALICE, reason: "the request's comment was deleted" },
    });
    expect(outcome.auditEvents[0]).toMatchObject({ type: "request.revoked" });
  });

  it("changes nothing for other comments, nor once the request ran", async () => {
    const { policy, request } = await askedRestore();
    const other = revokeComment(
      request,
      { commentId: 999, kind: "edited", actor: BOB, deliveryId: "d-9" },
      minutesLater(5),
    );
    expect(other).toMatchObject({ state: request, auditEvents: [] });
    const ran = {
      ...approved(request, policy, BOB, minutesLater(5), 601),
      state: "executed" as const,
    };
    expect(
      revokeComment(
        ran,
        { commentId: 601, kind: "edited", actor: BOB, deliveryId: "d" },
        minutesLater(6),
      ).state,
    ).toBe(ran);
  });
});
