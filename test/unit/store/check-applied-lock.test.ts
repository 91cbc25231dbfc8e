import { describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { checkAppliedLock } from "../../../core/store/s3/check-applied-lock.js";

const until = new Date("2026-12-10T12:00:00.000Z");
const check = (
  asked: Parameters<typeof checkAppliedLock>[0],
  applied: Parameters<typeof checkAppliedLock>[1],
) => {
  try {
    checkAppliedLock(asked, applied, "blobs/x", "s3://b/p/");
    return "ok";
  } catch (error) {
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    expect((error as { fix?: string }).fix).toContain("BlockPublicAcls");
    return (error as Error).message;
  }
};

describe("checkAppliedLock: refuses less Object Lock than asked, accepts as much or more", () => {
  const governance = { retention: { mode: "GOVERNANCE" as const, until } };
  const compliance = { retention: { mode: "COMPLIANCE" as const, until } };

  it("accepts what was asked, a date truncated to the second, a later date and a stronger mode", () => {
    expect(check(governance, { mode: "GOVERNANCE", retainUntil: until, legalHold: false })).toBe(
      "ok",
    );
    const truncated = new Date(until.getTime() - 999);
    expect(
      check(governance, { mode: "GOVERNANCE", retainUntil: truncated, legalHold: false }),
    ).toBe("ok");
    const later = new Date(until.getTime() + 86_400_000);
    expect(check(governance, { mode: "COMPLIANCE", retainUntil: later, legalHold: false })).toBe(
      "ok",
    );
    expect(check({ legalHold: true }, { legalHold: true })).toBe("ok");
    expect(check({}, null)).toBe("ok");
  });

  it("refuses a weaker mode, an earlier date, a missing legal hold and a version with no lock", () => {
    expect(
      check(compliance, { mode: "GOVERNANCE", retainUntil: until, legalHold: false }),
    ).toContain("mode GOVERNANCE instead of COMPLIANCE");
    const early = new Date(until.getTime() - 2000);
    expect(
      check(governance, { mode: "GOVERNANCE", retainUntil: early, legalHold: false }),
    ).toContain(`retain-until ${early.toISOString()} instead of ${until.toISOString()}`);
    expect(
      check(
        { ...governance, legalHold: true },
        { mode: "GOVERNANCE", retainUntil: until, legalHold: false },
      ),
    ).toContain("no legal hold where one was asked");
    const none = check({ ...compliance, legalHold: true }, { legalHold: false });
    expect(none).toContain("mode none instead of COMPLIANCE");
    expect(none).toContain("retain-until none");
    expect(none).toContain("s3://b/p/ did not apply the Object Lock it was asked for on blobs/x");
  });
});
