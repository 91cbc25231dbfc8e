import { describe, expect, it } from "@jest/globals";
import { requestQuorum } from "../../../core/approvals/request-quorum.js";
import { isSnapgateError } from "../../../core/errors.js";
import { FILES, lifecyclePolicy } from "./lifecycle-fixtures.js";

describe("requestQuorum", () => {
  it("takes the tier of the most critical file touched, not the environment's", async () => {
    const policy = await lifecyclePolicy();
    expect(requestQuorum(policy, "prod", FILES, [])).toEqual({
      tier: "tier0",
      level: 0,
      required: 2,
      ttlMs: 4 * 3600_000,
      file: "k8s/secrets/db.yaml",
    });
  });

  it("only counts the files the request's paths match", async () => {
    const policy = await lifecyclePolicy();
    expect(requestQuorum(policy, "prod", FILES, ["k8s/api/**"])).toMatchObject({
      tier: "tier1",
      required: 1,
      file: null,
    });
    expect(requestQuorum(policy, "prod", FILES, ["k8s/secrets/*.yaml"])).toMatchObject({
      tier: "tier0",
      required: 2,
    });
  });

  it("never goes below the environment's own tier", async () => {
    const policy = await lifecyclePolicy();
    expect(requestQuorum(policy, "vault", ["k8s/api/deploy.yaml"], [])).toMatchObject({
      tier: "tier0",
      required: 2,
      file: null,
    });
    expect(requestQuorum(policy, "prod", [], [])).toMatchObject({ tier: "tier1", required: 1 });
  });

  it("does not depend on the order of the files (property)", async () => {
    const policy = await lifecyclePolicy();
    const pool = [...FILES, "k8s/api/svc.yaml", "README.md", "k8s/secrets/tls.yaml"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const files = pool.filter(() => random() < 0.5);
      const shuffled = [...files].sort(() => random() - 0.5);
      const expected = files.some((file) => file.startsWith("k8s/secrets/")) ? 2 : 1;
      const a = requestQuorum(policy, "prod", files, []);
      expect(a.required).toBe(expected);
      expect(requestQuorum(policy, "prod", shuffled, [])).toEqual(a);
    }
  });

  it("refuses an environment the policy lacks with CONFIG", async () => {
    const policy = await lifecyclePolicy();
    let caught: unknown;
    try {
      requestQuorum(policy, "nope", FILES, []);
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "CONFIG")).toBe(true);
  });
});
