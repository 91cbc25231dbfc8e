import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { runWorkflowJob, secretInput } from "../../helpers/run-workflow-job.js";
import { sealSecret } from "../../helpers/seal-secret.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { octokitFor } from "../sandbox/sandbox-clients.js";

/**
 * The restore job of a dispatched run, played by the runner harness: the
 * bundled restore action gets the identity from the snapgate-restore
 * environment only once the App (scripted here) approved the run.
 */
const ENV = "snapgate-restore";
const WORKFLOW = [
  "on: { workflow_dispatch: {} }",
  "jobs:",
  "  snapshot:",
  "    runs-on: ubuntu-latest",
  "    steps: [{ uses: snapgate/snapgate/actions/snapshot@v1 }]",
  "  restore:",
  "    needs: snapshot",
  "    runs-on: ubuntu-latest",
  `    environment: ${ENV}`,
  "    steps: [{ uses: snapgate/snapgate/actions/restore@v1, with: { identity: '${{ secrets.SNAPGATE_IDENTITY }}' } }]",
  "",
].join("\n");

describe("a restore job in a protected environment (bundled actions, sandbox)", () => {
  const dir = tempDir("snapgate-restore-env-");
  let ws: ActionWorkspace;
  let admin: Octokit;
  let gate: Octokit;

  beforeAll(async () => {
    ws = await makeActionWorkspace(dir);
    const gh = ws.backup.gh;
    const owner = ws.backup.owner;
    await gh.createRepo({
      owner,
      name: "service",
      private: true,
      files: { ".github/workflows/restore.yml": WORKFLOW },
    });
    // The Snapgate App (from app.yml) is the environment's protection rule.
    const rule = ws.app;
    gate = octokitFor(
      gh,
      gh.createInstallationToken(gh.installApp(rule.appId, owner, ["service"])),
    );
    admin = octokitFor(
      gh,
      gh.createToken({
        actor: "octo-admin",
        repositories: "all",
        permissions: { administration: "write", actions: "write", environments: "write" },
      }),
    );
    const where = { owner, repo: "service", environment_name: ENV };
    await admin.repos.createOrUpdateEnvironment({
      ...where,
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    await admin.repos.createDeploymentBranchPolicy({ ...where, name: "main", type: "branch" });
    await admin.repos.createDeploymentProtectionRule({ ...where, integration_id: rule.appId });
    const key = await admin.actions.getEnvironmentPublicKey(where);
    await admin.actions.createOrUpdateEnvironmentSecret({
      ...where,
      secret_name: "SNAPGATE_IDENTITY",
      key_id: key.data.key_id,
      encrypted_value: await sealSecret(key.data.key, ws.keys.age.identity),
    });
  });
  afterEach(() => ws.backup.gh.assertClean());
  afterAll(() => ws.close());

  it("restores with the environment's identity after the approval, and never runs before it", async () => {
    const owner = ws.backup.owner;
    const { data } = await admin.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      { owner, repo: "service", workflow_id: "restore.yml", ref: "main", return_run_details: true },
    );
    const runId = (data as unknown as { workflow_run_id: number }).workflow_run_id;
    const gh = ws.backup.gh;

    let snapshotId = "";
    const snapshot = await runWorkflowJob(gh, {
      runId,
      job: "snapshot",
      step: async () => {
        const run = await ws.run(
          "snapshot",
          { token: ws.token, environment: "prod", phase: "pre", "writer-key": ws.keys.writerText },
          { runId },
        );
        snapshotId = run.outputs["snapshot-id"] ?? "";
        return run;
      },
    });
    expect(snapshot.code).toBe(0);
    expect(snapshotId).toMatch(/^[0-9a-f]{64}$/);

    let restoreRuns = 0;
    const restoreStep = async (secrets: Readonly<Record<string, string>>) => {
      restoreRuns += 1;
      return ws.run(
        "restore",
        {
          token: ws.token,
          identity: secretInput(secrets, "SNAPGATE_IDENTITY"),
          snapshot: snapshotId,
          target: "restored",
        },
        { runId },
      );
    };
    const held = await runWorkflowJob(gh, { runId, job: "restore", step: restoreStep });
    expect(held).toMatchObject({ started: false });
    expect(held.refusal).toContain(
      "waits on the deployment protection rule of snapgate for snapgate-restore",
    );
    expect(restoreRuns).toBe(0);
    expect(existsSync(join(ws.repo, "restored"))).toBe(false);

    await gate.actions.reviewCustomGatesForRun({
      owner,
      repo: "service",
      run_id: runId,
      environment_name: ENV,
      state: "approved",
    });
    const restored = await runWorkflowJob(gh, { runId, job: "restore", step: restoreStep });
    expect(restored).toMatchObject({ started: true, code: 0 });
    expect(ws.read("restored/deploy/prod/api/config.yaml")).toBe(
      "db:\n  schemaVersion: 42\nreplicas: 3\n",
    );
    expect(gh.workflowRun(runId)).toMatchObject({ status: "completed", conclusion: "success" });
  });
});
