import { describe, expect, it } from "@jest/globals";
import {
  githubEligibility,
  type EligibilityClient,
} from "../../../core/github/github-eligibility.js";

/** A GitHub that knows a few people: their permission, type and team memberships; counts the calls. */
function fakeGitHub(
  people: Record<string, { permission: string; type?: string; teams?: string[] }>,
) {
  const calls: string[] = [];
  const client = {
    rest: {
      repos: {
        getCollaboratorPermissionLevel: async ({ username }: { username: string }) => {
          calls.push(`permission ${username}`);
          const person = people[username];
          if (!person) throw Object.assign(new Error("Not Found"), { status: 404 });
          return { data: { permission: person.permission, user: { type: person.type ?? "User" } } };
        },
      },
      teams: {
        getMembershipForUserInOrg: async ({
          org,
          team_slug,
          username,
        }: {
          org: string;
          team_slug: string;
          username: string;
        }) => {
          calls.push(`team ${org}/${team_slug} ${username}`);
          if (!people[username]?.teams?.includes(`${org}/${team_slug}`))
            throw Object.assign(new Error("Not Found"), { status: 404 });
          return { data: { state: "active" } };
        },
      },
    },
  } as unknown as EligibilityClient;
  return { client, calls };
}

describe("githubEligibility", () => {
  const people = {
    alice: { permission: "write", teams: ["acme/sre-leads"] },
    bob: { permission: "admin" },
    reader: { permission: "read", teams: ["acme/sre-leads"] },
    robot: { permission: "write", type: "Bot" },
  };
  const roles = { restorers: [], approvers: ["@acme/sre-leads"] };

  it("asks the live permission, and a team role through an active membership", async () => {
    const { client, calls } = fakeGitHub(people);
    const ask = githubEligibility(client, { owner: "acme", repo: "svc" }, roles);
    expect(await ask({ id: 1, login: "alice" }, "approver")).toEqual({
      permission: "write",
      bot: false,
      inRole: true,
    });
    expect(await ask({ id: 2, login: "bob" }, "approver")).toEqual({
      permission: "admin",
      bot: false,
      inRole: false,
    });
    expect(await ask({ id: 2, login: "bob" }, "restorer")).toEqual({
      permission: "admin",
      bot: false,
      inRole: null,
    });
    expect(await ask({ id: 3, login: "reader" }, "approver")).toMatchObject({ permission: "read" });
    expect(await ask({ id: 4, login: "robot" }, "restorer")).toMatchObject({ bot: true });
    // No team is asked for a role that lists nobody.
    expect(calls.filter((call) => call.startsWith("team"))).toEqual([
      "team acme/sre-leads alice",
      "team acme/sre-leads bob",
      "team acme/sre-leads reader",
    ]);
  });

  it("passes on errors other than not-a-member", async () => {
    const { client } = fakeGitHub(people);
    const ask = githubEligibility(client, { owner: "acme", repo: "svc" }, roles);
    await expect(ask({ id: 9, login: "nobody" }, "approver")).rejects.toMatchObject({
      status: 404,
    });
    (client.rest.teams as unknown as Record<string, unknown>)["getMembershipForUserInOrg"] =
      async () => {
        throw Object.assign(new Error("Server Error"), { status: 502 });
      };
    await expect(ask({ id: 1, login: "alice" }, "approver")).rejects.toMatchObject({ status: 502 });
  });
});
