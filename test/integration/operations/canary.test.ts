import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import {
  makeAlertWorkspace,
  type AlertWorkspace,
  type AuditLineJson,
} from "../../helpers/alert-workspace.js";
import { makeKeys } from "../../helpers/keys.js";
import { makePolicyWorkspace } from "../../helpers/policy-workspace.js";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { workflowStepArgs } from "../../helpers/workflow-step-args.js";

const BODY = `tiers:
  tier1: { max_age: 1h }
environments:
  qa: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
`;

describe("snapgate canary: snapshot a fresh file, restore it, compare; a failure alerts (App token, sandbox)", () => {
  const dir = tempDir("snapgate-canary-");
  let aw: AlertWorkspace;
  let store = "";
  const cli = (...args: string[]) => aw.cli(...args);
  const issues = () => aw.issues();
  const auditLines = () => aw.auditLines();
  const ofType = (lines: AuditLineJson[], type: string) =>
    lines.filter((line) => line.type === type);

  beforeAll(async () => {
    aw = await makeAlertWorkspace(dir, BODY);
    store = aw.store;
    // qa is healthy: the health run below has nothing of its own to alert on.
    const snapshot = await cli(
      "snapshot",
      "--store",
      store,
      "--writer-key",
      join(aw.ws.dir, "writer.key"),
      "--env",
      "qa",
      "--phase",
      "scheduled",
    );
    expect(snapshot.code).toBe(0);
  });
  afterEach(() => aw.backup.gh.assertClean());
  afterAll(() => aw.backup.gh.close());

  it("runs the canary: a pass, a failure that alerts, and a pass that closes the alert", async () => {
    const canary = (identity: string) =>
      cli(
        "canary",
        "--store",
        store,
        "--identity",
        identity,
        "--writer-key",
        join(aw.ws.dir, "writer.key"),
        "--alert",
        "acme/service",
        "--json",
      );
    const pass = await canary(join(aw.ws.dir, "id.txt"));
    expect(pass.code).toBe(0);
    expect(pass.json()).toMatchObject({
      ok: true,
      stream: "snapgate-canary",
      failedAt: null,
      alerts: { changes: [] },
    });
    // The restore environment's identity no longer matches the recipients.
    const other = await makeKeys();
    writeFileSync(join(aw.ws.dir, "other.txt"), `${other.age.identity}\n`);
    const fail = await canary(join(aw.ws.dir, "other.txt"));
    expect(fail.code).toBe(3);
    expect(fail.json()).toMatchObject({
      ok: false,
      failedAt: "restore",
      alerts: {
        changes: [
          expect.objectContaining({
            action: "opened",
            environment: "snapgate-canary",
            problem: "canary",
          }),
        ],
      },
    });
    // A health run does not close the canary's issue: it did not check the canary.
    const health = await cli("health", "--store", store, "--alert", "acme/service", "--json");
    expect(health.code).toBe(0);
    expect((health.json() as { alerts: { changes: unknown[] } }).alerts.changes).toEqual([]);
    const back = await canary(join(aw.ws.dir, "id.txt"));
    expect(back.json()).toMatchObject({
      ok: true,
      alerts: { changes: [expect.objectContaining({ action: "resolved" })] },
    });
    const lines = await auditLines();
    expect(ofType(lines, "canary.checked").map((line) => line.details?.ok)).toEqual([
      true,
      false,
      true,
    ]);
    expect(ofType(lines, "canary.checked")[1]?.details).toMatchObject({ failedAt: "restore" });
    // The canary's snapshots are their own stream: the gate's environments see none of them.
    expect(
      (await issues()).filter(
        (issue) => issue.title === "Snapgate: snapgate-canary synthetic canary failed",
      ),
    ).toHaveLength(1);
  });

  it("runs the documented workflow's canary step (the bundled CLI; identity and writer key from the environment's secrets)", async () => {
    const step = workflowStepArgs(
      new URL("../../../docs/examples/scheduled-health.yml", import.meta.url),
      "canary",
      { "github.repository": "acme/service" },
    );
    expect(step.envNames).toEqual(["GITHUB_TOKEN", "SNAPGATE_IDENTITY", "SNAPGATE_WRITER_KEY"]);
    const run = await spawnCli([...step.args, "--json"], {
      cwd: aw.ws.repo,
      env: {
        ...aw.env,
        SNAPGATE_IDENTITY: aw.ws.keys.age.identity,
        SNAPGATE_WRITER_KEY: aw.ws.keys.writerText,
      },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      ok: true,
      stream: "snapgate-canary",
      alerts: { changes: [] },
    });
  });

  it("refuses a stream that is a policy environment, and runs without an identity, with a fix", async () => {
    const asEnv = await cli(
      "canary",
      "--store",
      store,
      "--stream",
      "qa",
      "--identity",
      join(aw.ws.dir, "id.txt"),
      "--writer-key",
      join(aw.ws.dir, "writer.key"),
    );
    expect(asEnv.code).not.toBe(0);
    expect(asEnv.stderr).toContain("--stream qa is an environment of the policy.");
    const noIdentity = await cli(
      "canary",
      "--store",
      store,
      "--writer-key",
      join(aw.ws.dir, "writer.key"),
    );
    expect(noIdentity.stderr).toContain("The canary restores, so it needs an age identity.");
  });
});

describe("snapgate canary on a local store", () => {
  const dir = tempDir("snapgate-canary-local-");

  it("passes, and reports a store that takes no blob as a failure at the snapshot step", async () => {
    const ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/app.yaml", "port: 1\n");
    expect((await ws.snapshot("--env", "qa", "--phase", "scheduled")).code).toBe(0);
    const canary = () =>
      ws.cli(
        "canary",
        "--store",
        ws.store,
        "--identity",
        join(ws.dir, "id.txt"),
        "--writer-key",
        join(ws.dir, "writer.key"),
        "--json",
      );
    const pass = await canary();
    expect(pass.json()).toMatchObject({ ok: true, failedAt: null, snapshot: { seq: 1 } });
    // Where the blobs go is now a file: nothing can be written there.
    rmSync(join(ws.store, "blobs"), { recursive: true, force: true });
    writeFileSync(join(ws.store, "blobs"), "not a directory\n");
    const fail = await canary();
    expect(fail.code).toBe(3);
    expect(fail.json()).toMatchObject({ ok: false, failedAt: "snapshot", snapshot: null });
    expect((fail.json() as { message: string }).message).toMatch(
      /^The canary failed to snapshot: /,
    );
  });
});
