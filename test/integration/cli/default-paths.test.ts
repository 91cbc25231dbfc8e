import { beforeAll, describe, expect, it } from "@jest/globals";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("snapshot and drift without PATH: the policy's environments.<env>.paths", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers: { tier1: { max_age: 24h } }
environments:
  prod: { tier: tier1, paths: ["deploy/prod/**"] }
  dev: { tier: tier1 }
`);
    ws.write("deploy/prod/app.yaml", "replicas: 3\n");
    ws.write("src/main.ts", "export {};\n");
  });

  it("snapshots and compares exactly the environment's paths", async () => {
    const snapshot = await ws.snapshot("--env", "prod", "--phase", "manual", "--json");
    expect(snapshot.stderr).toBe("");
    expect(snapshot.json()).toMatchObject({ seq: 1, files: 1 });
    const shown = (await ws.cli("show", "prod@1", "--store", ws.store, "--json")).json() as {
      files: Array<{ path: string }>;
    };
    expect(shown.files.map((file) => file.path)).toEqual(["deploy/prod/app.yaml"]);

    ws.write("deploy/prod/app.yaml", "replicas: 4\n");
    const drift = await ws.cli(
      "drift",
      "--store",
      ws.store,
      "--writer-key",
      "../writer.key",
      "--env",
      "prod",
      "--json",
    );
    expect(drift.code).toBe(2);
    expect(drift.json()).toMatchObject({ changed: 1, added: 0, removed: 0 });
  });

  it("an environment with no paths in the policy needs PATH", async () => {
    const run = await ws.snapshot("--env", "dev", "--phase", "manual");
    expect(run.code).toBe(64);
    expect(run.stderr).toContain("No paths to snapshot were given.");
    expect(run.stderr).toContain("environments.dev.paths");
  });
});
