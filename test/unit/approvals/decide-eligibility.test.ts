import { describe, expect, it } from "@jest/globals";
import { decideEligibility } from "../../../core/approvals/decide-eligibility.js";
import { ALICE, DEPENDABOT, ELIGIBLE } from "./lifecycle-fixtures.js";

describe("decideEligibility", () => {
  it("accepts write, maintain and admin access with the role", () => {
    for (const permission of ["write", "maintain", "admin"] as const)
      expect(decideEligibility(ALICE, { ...ELIGIBLE, permission }, "approver")).toBeNull();
  });

  it("refuses read, triage and no access whatever the role says", () => {
    for (const permission of ["read", "triage", "none"] as const)
      expect(decideEligibility(ALICE, { ...ELIGIBLE, permission }, "approver")).toMatch(
        new RegExp(`${permission} access.*write access or more`),
      );
  });

  it("refuses people outside the policy's role, and accepts anyone with write when the role lists nobody", () => {
    expect(decideEligibility(ALICE, { ...ELIGIBLE, inRole: false }, "approver")).toMatch(
      /roles\.approvers/,
    );
    expect(decideEligibility(ALICE, { ...ELIGIBLE, inRole: null }, "restorer")).toBeNull();
  });

  it("never counts bots, by GitHub's type or by login", () => {
    expect(decideEligibility(ALICE, { ...ELIGIBLE, bot: true }, "approver")).toMatch(/bot/);
    expect(decideEligibility(DEPENDABOT, ELIGIBLE, "approver")).toMatch(/bot/);
  });
});
