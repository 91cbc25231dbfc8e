import { rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { CoverageReport } from "../../../core/policy/coverage-report.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface CoverageJson {
  ok: boolean;
  policy: string;
  environments: CoverageReport[];
}

describe("snapgate coverage", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers:
  tier0: { max_age: 24h }
  tier1: { max_age: 72h }
environments:
  prod: { tier: tier0, paths: ["deploy/prod/**", "shared/**"] }
  staging: { tier: tier1, paths: ["deploy/staging/**", "shared/**"] }
components:
  - { name: payments-db, paths: ["deploy/prod/db/**"], tier: tier0, environments: [prod] }
  - { name: api, paths: ["deploy/*/api/**"] }
exceptions:
  - { paths: ["deploy/prod/legacy/**"], reason: "regenerated", accepted_by: ["@a", "@b"], expires: 2999-01-01 }
  - { paths: ["deploy/prod/old/**"], reason: "was regenerated", accepted_by: ["@a", "@b"], expires: 2020-01-01 }
`);
    ws.write("deploy/prod/db/VERSION", "42\n");
    ws.write("deploy/prod/api/config.yaml", "a: 1\n");
    ws.write("deploy/prod/misc/notes.yaml", "n: 1\n");
    ws.write("deploy/prod/legacy/billing.yaml", "b: 1\n");
    ws.write("deploy/prod/old/thing.yaml", "t: 1\n");
    ws.write("deploy/staging/api/config.yaml", "a: 2\n");
    ws.write("deploy/staging/tmp/notes.yaml", "n: 2\n");
    ws.write("shared/.env", "TOKEN=x\n");
    ws.write("shared/node_modules/x/index.js", "1\n");
    ws.write("README.md", "# repo\n");
  });

  it("lists uncovered tier-0 paths, exceptions and secrets, and exits 3", async () => {
    const run = await ws.cli("coverage", "--env", "prod", "--json");
    expect(run.code).toBe(3);
    const result = run.json() as CoverageJson;
    expect(result.ok).toBe(false);
    expect(result.policy).toBe(".github/snapgate.yml");
    const [prod] = result.environments;
    expect(prod).toMatchObject({
      environment: "prod",
      tiers: [
        {
          tier: "tier0",
          level: 0,
          files: 6,
          covered: 2,
          // An expired exception covers nothing.
          uncovered: ["deploy/prod/misc/notes.yaml", "deploy/prod/old/thing.yaml", "shared/.env"],
          excepted: ["deploy/prod/legacy/billing.yaml"],
        },
      ],
      components: { "payments-db": 1, api: 1 },
      missingComponents: [],
      secretsOutsideComponents: ["shared/.env"],
      uncoveredTier0: ["deploy/prod/misc/notes.yaml", "deploy/prod/old/thing.yaml", "shared/.env"],
      failed: true,
    });
    expect(prod?.excluded).toEqual(["shared/node_modules/"]);
    expect(prod?.outOfScope).toEqual([
      ".github/snapgate.yml",
      "README.md",
      "deploy/staging/api/config.yaml",
      "deploy/staging/tmp/notes.yaml",
    ]);
  });

  it("prints the same per tier as text", async () => {
    const run = await ws.cli("coverage", "--env", "prod");
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("prod (tier0): 6 file(s) in scope, 2 in a component\n");
    expect(run.stdout).toContain(
      "  tier0 (level 0): 6 file(s), 2 covered, 3 uncovered, 1 excepted\n    uncovered  deploy/prod/misc/notes.yaml\n",
    );
    expect(run.stdout).toContain("    excepted   deploy/prod/legacy/billing.yaml\n");
    expect(run.stdout).toContain(
      "  secret-looking file(s) in no component:\n    secret     shared/.env\n",
    );
    expect(run.stdout).toContain(
      "  FAIL: 3 tier-0 path(s) uncovered, 0 required component(s) missing.",
    );
    expect(run.stdout).toContain(
      "  4 file(s) outside the environment's paths:\n    outside    .github/snapgate.yml\n    outside    README.md\n    outside    deploy/staging/api/config.yaml\n    outside    deploy/staging/tmp/notes.yaml\n",
    );
  });

  it("passes for a tier-1 environment with uncovered files, listing them", async () => {
    const run = await ws.cli("coverage", "--env", "staging", "--json");
    expect(run.code).toBe(0);
    const [staging] = (run.json() as CoverageJson).environments;
    expect(staging?.tiers).toEqual([
      {
        tier: "tier1",
        level: 1,
        files: 3,
        covered: 1,
        uncovered: ["deploy/staging/tmp/notes.yaml", "shared/.env"],
        excepted: [],
      },
    ]);
    // payments-db is limited to prod: staging does not require it.
    expect(staging?.missingComponents).toEqual([]);
  });

  it("checks every environment by default and only the PATHs given", async () => {
    const all = await ws.cli("coverage", "--json");
    expect((all.json() as CoverageJson).environments.map((e) => e.environment)).toEqual([
      "prod",
      "staging",
    ]);
    expect(all.code).toBe(3);
    const narrow = await ws.cli("coverage", "--env", "prod", "--json", "deploy/prod/api");
    const [prod] = (narrow.json() as CoverageJson).environments;
    expect(prod?.uncoveredTier0).toEqual([]);
    // The required tier-0 component has no file among these paths.
    expect(prod?.missingComponents).toEqual(["payments-db"]);
    expect(narrow.code).toBe(3);
  });

  it("exits 0 once every tier-0 path is covered", async () => {
    rmSync(join(ws.repo, "deploy/prod/misc"), { recursive: true });
    rmSync(join(ws.repo, "deploy/prod/old"), { recursive: true });
    rmSync(join(ws.repo, "shared/.env"));
    const run = await ws.cli("coverage", "--env", "prod");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "ok: every tier-0 path is covered and every required component has files.",
    );
  });

  it("needs a policy and a known environment", async () => {
    const noPolicy = await runCli(["coverage"], { cwd: dir });
    expect(noPolicy.code).toBe(1);
    expect(noPolicy.stderr).toContain("snapgate coverage: This command needs the policy");
    const unknown = await ws.cli("coverage", "--env", "qa");
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain("has no environment 'qa'");
  });

  it("names at most ten files outside the environment's paths, and --json all of them", async () => {
    for (let i = 10; i < 25; i++) ws.write(`notes/n${i}.md`, "n\n");
    const run = await ws.cli("coverage", "--env", "prod");
    expect(run.stdout).toContain("  19 file(s) outside the environment's paths:\n");
    const named = run.stdout.split("\n").filter((line) => line.startsWith("    outside    "));
    expect(named).toHaveLength(10);
    expect(run.stdout).toContain("    and 9 more (--json lists them all)\n");
    const json = await ws.cli("coverage", "--env", "prod", "--json");
    const [prod] = (json.json() as CoverageJson).environments;
    expect(prod?.outOfScope).toHaveLength(19);
  });
});
