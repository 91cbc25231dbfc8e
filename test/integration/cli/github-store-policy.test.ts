import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { GateDecision } from "../../../core/gate/gate-decision.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** The policy commands against the GitHub store on the sandbox: records, tombstones, prune. */
describe("snapshot under a policy, check, drift, forget and prune on a GitHub backup repository", () => {
  const dir = tempDir("snapgate-ghpolicy-");
  let backup: BackupRepo;
  let ws: PolicyWorkspace;
  let env: NodeJS.ProcessEnv;
  let store = "";
  const cli = (...args: string[]) => ws.cliWithEnv(env, ...args);
  const snapshot = (time: string) =>
    cli(
      "snapshot",
      "--store",
      store,
      "--writer-key",
      "../writer.key",
      "--env",
      "staging",
      "--phase",
      "post",
      "--time",
      time,
      "--json",
      "deploy",
    );

  beforeAll(async () => {
    backup = await startBackupRepo();
    env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    store = `github://${backup.owner}/${backup.repo}`;
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers:
  tier1: { max_age: 30000d, restore_verification: 30d, retention: { keep: { last: 1 } } }
environments: { staging: { tier: tier1 } }
components: [{ name: app, paths: ["deploy/**"] }]
`);
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("passes the gate after a restore-level verification is recorded", async () => {
    for (const [index, time] of ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"].entries()) {
      ws.write("deploy/app.yaml", `version: ${index}\n`);
      const taken = await snapshot(time);
      expect(taken.stderr).toBe("");
      expect(taken.code).toBe(0);
    }
    const verified = await cli(
      "verify",
      "latest",
      "--env",
      "staging",
      "--store",
      store,
      "--identity",
      "../id.txt",
      "--record",
      "--json",
    );
    expect(verified.code).toBe(0);
    const check = await cli("check", "--store", store, "--env", "staging", "--json");
    expect((check.json() as GateDecision).conclusion).toBe("success");
    expect(check.code).toBe(0);
  });

  it("detects drift without decrypting", async () => {
    ws.write("deploy/app.yaml", "version: 9\n");
    const drift = await cli(
      "drift",
      "--store",
      store,
      "--env",
      "staging",
      "--writer-key",
      "../writer.key",
      "--json",
      "deploy",
    );
    expect(drift.code).toBe(2);
    expect(drift.json()).toMatchObject({
      components: [
        { component: "app", changed: [{ path: "deploy/app.yaml", kinds: ["content"] }] },
      ],
    });
  });

  it("forgets with tombstones, verifies the chain afterwards, and prunes the blob", async () => {
    const forget = await cli("forget", "--store", store, "--env", "staging", "--json");
    expect(forget.code).toBe(0);
    expect((forget.json() as { tombstones: string[] }).tombstones).toEqual([
      "tombstones/staging/0000000001.json",
    ]);
    const listed = await cli("list", "--store", store, "--json");
    expect((listed.json() as { snapshots: { seq: number }[] }).snapshots.map((s) => s.seq)).toEqual(
      [2],
    );
    const pruned = await cli("prune", "--store", store, "--grace", "0s", "--json");
    expect(pruned.code).toBe(0);
    expect((pruned.json() as { deleted: { reason: string }[] }).deleted).toEqual([
      expect.objectContaining({ reason: "forgotten" }),
    ]);
    const verified = await cli(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      ws.keys.verifyKey,
    );
    expect(verified.stdout).toContain("Verified 2 snapshot(s)");
    expect(verified.code).toBe(0);
  });
});
