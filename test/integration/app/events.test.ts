import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { writeVerificationRecords } from "../../../core/snapshot/verification-record.js";
import {
  createScenario,
  createSourceRepo,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { gateLockRefCount } from "../../helpers/gate-lock-ref-count.js";

/**
 * Every event the app handles besides pull requests, delivered by the
 * sandbox over HTTP: pushes, check suites, merge queues, the Snapshot now
 * button, deployment protection rules, and the re-evaluation a push to the
 * backup repository triggers.
 */
let h: AppHarness;
const work = tempDir("snapgate-app-events-");

beforeAll(async () => {
  h = await startAppHarness();
  const warmup = await createSourceRepo(h.gh, "svc-warmup", policyYaml(h.keys, "warmup"));
  await deliver(
    "pull_request",
    await h.gh.webhooks.payloads.pullRequest({
      owner: OWNER,
      repo: "svc-warmup",
      number: warmup.number,
      action: "opened",
    }),
  );
});
afterEach(async () => {
  await h.gh.webhooks.settle();
  h.gh.webhooks.sideEffects = false;
  h.gh.assertClean();
});
afterAll(() => h.close());

async function deliver(event: string, payload: Record<string, unknown>) {
  const delivery = await h.gh.webhooks.deliver(h.app.appId, event, payload);
  expect(delivery.status).toBe(200);
  return delivery;
}

async function runsOn(repo: string, sha: string) {
  return (
    await h.reader.checks.listForRef({ owner: OWNER, repo, ref: sha, filter: "all" })
  ).data.check_runs.sort((a, b) => a.id - b.id);
}

async function branchHead(repo: string, branch: string): Promise<string> {
  return (await h.reader.git.getRef({ owner: OWNER, repo, ref: `heads/${branch}` })).data.object
    .sha;
}

describe("pushes and check suites", () => {
  it("gates a push to a release branch once, however many events announce the commit", async () => {
    const { repo, snapshot } = await createScenario(h, work, "pushed");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    const before = await branchHead(repo, "main");
    const after = await h.gh.commitFiles(
      OWNER,
      repo,
      "main",
      { "deploy/app.yaml": "x: 2\n" },
      "ship",
    );
    h.gh.resetLog();
    const push = await deliver(
      "push",
      await h.gh.webhooks.payloads.push({
        owner: OWNER,
        repo,
        ref: "refs/heads/main",
        before,
        after,
      }),
    );
    // The decision (3 reads), its cross-instance lock (the backup head, one ref, two near
    // midnight: ADR 0611), the run.
    expect(h.gh.callCounts()).toEqual({
      graphql: 3,
      "git/get-ref": 1,
      "git/create-ref": gateLockRefCount(),
      "checks/create": 1,
    });
    const [run] = await runsOn(repo, after);
    expect(run).toMatchObject({
      name: "Snapgate / config backup (pushed)",
      conclusion: "success",
      external_id: push.id,
    });
    expect(run!.output.text).toContain("for a push to main");

    // GitHub also announces the commit as a check suite: the push is responsible (ADR 0604),
    // so the suite costs not even a read.
    h.gh.resetLog();
    const suite = { owner: OWNER, repo, appId: h.app.appId, branch: "main", headSha: after };
    await deliver(
      "check_suite",
      await h.gh.webhooks.payloads.checkSuite({ ...suite, action: "requested" }),
    );
    expect(h.gh.callCounts()).toEqual({});
    expect(await runsOn(repo, after)).toHaveLength(1);
    // "Re-run all checks" decides again.
    const rerun = await deliver(
      "check_suite",
      await h.gh.webhooks.payloads.checkSuite({ ...suite, action: "rerequested" }),
    );
    expect((await runsOn(repo, after)).map((check) => check.external_id)).toEqual([
      push.id,
      rerun.id,
    ]);
  });

  it("does not gate a push to a branch no environment is released from", async () => {
    const { repo } = await createScenario(h, work, "unreleased");
    const after = await h.gh.commitFiles(OWNER, repo, "topic", { "a.txt": "a\n" }, "topic");
    h.gh.resetLog();
    await deliver(
      "push",
      await h.gh.webhooks.payloads.push({
        owner: OWNER,
        repo,
        ref: "refs/heads/topic",
        before: null,
        after,
      }),
    );
    expect(h.gh.callCounts()).toEqual({ graphql: 1 });
    expect(await runsOn(repo, after)).toEqual([]);
  });

  it("gates a re-run check suite's commit for the base branches of its pull requests", async () => {
    const { repo, pull } = await createScenario(h, work, "suite");
    const suite = { owner: OWNER, repo, appId: h.app.appId, branch: "feature" };
    // A requested suite leaves its pull requests' bases to pull_request.synchronize.
    await deliver(
      "check_suite",
      await h.gh.webhooks.payloads.checkSuite({ ...suite, action: "requested" }),
    );
    expect(await runsOn(repo, pull.headSha)).toEqual([]);
    await deliver(
      "check_suite",
      await h.gh.webhooks.payloads.checkSuite({ ...suite, action: "rerequested" }),
    );
    expect(await runsOn(repo, pull.headSha)).toEqual([
      expect.objectContaining({ name: "Snapgate / config backup (suite)", conclusion: "failure" }),
    ]);
  });
});

describe("merge queues", () => {
  it("gates the merge group's commit for its base branch", async () => {
    const { repo, pull, snapshot } = await createScenario(h, work, "queued");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    const headSha = await h.gh.commitFiles(
      OWNER,
      repo,
      `gh-readonly-queue/main/pr-${pull.number}`,
      { "deploy/app.yaml": "merged: true\n" },
      "merge group",
    );
    await deliver(
      "merge_group",
      await h.gh.webhooks.payloads.mergeGroup({
        owner: OWNER,
        repo,
        baseBranch: "main",
        headSha,
        pullNumber: pull.number,
      }),
    );
    const [run] = await runsOn(repo, headSha);
    expect(run).toMatchObject({ name: "Snapgate / config backup (queued)", conclusion: "success" });
    expect(run!.output.text).toContain(
      "for the merge queue (refs/heads/gh-readonly-queue/main/pr-",
    );
  });
});

describe("custom deployment protection rules", () => {
  it("approves a deployment whose backup passes the gate, with the decision as comment", async () => {
    const { repo, snapshot } = await createScenario(h, work, "deploy-ok");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    const runId = await h.gh.createWaitingRun({
      owner: OWNER,
      repo,
      branch: "main",
      environment: "deploy-ok",
      appId: h.app.appId,
    });
    h.gh.resetLog();
    const delivery = await deliver(
      "deployment_protection_rule",
      await h.gh.webhooks.payloads.deploymentProtectionRule({ runId }),
    );
    expect(h.gh.callCounts()).toEqual({ graphql: 3, "actions/review-custom-gates-for-run": 1 });
    expect(h.gh.workflowRun(runId)).toMatchObject({
      status: "queued",
      reviews: [
        {
          environment: "deploy-ok",
          state: "approved",
          comment: "Snapgate / config backup (deploy-ok): approved. All 8 conditions pass.",
          by: h.app.botLogin,
        },
      ],
    });
    // A redelivery finds the rule answered (GitHub says 422) and leaves it.
    expect((await h.gh.webhooks.redeliver(delivery.id)).status).toBe(200);
    expect(h.gh.workflowRun(runId).reviews).toHaveLength(1);
  });

  it("rejects a deployment whose backup fails the gate, or whose environment the policy lacks", async () => {
    const { repo } = await createScenario(h, work, "deploy-bad");
    const failing = await h.gh.createWaitingRun({
      owner: OWNER,
      repo,
      branch: "main",
      environment: "deploy-bad",
      appId: h.app.appId,
    });
    await deliver(
      "deployment_protection_rule",
      await h.gh.webhooks.payloads.deploymentProtectionRule({ runId: failing }),
    );
    expect(h.gh.workflowRun(failing)).toMatchObject({
      status: "completed",
      conclusion: "failure",
      reviews: [
        {
          state: "rejected",
          comment: [
            "Snapgate / config backup (deploy-bad): rejected. 1 of 2 conditions do not pass: snapshot.",
            "- snapshot (fail): No snapshot of deploy-bad exists. Fix: Take one: run the snapshot workflow (snapshot.yml) or `snapgate snapshot --env deploy-bad`.",
          ].join("\n"),
        },
      ],
    });
    const unknown = await h.gh.createWaitingRun({
      owner: OWNER,
      repo,
      branch: "main",
      environment: "qa",
      appId: h.app.appId,
    });
    await deliver(
      "deployment_protection_rule",
      await h.gh.webhooks.payloads.deploymentProtectionRule({ runId: unknown }),
    );
    expect(h.gh.workflowRun(unknown).reviews).toEqual([
      expect.objectContaining({
        state: "rejected",
        comment: expect.stringContaining("The policy has no environment 'qa'."),
      }),
    ]);
  });
});

describe("custom deployment protection rules when the policy is out of reach", () => {
  it("rejects, saying why, when the policy cannot be read", async () => {
    const { repo } = await createScenario(h, work, "deploy-unread");
    const runId = await h.gh.createWaitingRun({
      owner: OWNER,
      repo,
      branch: "main",
      environment: "deploy-unread",
      appId: h.app.appId,
    });
    h.gh.faults.inject({ route: "graphql", repo: `${OWNER}/${repo}`, status: 503, times: 3 });
    await deliver(
      "deployment_protection_rule",
      await h.gh.webhooks.payloads.deploymentProtectionRule({ runId }),
    );
    expect(h.gh.workflowRun(runId).reviews).toEqual([
      expect.objectContaining({
        state: "rejected",
        comment: expect.stringContaining(
          "- policy (unknown): Reading the policy failed: GitHub failed while reading the policy of acme/svc-deploy-unread (503",
        ),
      }),
    ]);
  });
});

describe("Snapshot now and re-evaluation", () => {
  it("dispatches the snapshot workflow, then passes the gate when the snapshot lands", async () => {
    const { repo, pull, snapshot } = await createScenario(h, work, "button");
    await deliver(
      "pull_request",
      await h.gh.webhooks.payloads.pullRequest({
        owner: OWNER,
        repo,
        number: pull.number,
        action: "opened",
      }),
    );
    const [failing] = await runsOn(repo, pull.headSha);
    expect(h.gh.checkRunActions(failing!.id)).toEqual([
      expect.objectContaining({ identifier: "snapshot-now" }),
    ]);
    h.gh.resetLog();
    const pressed = await deliver(
      "check_run",
      await h.gh.webhooks.payloads.checkRun({
        owner: OWNER,
        repo,
        checkRunId: failing!.id,
        action: "requested_action",
        identifier: "snapshot-now",
        sender: "dev",
      }),
    );
    expect(h.gh.callCounts()).toEqual({
      "checks/get": 1,
      graphql: 1,
      "actions/create-workflow-dispatch": 1,
      "checks/update": 1,
    });
    const dispatched = h.gh.workflowRuns(OWNER, repo);
    expect(dispatched).toEqual([
      expect.objectContaining({
        workflow: ".github/workflows/snapshot.yml",
        event: "workflow_dispatch",
        branch: "main",
        inputs: { environment: "button" },
      }),
    ]);
    const noted = await h.reader.checks.get({ owner: OWNER, repo, check_run_id: failing!.id });
    expect(noted.data.output.text).toContain(`Snapshot requested by @dev at `);
    expect(noted.data.output.text).toContain(`(delivery ${pressed.id})`);
    // Pressing is not repeated by a redelivery.
    await h.gh.webhooks.redeliver(pressed.id);
    expect(h.gh.workflowRuns(OWNER, repo)).toHaveLength(1);

    // The workflow's snapshot reaches the backup repository: its push re-evaluates the failing gate.
    h.gh.webhooks.sideEffects = true;
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    await h.gh.webhooks.settle();
    const runs = await runsOn(repo, pull.headSha);
    expect(runs.map((run) => run.conclusion)).toEqual(["failure", "success"]);
    expect(runs[1]!.output.text).toContain("again because acme/config-backups@main changed");
    expect(runs[1]!.output.text).toContain(`this head is pull request #${pull.number}`);
  });

  it("notes in the check run when there is no snapshot workflow or it cannot be dispatched, and ignores other buttons", async () => {
    const bare = await createScenario(
      h,
      work,
      "noworkflow",
      policyYaml(h.keys, "noworkflow", { snapshotWorkflow: false }),
    );
    const broken = await createScenario(
      h,
      work,
      "brokenworkflow",
      policyYaml(h.keys, "brokenworkflow").replace("snapshot.yml", "missing.yml"),
    );
    for (const { repo, pull } of [bare, broken]) {
      await deliver(
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({
          owner: OWNER,
          repo,
          number: pull.number,
          action: "opened",
        }),
      );
    }
    const press = async (repo: string, sha: string, identifier: string) => {
      const [run] = await runsOn(repo, sha);
      await deliver(
        "check_run",
        await h.gh.webhooks.payloads.checkRun({
          owner: OWNER,
          repo,
          checkRunId: run!.id,
          action: "requested_action",
          identifier,
          sender: "dev",
        }),
      );
      return (await h.reader.checks.get({ owner: OWNER, repo, check_run_id: run!.id })).data.output
        .text;
    };
    expect(await press(bare.repo, bare.pull.headSha, "snapshot-now")).toContain(
      "@dev asked for a snapshot, but the policy names no snapshot workflow for noworkflow: add environments.noworkflow.snapshot_workflow",
    );
    expect(await press(broken.repo, broken.pull.headSha, "snapshot-now")).toContain(
      "@dev asked for a snapshot, but dispatching missing.yml on main failed (404: Not Found). Check that .github/workflows/missing.yml exists on main",
    );
    h.gh.resetLog();
    const before = await runsOn(bare.repo, bare.pull.headSha);
    await press(bare.repo, bare.pull.headSha, "something-else");
    expect(h.gh.requests.filter((request) => request.actor === h.app.botLogin)).toEqual([]);
    expect(await runsOn(bare.repo, bare.pull.headSha)).toEqual(before);
    expect(h.gh.workflowRuns(OWNER, bare.repo)).toEqual([]);
  });

  it("re-evaluates on a new verification record, only the heads that do not pass, only for sources using this backup", async () => {
    const text = policyYaml(h.keys, "verified").replace(
      "tier1: { max_age: 24h }",
      "tier1: { max_age: 24h, restore_verification: 30d }",
    );
    const { repo, pull, snapshot } = await createScenario(h, work, "verified", text);
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    // The pull request's head and main's head both fail for want of a restore-level verification.
    await deliver(
      "pull_request",
      await h.gh.webhooks.payloads.pullRequest({
        owner: OWNER,
        repo,
        number: pull.number,
        action: "opened",
      }),
    );
    const main = await branchHead(repo, "main");
    await deliver(
      "push",
      await h.gh.webhooks.payloads.push({
        owner: OWNER,
        repo,
        ref: "refs/heads/main",
        before: null,
        after: main,
      }),
    );
    expect((await runsOn(repo, main))[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 9 conditions do not pass: restore-verification." },
    });
    // Another source snapshots into the same environment of this backup, but its policy names another branch.
    const elsewhere = policyYaml(h.keys, "verified").replace("branch: main", "branch: other");
    const stranger = await createScenario(h, work, "stranger", elsewhere);
    void stranger;

    h.gh.webhooks.sideEffects = true;
    const catalog = await h.store.readCatalog("verified");
    const report = await verifySnapshots({
      store: h.store,
      snapshots: catalog,
      trustedKeys: [h.keys.verifyKey],
      level: "restore",
      opener: h.keys.opener,
    });
    expect(report.ok).toBe(true);
    h.gh.resetLog();
    await writeVerificationRecords(h.store, report, new Date());
    await h.gh.webhooks.settle();
    for (const sha of [pull.headSha, main]) {
      expect((await runsOn(repo, sha)).map((run) => run.conclusion)).toEqual([
        "failure",
        "success",
      ]);
    }
    const pushes = h.gh.webhooks.deliveries.filter(
      (delivery) => delivery.automatic && delivery.event === "push",
    );
    expect(pushes.at(-1)).toMatchObject({ status: 200 });
  });
});
