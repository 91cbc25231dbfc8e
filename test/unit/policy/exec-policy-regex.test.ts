import { describe, expect, it } from "@jest/globals";
import { checkChangeTicket } from "../../../core/policy/change-ticket/check-change-ticket.js";
import { evaluateConsistency } from "../../../core/policy/consistency/evaluate-consistency.js";
import { execPolicyRegex } from "../../../core/policy/exec-policy-regex.js";

/** A value on which (a+)+$ backtracks 2^40 times: it would run for days. */
const HOSTILE = `${"a".repeat(40)}!`;

describe("execPolicyRegex", () => {
  it.each<[string, string, ReturnType<typeof execPolicyRegex>]>([
    ["^v([0-9]+)", "v12x", { match: "v12", group1: "12" }],
    ["-([0-9.]+)$", "api-1.10.3", { match: "-1.10.3", group1: "1.10.3" }],
    ["^CHG[0-9]{7}$", "CHG0000001", { match: "CHG0000001" }],
    ["^(x)?y", "y", { match: "y" }],
    ["^v", "1.0", null],
    ["\\p{Lu}", "aBc", { match: "B" }],
  ])("/%s/ on %p gives what RegExp gives", (pattern, input, expected) => {
    expect(execPolicyRegex(pattern, input, "a test")).toEqual(expected);
  });

  it("stops a backtracking pattern with a POLICY error naming the pattern, never the value", () => {
    let error: unknown;
    try {
      execPolicyRegex("^(a+)+$", HOSTILE, "consistency rule version");
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: "POLICY",
      summary:
        "The pattern /^(a+)+$/ of consistency rule version ran for more than 250 ms on a value of 41 characters and was stopped.",
    });
    expect(JSON.stringify(error)).not.toContain("aaaa");
    // The shared context is usable again afterwards.
    expect(execPolicyRegex("^(a+)+$", "aaa", "a test")).toEqual({ match: "aaa", group1: "aaa" });
  });

  it("a consistency rule's regex is stopped instead of running for minutes", async () => {
    await expect(
      evaluateConsistency(
        {
          consistency: [
            {
              name: "version",
              left: { file: "VERSION", path: null, format: null },
              right: null,
              rule: "regex",
              pattern: "^(a|aa)+$",
              range: null,
            },
          ],
        },
        () => Promise.resolve(new TextEncoder().encode(`${"a".repeat(60)}!`)),
        () => "digest",
      ),
    ).rejects.toMatchObject({ code: "POLICY" });
  });

  it("the change-ticket pattern is stopped instead of running for minutes", () => {
    expect(() =>
      checkChangeTicket(
        { changeTickets: { requiredFor: { tier0: ["pre"] }, pattern: "^(C+)+$", endpoint: null } },
        { tier: "tier0", phase: "pre", changeId: `${"C".repeat(40)}X` },
      ),
    ).toThrow(expect.objectContaining({ code: "POLICY" }));
  });
});
