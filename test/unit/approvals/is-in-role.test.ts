import { describe, expect, it } from "@jest/globals";
import { isInRole, type TeamMembership } from "../../../core/approvals/is-in-role.js";
import { ALICE, BOB } from "./lifecycle-fixtures.js";

/** A membership port over a fixed table, recording what it was asked. */
function teams(members: Record<string, number[]>): { port: TeamMembership; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    port: async (org, team, user) => {
      asked.push(`${org}/${team}`);
      return (members[`${org}/${team}`] ?? []).includes(user.id);
    },
  };
}

describe("isInRole", () => {
  it("is null when the role lists nobody", async () => {
    expect(await isInRole([], ALICE, teams({}).port)).toBeNull();
  });

  it("matches a listed login case-insensitively without asking about teams", async () => {
    const { port, asked } = teams({});
    expect(await isInRole(["@acme/sre", "@Alice"], ALICE, port)).toBe(true);
    expect(asked).toEqual([]);
  });

  it("asks about each team live, by user, until one says yes", async () => {
    const { port, asked } = teams({ "acme/sre-leads": [BOB.id] });
    expect(await isInRole(["@acme/security", "@acme/sre-leads", "@acme/other"], BOB, port)).toBe(
      true,
    );
    expect(asked).toEqual(["acme/security", "acme/sre-leads"]);
    expect(await isInRole(["@acme/security", "@acme/sre-leads"], ALICE, port)).toBe(false);
  });

  it("does not take a team's name for a login", async () => {
    expect(await isInRole(["@acme/alice"], ALICE, teams({}).port)).toBe(false);
  });
});
