import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  runReleaseFlow,
  type ReleaseFlowOutcome,
} from "../../../sandbox/scenarios/release-flow.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * The demo's second act (`npm run demo -- --github`) as a test: the same
 * scenario module, run once, and every step's outcome as the sandbox and the
 * files it left show them. The scenario also checks each step itself (the
 * demo exits non-zero on a misbehaving step); these assertions read the
 * outcome back independently.
 */
const work = tempDir("snapgate-demo-release-flow-");
const said: string[] = [];
let outcome: ReleaseFlowOutcome;

beforeAll(async () => {
  outcome = await runReleaseFlow({ say: (line) => said.push(line), workDir: work });
});

describe("the release flow of the demo's second act", () => {
  it("narrates the six steps in order", () => {
    expect(said.filter((line) => /^\d\. /.test(line))).toEqual([
      "1. the gate is red on the release pull request",
      "2. a pre-deploy snapshot turns the gate green",
      "3. the deploy fails and rolls back automatically",
      "4. someone asks for a restore in a comment, two others approve",
      "5. the protection rule releases the restore job, which runs",
      "6. the audit chain verifies; the month's report and the dashboard are written",
    ]);
  });

  it("1-2. the gate's check run on the pull request is red, then green after the pre-deploy snapshot", () => {
    expect(outcome.gate.red).toEqual(["failure"]);
    expect(outcome.gate.green).toEqual(["failure", "success"]);
    expect(outcome.preSnapshot).toMatch(/^[0-9a-f]{64}$/);
  });

  it("3. the deploy run fails and its rollback job restores the run's own pre-deploy snapshot", () => {
    expect(outcome.deployRun).toMatchObject({
      event: "push",
      branch: "release/1.4",
      status: "completed",
      conclusion: "failure",
      jobs: [
        { name: "deploy", environment: "prod", conclusion: "failure" },
        { name: "rollback", environment: "snapgate-rollback", conclusion: "success" },
      ],
    });
    expect(outcome.rollback.outputs).toMatchObject({
      "snapshot-id": outcome.preSnapshot,
      authorization: "same-run",
      seq: "1",
      files: "2",
    });
    expect(outcome.rollback.restored).toEqual({
      "deploy/app.yaml": "name: shop\nreplicas: 3\nimage: shop:1.4.0\n",
      "k8s/ingress.yaml": "kind: Ingress\nhost: shop.example.com\n",
    });
  });

  it("4-5. the commented request, approved by two others, runs once through the protection rule and is closed by workflow_run", () => {
    expect(outcome.request).toMatchObject({
      state: "executed",
      requester: { login: "dev" },
      subject: { environment: "prod", paths: ["k8s/**"] },
      quorum: { required: 2 },
      run: { workflow: "snapgate-restore.yml", ref: "main", conclusion: "success" },
    });
    expect(outcome.request.approvals.map((approval) => approval.user.login)).toEqual([
      "alice",
      "bob",
    ]);
    expect(outcome.restoreRun).toMatchObject({
      event: "workflow_dispatch",
      triggeringActor: "snapgate[bot]",
      conclusion: "success",
      reviews: [{ environment: "snapgate-restore", state: "approved" }],
      jobs: [{ name: "restore", environment: "snapgate-restore", conclusion: "success" }],
    });
    expect(outcome.restored).toEqual({
      "k8s/ingress.yaml": "kind: Ingress\nhost: shop.example.com\n",
    });
  });

  it("6. the audit chain verifies; the audit log, report, dashboard and backup clone are left to look at", () => {
    expect(outcome.audit.ok).toBe(true);
    expect(outcome.audit.types).toEqual(
      expect.arrayContaining([
        "snapshot.created",
        "snapshot.restored",
        "request.created",
        "request.approved",
        "request.dispatched",
        "request.run-released",
        "request.executed",
      ]),
    );
    expect(outcome.audit.types.filter((type) => type === "snapshot.restored")).toHaveLength(2);
    expect(outcome.audit.events).toBe(outcome.audit.types.length);
    expect(readFileSync(outcome.files.auditLog, "utf8").trim().split("\n")).toHaveLength(
      outcome.audit.events,
    );
    expect(outcome.report).toContain("<!doctype html>");
    expect(outcome.report).toContain(outcome.request.id);
    expect(outcome.dashboard).toContain('id="env-prod"');
    const clone = outcome.files.clone;
    expect(existsSync(join(clone, ".git"))).toBe(true);
    expect(existsSync(join(clone, "audit/head.json"))).toBe(true);
    expect(existsSync(join(clone, `requests/${outcome.request.id}.json`))).toBe(true);
    expect(existsSync(join(clone, "manifests/prod"))).toBe(true);
  });
});

describe("a step that misbehaves stops the flow with a clear message", () => {
  const broken = tempDir("snapgate-demo-broken-");

  it("the app cannot post its check run: step 1 fails, saying so", async () => {
    const lines: string[] = [];
    await expect(
      runReleaseFlow({
        say: (line) => lines.push(line),
        workDir: broken,
        prepare: (gh) => gh.faults.inject({ route: "checks/create", status: 500, times: 20 }),
      }),
    ).rejects.toThrow('Step "1. the gate is red on the release pull request" misbehaved');
    expect(lines.at(-1)).toBe("1. the gate is red on the release pull request");
  });

  it("the demo script says what is missing when the dev dependencies are not installed", () => {
    const copy = join(broken, "no-deps");
    mkdirSync(join(copy, "scripts"), { recursive: true });
    copyFileSync(
      new URL("../../../scripts/demo.js", import.meta.url),
      join(copy, "scripts/demo.js"),
    );
    const run = spawnSync(process.execPath, [join(copy, "scripts/demo.js"), "--github"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Run npm ci first, then npm run demo -- --github.");
    expect(run.stdout).toBe("");
  });
});
