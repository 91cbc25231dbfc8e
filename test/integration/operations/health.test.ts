import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { EnvironmentHealth } from "../../../core/operations/environment-health.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier0: { max_age: 24h }
  tier1: { max_age: 1h }
environments:
  prod: { tier: tier0, paths: ["deploy/**"] }
  qa: { tier: tier1, paths: ["deploy/**"] }
  staging: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
alerts:
  late_after: 30m
  consecutive_failures: 2
`;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MINUTE = 60_000;

describe("snapgate health", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const health = async (...args: string[]) => {
    const run = await ws.cli("health", "--store", ws.store, "--json", ...args);
    const out = run.json() as { healthy: boolean; environments: EnvironmentHealth[] };
    const byEnv = Object.fromEntries(out.environments.map((h) => [h.environment, h]));
    return { code: run.code, healthy: out.healthy, byEnv };
  };
  const drill = (validate: string) =>
    ws.cli(
      "drill",
      "--store",
      ws.store,
      "--env",
      "prod",
      "--identity",
      join(ws.dir, "id.txt"),
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--validate",
      validate,
    );

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/app.yaml", "port: 1\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
  });

  it("detects a late backup from the schedule: max_age, then alerts.late_after of grace", async () => {
    // 70 minutes old: due after 1h, but within the 30m grace.
    expect(
      (await ws.snapshot("--env", "qa", "--phase", "scheduled", "--time", ago(70 * MINUTE))).code,
    ).toBe(0);
    const grace = await health("--env", "qa");
    expect(grace.byEnv.qa?.late).toBe(false);
    expect(grace.byEnv.qa?.problems).toEqual([]);
    expect(grace.code).toBe(0);
    // The next one is imported with an older time: 3h old is past due (1h) and grace (30m).
    expect(
      (await ws.snapshot("--env", "qa", "--phase", "scheduled", "--time", ago(180 * MINUTE))).code,
    ).toBe(0);
    const late = await health("--env", "qa");
    expect(late.code).toBe(3);
    const qa = late.byEnv.qa as EnvironmentHealth;
    expect(qa.late).toBe(true);
    expect(qa.problems.map((p) => p.kind)).toEqual(["late"]);
    expect(qa.problems[0]?.message).toMatch(/due after 1h \(tier1\) and is late by 2h/);
    expect(Date.parse(qa.lateAt as string) - Date.parse(qa.dueAt as string)).toBe(30 * MINUTE);
  });

  it("reports an environment with no snapshot, and every environment by default", async () => {
    const all = await health();
    expect(Object.keys(all.byEnv)).toEqual(["prod", "qa", "staging"]);
    expect(all.byEnv.staging?.problems.map((p) => p.kind)).toEqual(["no-snapshot"]);
    expect(all.byEnv.prod?.healthy).toBe(true);
    expect(all.byEnv.prod?.coverage.state).toBe("pass");
    expect(all.healthy).toBe(false);
  });

  it("alerts after alerts.consecutive_failures failures in a row; a pass ends the streak", async () => {
    expect((await drill("false")).code).toBe(3);
    const one = (await health("--env", "prod")).byEnv.prod as EnvironmentHealth;
    expect(one.streak).toMatchObject({ ok: false, length: 1 });
    expect(one.problems.map((p) => p.kind)).toEqual(["drill-failed"]);
    expect((await drill("false")).code).toBe(3);
    const two = (await health("--env", "prod")).byEnv.prod as EnvironmentHealth;
    expect(two.streak).toMatchObject({ ok: false, length: 2 });
    expect(two.problems.map((p) => p.kind)).toEqual(["failures"]);
    expect((await drill("true")).code).toBe(0);
    const fixed = await health("--env", "prod");
    expect(fixed.byEnv.prod?.streak).toMatchObject({ ok: true, length: 1 });
    expect(fixed.code).toBe(0);
  });

  it("reports drift of a live directory against the latest snapshot", async () => {
    const live = ["--env", "prod", "--root", ws.repo, "--writer-key", join(ws.dir, "writer.key")];
    expect((await health(...live)).byEnv.prod?.drift).toEqual({
      drifted: false,
      added: 0,
      removed: 0,
      changed: 0,
    });
    ws.write("deploy/app.yaml", "port: 2\n");
    const drifted = await health(...live);
    expect(drifted.code).toBe(3);
    expect(drifted.byEnv.prod?.drift).toEqual({ drifted: true, added: 0, removed: 0, changed: 1 });
    expect(drifted.byEnv.prod?.problems.map((p) => p.kind)).toEqual(["drift"]);
  });

  it("refuses an unknown environment and --root without --env, with a fix", async () => {
    const unknown = await ws.cli("health", "--store", ws.store, "--env", "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Use one of: prod, qa, staging.");
    const root = await ws.cli("health", "--store", ws.store, "--root", ws.repo);
    expect(root.code).toBe(64);
    expect(root.stderr).toContain("--root needs --env");
  });

  it("prints a table and each problem with its fix", async () => {
    const text = await ws.cli("health", "--store", ws.store);
    expect(text.stdout).toMatch(/^ENV\s+TIER\s+LATEST\s+AGE\s+SCHEDULE\s+STREAK/);
    expect(text.stdout).toContain("qa: late: ");
    expect(text.stdout).toContain("  fix: Run the snapshot workflow");
    expect(text.stdout).toContain("2 of 3 environment(s) need attention.");
  });
  it("--replica: in step after replicate, behind once a snapshot it lacks is older than max_age plus late_after, diverged when written directly", async () => {
    const replica = join(dir, "replica");
    // The writer keys come from the repository's policy.
    const copied = await ws.cli("replicate", "--from", ws.store, "--to", replica, "--json");
    expect(copied.code).toBe(0);
    const inStep = await health("--replica", replica);
    for (const env of ["prod", "qa", "staging"]) {
      expect(inStep.byEnv[env]?.replica).toMatchObject({
        location: replica,
        behind: 0,
        lagMs: 0,
        diverged: false,
      });
      expect(inStep.byEnv[env]?.problems.map((p) => p.kind)).not.toContain("replica-behind");
    }
    // Within the allowance (tier1: 1h + 30m): behind, not yet a problem.
    expect(
      (await ws.snapshot("--env", "staging", "--phase", "scheduled", "--time", ago(20 * MINUTE)))
        .code,
    ).toBe(0);
    const recent = await health("--env", "staging", "--replica", replica);
    expect(recent.byEnv.staging?.replica?.behind).toBe(1);
    expect(recent.byEnv.staging?.problems.map((p) => p.kind)).not.toContain("replica-behind");
    expect(
      (await ws.snapshot("--env", "qa", "--phase", "scheduled", "--time", ago(100 * MINUTE))).code,
    ).toBe(0);
    const behind = await health("--env", "qa", "--replica", replica);
    expect(behind.code).toBe(3);
    const lag = behind.byEnv.qa?.replica;
    expect(lag?.behind).toBe(1);
    expect(lag?.lagMs).toBeGreaterThan(90 * MINUTE);
    const problem = behind.byEnv.qa?.problems.find((p) => p.kind === "replica-behind");
    expect(problem?.message).toMatch(/lacks 1 snapshot\(s\) of qa/);
    expect(problem?.fix).toContain(`snapgate replicate --from ${ws.store} --to ${replica}`);
    const text = await ws.cli("health", "--store", ws.store, "--env", "qa", "--replica", replica);
    expect(text.stdout).toMatch(/REPLICA/);
    expect(text.stdout).toMatch(/1 behind/);
    // Caught up: in step again.
    expect((await ws.cli("replicate", "--from", ws.store, "--to", replica)).code).toBe(0);
    expect((await health("--env", "qa", "--replica", replica)).byEnv.qa?.replica?.behind).toBe(0);
    // A snapshot taken straight into the replica: it no longer follows the store.
    const direct = await ws.cli(
      "snapshot",
      "--store",
      replica,
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--env",
      "prod",
      "--phase",
      "manual",
    );
    expect(direct.code).toBe(0);
    expect(
      (await ws.snapshot("--env", "prod", "--phase", "manual", "--time", ago(MINUTE))).code,
    ).toBe(0);
    const diverged = await health("--env", "prod", "--replica", replica);
    expect(diverged.byEnv.prod?.replica?.diverged).toBe(true);
    expect(diverged.byEnv.prod?.problems.map((p) => p.kind)).toContain("replica-diverged");
  });
});

describe("snapgate health: coverage as the latest snapshot recorded it", () => {
  const dir = tempDir();

  it("reports a required (tier-0) component the latest snapshot lacks, with its fix, and clears once one has it", async () => {
    const ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers:
  tier0: { max_age: 24h }
environments:
  prod: { tier: tier0, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/api/**"] }
  - { name: db, paths: ["deploy/db/**"], tier: tier0 }
`);
    ws.write("deploy/api/app.yaml", "port: 1\n");
    ws.write("deploy/db/VERSION", "7\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post", "deploy/api")).code).toBe(0);
    const run = await ws.cli("health", "--store", ws.store, "--json");
    expect(run.code).toBe(3);
    const prod = (run.json() as { environments: EnvironmentHealth[] }).environments[0];
    expect(prod?.coverage).toMatchObject({ state: "fail", missingComponents: ["db"] });
    expect(prod?.problems.map((p) => [p.kind, p.message])).toEqual([
      ["coverage", "The latest snapshot of prod misses component db."],
    ]);
    expect(prod?.problems[0]?.fix).toContain("`snapgate coverage` lists them");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
    const fixed = await ws.cli("health", "--store", ws.store, "--json");
    expect(fixed.code).toBe(0);
  });
});
