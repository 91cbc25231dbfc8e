import { describe, expect, it } from "@jest/globals";
import { changeTicketVerifierFromEnv } from "../../../core/policy/change-ticket/change-ticket-verifier-from-env.js";
import { policyFromYaml } from "./policy-from-yaml.js";

const BASE = `tiers: { tier0: { max_age: 24h } }
environments: { prod: { tier: tier0 } }
`;

describe("changeTicketVerifierFromEnv", () => {
  it("is null when the policy names no change system", async () => {
    expect(changeTicketVerifierFromEnv(await policyFromYaml(BASE), {})).toBeNull();
  });

  it("refuses to ask the change system when the token variable it names is unset", async () => {
    const policy = await policyFromYaml(`${BASE}change_tickets:
  required_for: { tier0: [pre] }
  pattern: "^CHG[0-9]{7}$"
  endpoint: { url: "http://127.0.0.1:9/changes", token_env: CHANGE_TOKEN }
`);
    const verifier = changeTicketVerifierFromEnv(policy, { OTHER: "x" });
    expect(() => verifier?.verify("CHG0000001")).toThrow(
      "The policy's change_tickets.endpoint.token_env names CHANGE_TOKEN, which is not set.",
    );
  });

  it("with the token set, asks the change system (an unreachable one refuses)", async () => {
    const policy = await policyFromYaml(`${BASE}change_tickets:
  required_for: { tier0: [pre] }
  pattern: "^CHG[0-9]{7}$"
  endpoint: { url: "http://127.0.0.1:9/changes", token_env: CHANGE_TOKEN, timeout: 2s }
`);
    const verdict = await changeTicketVerifierFromEnv(policy, { CHANGE_TOKEN: "t" })?.verify(
      "CHG0000001",
    );
    expect(verdict).toMatchObject({ ok: false, reason: "unreachable" });
  });
});

describe("changeTicketVerifierFromEnv without token_env", () => {
  it("asks the change system without a token", async () => {
    const policy = await policyFromYaml(`${BASE}change_tickets:
  required_for: { tier0: [pre] }
  pattern: "^CHG[0-9]{7}$"
  endpoint: { url: "http://127.0.0.1:9/changes", timeout: 2s }
`);
    expect(await changeTicketVerifierFromEnv(policy, {})?.verify("CHG0000001")).toMatchObject({
      ok: false,
      reason: "unreachable",
    });
  });
});
