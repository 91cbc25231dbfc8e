import { describe, expect, it } from "@jest/globals";
import { resolveScanPaths } from "../../../core/policy/resolve-scan-paths.js";
import { policyScanRules } from "../../../core/policy/policy-scan-rules.js";
import { policyFromYaml } from "./policy-from-yaml.js";

const POLICY = `tiers: { tier0: { max_age: 24h }, tier2: { max_age: 7d } }
environments:
  prod: { tier: tier0, paths: ["deploy/prod/**", "flags/export.json"] }
  dev: { tier: tier2 }
components:
  - { name: db, paths: ["deploy/*/db/**"], owner: "@acme/dba" }
  - { name: prod-only, paths: ["deploy/prod/**"], environments: [prod] }
exclude: ["**/*.bak"]
`;

describe("resolveScanPaths", () => {
  it("given paths win; else the environment's paths; else a usage error naming the policy key", async () => {
    const policy = await policyFromYaml(POLICY);
    expect(resolveScanPaths(["a", "b"], policy, "prod", "snapshot")).toEqual(["a", "b"]);
    expect(resolveScanPaths([], policy, "prod", "snapshot")).toEqual([
      "deploy/prod/**",
      "flags/export.json",
    ]);
    expect(() => resolveScanPaths([], policy, "dev", "compare")).toThrow(
      "No paths to compare were given.",
    );
    expect(() => resolveScanPaths([], policy, "qa", "snapshot")).toThrow(
      "The policy has no environment 'qa'.",
    );
    expect(() => resolveScanPaths([], null, "dev", "snapshot")).toThrow(
      "list them once as environments.dev.paths in the policy",
    );
  });
});

describe("policyScanRules", () => {
  it("excludes by the defaults and the policy, and classifies for the environment", async () => {
    const rules = policyScanRules(await policyFromYaml(POLICY), "dev");
    expect(rules.isExcluded("deploy/dev/db/old.bak")).toBe(true);
    expect(rules.isExcluded("deploy/dev/db/schema.sql")).toBe(false);
    expect(rules.isExcludedDirectory("node_modules")).toBe(true);
    expect(rules.classify("deploy/dev/db/schema.sql")).toMatchObject({
      component: "db",
      tier: "tier2",
      owner: "@acme/dba",
    });
    // A component limited to prod does not classify dev's files.
    expect(rules.classify("deploy/prod/app.yaml").component).toBeUndefined();
  });
});
