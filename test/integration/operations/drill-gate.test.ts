import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { checkDrill } from "../../../core/gate/check-drill.js";
import type { GateDecision, GateInput } from "../../../core/gate/gate-decision.js";
import type { Tier } from "../../../core/policy/policy.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier1: { max_age: 24h, drill_interval: 30d }
environments:
  prod: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
`;

describe("a tier with drill_interval needs a passing, signed drill before its gate passes", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const drillCondition = async () => {
    const run = await ws.cli("check", "--store", ws.store, "--env", "prod", "--json");
    const decision = run.json() as GateDecision;
    return { code: run.code, drill: decision.conditions.find((c) => c.name === "drill") };
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
      "--json",
    );

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/app.yaml", "port: 1\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
  });

  it("fails with no drill and says how to run one", async () => {
    const { code, drill } = await drillCondition();
    expect(code).toBe(1);
    expect(drill).toMatchObject({
      state: "fail",
      detail: "tier1 needs a passing drill every 4w2d; none is recorded.",
    });
    expect(drill?.fix).toContain("snapgate drill --env prod");
  });

  it("passes after a passing drill; a newer failing one fails it again", async () => {
    expect((await drill("true")).code).toBe(0);
    const passed = await drillCondition();
    expect(passed.code).toBe(0);
    expect(passed.drill?.state).toBe("pass");
    expect((await drill("exit 5")).code).toBe(3);
    const failed = await drillCondition();
    expect(failed.code).toBe(1);
    expect(failed.drill?.state).toBe("fail");
    expect(failed.drill?.detail).toContain("the validation exited 5");
  });

  it("does not trust a drill record someone rewrote (its signature no longer verifies)", async () => {
    const ok = JSON.parse((await drill("true")).stdout) as { path: string };
    const file = join(ws.store, ok.path);
    const record = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...record, rto: { ms: 1, slaMs: null, met: null } }));
    const { drill: condition } = await drillCondition();
    expect(condition?.state).toBe("fail");
    expect(condition?.detail).toContain("cannot be trusted");
  });

  it("fails when the last passing drill is older than the interval (pure)", () => {
    const tier = { name: "tier1", drillIntervalMs: 30 * 86_400_000 } as Tier;
    const input = {
      environment: "prod",
      now: new Date("2026-11-30T00:00:00Z"),
      drill: {
        path: "drills/prod/x",
        time: "2026-10-01T00:00:00.000Z",
        snapshot: "a".repeat(64),
        ok: true,
        trusted: true,
        detail: null,
      },
    } as GateInput;
    expect(checkDrill(input, tier)).toMatchObject({
      state: "fail",
      detail: "The last passing drill is 8w4d old; tier1 needs one every 4w2d.",
    });
    expect(checkDrill({ ...input, now: new Date("2026-10-15T00:00:00Z") }, tier)?.state).toBe(
      "pass",
    );
    expect(checkDrill({ ...input, drill: undefined }, tier)?.state).toBe("unknown");
    expect(checkDrill(input, { ...tier, drillIntervalMs: undefined } as Tier)).toBeNull();
  });
});
