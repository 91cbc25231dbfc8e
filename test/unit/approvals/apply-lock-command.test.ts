import { describe, expect, it } from "@jest/globals";
import { applyLockCommand, type LockFacts } from "../../../core/approvals/apply-lock-command.js";
import type { EnvironmentLock } from "../../../core/approvals/request-lifecycle.js";
import { BOB, CAROL, DEPENDABOT, ELIGIBLE, NOW, command } from "./lifecycle-fixtures.js";

const facts: LockFacts = { eligibility: ELIGIBLE, deliveryId: "d-7", commentId: 7 };
const lockProd = command("lock", { environment: "prod", reason: "incident 42" });
const unlockProd = command("unlock", { environment: "prod" });

describe("applyLockCommand", () => {
  it("locks an environment with who and why, and audits it", () => {
    const outcome = applyLockCommand(null, lockProd, CAROL, facts, NOW);
    expect(outcome.refusal).toBeNull();
    expect(outcome.state).toEqual({
      environment: "prod",
      by: CAROL,
      reason: "incident 42",
      at: NOW.toISOString(),
      commentId: 7,
    });
    expect(outcome.auditEvents).toEqual([
      expect.objectContaining({
        type: "environment.locked",
        actor: { kind: "user", login: "carol", id: 103 },
        subject: { environment: "prod" },
        deliveryId: "d-7",
      }),
    ]);
  });

  it("a second lock says who holds it and why, and changes nothing", () => {
    const held = applyLockCommand(null, lockProd, CAROL, facts, NOW).state as EnvironmentLock;
    const again = applyLockCommand(held, lockProd, BOB, facts, NOW);
    expect(again).toMatchObject({ state: held, refusal: "locked" });
    expect(again.reply).toMatch(/@carol.*incident 42/);
  });

  it("unlocks, naming who held the lock", () => {
    const held = applyLockCommand(null, lockProd, CAROL, facts, NOW).state as EnvironmentLock;
    const outcome = applyLockCommand(held, unlockProd, BOB, facts, NOW);
    expect(outcome).toMatchObject({ state: null, refusal: null });
    expect(outcome.auditEvents[0]).toMatchObject({
      type: "environment.unlocked",
      details: { lockedBy: { login: "carol", id: 103 } },
    });
    expect(applyLockCommand(null, unlockProd, BOB, facts, NOW).refusal).toBe("not-locked");
  });

  it("refuses people who are not eligible approvers, and bots, both ways", () => {
    const held = applyLockCommand(null, lockProd, CAROL, facts, NOW).state as EnvironmentLock;
    const reader = { ...facts, eligibility: { ...ELIGIBLE, permission: "read" as const } };
    expect(applyLockCommand(null, lockProd, BOB, reader, NOW)).toMatchObject({
      state: null,
      refusal: "not-eligible",
    });
    expect(applyLockCommand(held, unlockProd, BOB, reader, NOW)).toMatchObject({
      state: held,
      refusal: "not-eligible",
    });
    expect(applyLockCommand(held, unlockProd, DEPENDABOT, facts, NOW).refusal).toBe("bot");
  });
});

describe("applyLockCommand audits refused attempts", () => {
  it("an ineligible lock or unlock is an audit event; a lock already held is not", () => {
    const reader = { ...facts, eligibility: { ...ELIGIBLE, permission: "read" as const } };
    expect(applyLockCommand(null, lockProd, BOB, reader, NOW).auditEvents).toEqual([
      expect.objectContaining({
        type: "environment.lock-refused",
        actor: { kind: "user", login: BOB.login, id: BOB.id },
        subject: { environment: "prod" },
        details: { command: "lock", refusal: "not-eligible" },
      }),
    ]);
    const held = applyLockCommand(null, lockProd, CAROL, facts, NOW).state as EnvironmentLock;
    expect(applyLockCommand(held, lockProd, BOB, facts, NOW).auditEvents).toEqual([]);
  });
});
