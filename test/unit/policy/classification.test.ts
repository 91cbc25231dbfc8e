import { beforeAll, describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { classifyPath } from "../../../core/policy/classify-path.js";
import { coverageReport } from "../../../core/policy/coverage-report.js";
import { evaluateExceptions } from "../../../core/policy/evaluate-exceptions.js";
import { isExcluded } from "../../../core/policy/is-excluded.js";
import { looksLikeSecret } from "../../../core/policy/looks-like-secret.js";
import type { Policy } from "../../../core/policy/policy.js";
import { requiredComponents } from "../../../core/policy/required-components.js";
import { policyFromYaml } from "./policy-from-yaml.js";

let policy: Policy;
const NOW = new Date("2026-12-01T00:00:00Z");

beforeAll(async () => {
  policy = await policyFromYaml(`tiers:
  tier0: { max_age: 24h }
  tier1: { max_age: 72h }
  tier2: { max_age: 14d }
environments:
  prod: { tier: tier0 }
  staging: { tier: tier1 }
  dev: { tier: tier2, paths: ["deploy/dev/**", "flags/**"] }
components:
  - { name: everything-deploy, paths: ["deploy/**"], tier: tier2, owner: "@acme/platform" }
  - { name: payments-db, paths: ["deploy/prod/db/**"], tier: tier0, owner: "@acme/dba", environments: [prod] }
  - { name: api, paths: ["deploy/*/api/**"], owner: "@acme/api" }
  - { name: api-copy, paths: ["deploy/*/api/**"], owner: "@acme/other" }
  - { name: vault, paths: ["vault/**"], tier: tier1, secret: true }
exclude: ["**/*.bak", "!build/release.json"]
exceptions:
  - { paths: ["legacy/**"], reason: "regenerated from the vendor portal", accepted_by: ["@a", "@b"], expires: 2026-12-10 }
  - { paths: ["old/**"], reason: "archived in the vendor system", accepted_by: ["@a", "@b"], expires: 2026-11-30 }
  - { paths: ["scratch/**"], reason: "rebuilt by the nightly job", accepted_by: ["@c"], expires: 2027-06-30, environments: [dev] }
`);
});

describe("classifyPath", () => {
  it("gives the most critical matching component, then the first listed", () => {
    expect(classifyPath(policy, "deploy/prod/db/main.yaml", "prod")).toEqual({
      component: "payments-db",
      tier: "tier0",
      owner: "@acme/dba",
      secret: false,
    });
    // api has the environment's tier (tier0 in prod), more critical than everything-deploy's tier2; api beats api-copy by order.
    expect(classifyPath(policy, "deploy/prod/api/config.yaml", "prod")).toEqual({
      component: "api",
      tier: "tier0",
      owner: "@acme/api",
      secret: false,
    });
    expect(classifyPath(policy, "deploy/dev/api/config.yaml", "dev")).toEqual({
      component: "everything-deploy",
      tier: "tier2",
      owner: "@acme/platform",
      secret: false,
    });
  });

  it("skips components limited to other environments", () => {
    expect(classifyPath(policy, "deploy/prod/db/main.yaml", "staging").component).toBe(
      "everything-deploy",
    );
  });

  it("gives a file of no component the environment's tier, and flags secrets", () => {
    expect(classifyPath(policy, "./config/.env.production", "staging")).toEqual({
      tier: "tier1",
      secret: true,
    });
    expect(classifyPath(policy, "vault/policy.hcl", "prod")).toEqual({
      component: "vault",
      tier: "tier1",
      secret: true,
    });
    expect(classifyPath(policy, "README.md")).toEqual({ secret: false });
  });
});

describe("isExcluded", () => {
  it.each([
    ["node_modules/x/index.js", true],
    ["a/.terraform/providers/p", true],
    ["build/out.js", true],
    ["build/release.json", false], // taken back in by !build/release.json
    ["logs/app.log", true],
    ["keep.bak", true],
    ["tmp-credentials.json", true],
    [".aws/sso/cache/token.json", true],
    ["terraform/main.tf", false],
    [".terraform.lock.hcl", false],
  ])("%s -> %p", (path, excluded) => {
    expect(isExcluded(policy, path)).toBe(excluded);
  });
});

describe("looksLikeSecret", () => {
  it.each([
    [".env", true],
    ["app/.env.production", true],
    ["app/.env.example", false],
    ["prod.env", true],
    ["certs/server.pem", true],
    ["certs/server.crt", false],
    ["tls.KEY", true],
    ["home/.ssh/id_ed25519", true],
    ["home/.ssh/id_ed25519.pub", false],
    ["home/.ssh/known_hosts", false],
    ["store.jks", true],
    ["kubeconfig", true],
    [".kube/config", true],
    ["app/config", false],
    ["gcp/service-account.json", true],
    ["terraform.tfstate", true],
    ["prod.tfvars", true],
    ["secrets.yaml", true],
    [".npmrc", true],
    ["package.json", false],
  ])("%s -> %p", (path, secret) => {
    expect(looksLikeSecret(path)).toBe(secret);
  });
});

describe("coverageReport", () => {
  const files = [
    "deploy/prod/db/main.yaml",
    "deploy/prod/api/config.yaml",
    "terraform/prod/main.tf",
    "config/.env.production",
    "legacy/billing/a.xml",
    "old/thing.conf",
    "node_modules/x/index.js",
    "vault/policy.hcl",
  ];

  it("lists uncovered paths per tier and fails on an uncovered tier-0 path", () => {
    const report = coverageReport(policy, "prod", files, { now: NOW });
    expect(report.excluded).toEqual(["node_modules/x/index.js"]);
    expect(report.tiers.map((tier) => [tier.tier, tier.files, tier.covered])).toEqual([
      ["tier0", 6, 2],
      ["tier1", 1, 1],
    ]);
    const tier0 = report.tiers[0];
    // old/** has an expired exception: it covers nothing any more.
    expect(tier0?.uncovered).toEqual([
      "config/.env.production",
      "old/thing.conf",
      "terraform/prod/main.tf",
    ]);
    expect(tier0?.excepted).toEqual(["legacy/billing/a.xml"]);
    expect(report.secretsOutsideComponents).toEqual(["config/.env.production"]);
    expect(report.components).toEqual({ "payments-db": 1, api: 1, vault: 1 });
    // api-copy is shadowed by api (same globs, listed later): it never gets a file.
    expect(report.missingComponents).toEqual(["api-copy"]);
    expect(report.uncoveredTier0).toEqual(tier0?.uncovered);
    expect(report.failed).toBe(true);
  });

  it("fails when a required component has no file, though nothing tier-0 is uncovered (as the gate does)", () => {
    const report = coverageReport(policy, "prod", ["deploy/prod/db/main.yaml", "legacy/x"], {
      now: NOW,
    });
    expect(report.uncoveredTier0).toEqual([]);
    expect(report.missingComponents).toEqual(["api", "api-copy"]);
    expect(report.failed).toBe(true);
  });

  it("keeps out-of-scope files of an environment with paths apart", () => {
    const report = coverageReport(
      policy,
      "dev",
      ["deploy/dev/app.yaml", "deploy/prod/app.yaml", "flags/a.json"],
      { now: NOW },
    );
    expect(report.outOfScope).toEqual(["deploy/prod/app.yaml"]);
    expect(report.tiers).toEqual([
      { tier: "tier2", level: 2, files: 2, covered: 1, uncovered: ["flags/a.json"], excepted: [] },
    ]);
    expect(report.failed).toBe(false);
  });

  it("refuses an unknown environment with the names it knows", () => {
    let caught: unknown;
    try {
      coverageReport(policy, "qa", []);
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "USAGE")).toBe(true);
    expect((caught as Error).message).toBe(
      "The policy has no environment 'qa'. Use one of: prod, staging, dev.",
    );
  });
});

describe("requiredComponents", () => {
  it("is the components that apply to the environment and are tier-0 there", () => {
    expect(requiredComponents(policy, "prod")).toEqual(["payments-db", "api", "api-copy"]);
    expect(requiredComponents(policy, "staging")).toEqual([]);
  });
});

describe("evaluateExceptions", () => {
  it("sorts exceptions into active, expiring soon and expired, with the paths they cover", () => {
    const evaluation = evaluateExceptions(policy, NOW, {
      environment: "prod",
      paths: ["legacy/a", "old/b", "other"],
    });
    expect(
      evaluation.exceptions.map((status) => [
        status.exception.index,
        status.state,
        status.daysLeft,
        status.coveredPaths,
      ]),
    ).toEqual([
      [0, "expiring-soon", 10, ["legacy/a"]],
      [1, "expired", 0, ["old/b"]],
    ]);
    expect(evaluation.failed).toBe(true);
  });

  it("is active through the whole expiry day, and scoped by environment", () => {
    const lastDay = new Date("2026-11-30T23:59:59Z");
    const evaluation = evaluateExceptions(policy, lastDay, { environment: "dev" });
    expect(evaluation.exceptions.map((status) => status.state)).toEqual([
      "expiring-soon",
      "expiring-soon",
      "active",
    ]);
    expect(evaluation.failed).toBe(false);
  });
});
