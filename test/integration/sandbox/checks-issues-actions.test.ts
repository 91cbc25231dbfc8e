import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor, statusOf } from "./sandbox-clients.js";

const owner = "acme";
const repo = "service";
let gh: Sandbox;
let app: Octokit;
let otherApp: Octokit;
let alice: Octokit;
let appId: number;
let head: string;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "alice" });
  gh.createUser({ login: "bob" });
  gh.createOrg({ login: owner, admins: ["alice"], members: ["bob"], basePermission: "read" });
  await gh.createRepo({
    owner,
    name: repo,
    files: {
      "app.yml": "x: 1\n",
      ".github/workflows/snapshot.yml": "on: [push, workflow_dispatch]\njobs: {}\n",
      ".github/workflows/ci.yml": "on: push\njobs: {}\n",
      ".github/workflows/restore.yml":
        "on:\n  workflow_dispatch:\n    inputs:\n      request:\n        required: true\njobs: {}\n",
    },
  });
  const snapgate = gh.createApp({
    // A sandbox fixture with the permissions this test exercises; not the Snapgate App (tests register that from app.yml only).
    slug: "fixture-app",
    permissions: {
      checks: "write",
      issues: "write",
      pull_requests: "read",
      actions: "write",
      deployments: "write",
      contents: "read",
    },
    events: [],
  });
  appId = snapgate.appId;
  app = octokitFor(gh, gh.createInstallationToken(gh.installApp(appId, owner, "all")));
  const other = gh.createApp({ slug: "other", permissions: { checks: "write" }, events: [] });
  otherApp = octokitFor(gh, gh.createInstallationToken(gh.installApp(other.appId, owner, "all")));
  alice = octokitFor(
    gh,
    gh.createToken({
      actor: "alice",
      repositories: "all",
      permissions: { issues: "write", actions: "write" },
    }),
  );
  head = (await app.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

describe("check runs", () => {
  it("creates, completes and lists check runs for a ref, filtered by name", async () => {
    const created = await app.checks.create({
      owner,
      repo,
      name: "Snapgate / config backup (prod)",
      head_sha: head,
      status: "in_progress",
      actions: [
        {
          label: "Snapshot now",
          description: "Dispatch the snapshot workflow",
          identifier: "snapshot-now",
        },
      ],
    });
    expect(created.data).toMatchObject({
      status: "in_progress",
      conclusion: null,
      app: { id: appId },
    });
    const completed = await app.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: "failure",
      output: {
        title: "No snapshot",
        summary: "| check | state |",
        annotations: [
          {
            path: "app.yml",
            start_line: 1,
            end_line: 1,
            annotation_level: "failure",
            message: "uncovered tier-0 file",
          },
        ],
      },
    });
    expect(completed.data).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "No snapshot", annotations_count: 1 },
    });
    await app.checks.create({
      owner,
      repo,
      name: "other check",
      head_sha: head,
      conclusion: "success",
    });
    const listed = await app.checks.listForRef({
      owner,
      repo,
      ref: "main",
      check_name: "Snapgate / config backup (prod)",
    });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]!.id).toBe(created.data.id);
    expect((await app.checks.listForRef({ owner, repo, ref: head })).data.total_count).toBe(2);
    expect(
      (await app.checks.get({ owner, repo, check_run_id: created.data.id })).data.output.summary,
    ).toBe("| check | state |");
  });

  it("refuses a check run for an unknown commit, and an update by another app", async () => {
    expect(
      (await statusOf(app.checks.create({ owner, repo, name: "x", head_sha: "4".repeat(40) })))
        .status,
    ).toBe(422);
    const run = await app.checks.create({ owner, repo, name: "mine", head_sha: head });
    expect(
      (
        await statusOf(
          otherApp.checks.update({ owner, repo, check_run_id: run.data.id, conclusion: "success" }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("issues, comments and reactions", () => {
  it("creates an issue, comments on it, edits the comment in place and reacts", async () => {
    const issue = await app.issues.create({ owner, repo, title: "Restore request r-1" });
    const comment = await app.issues.createComment({
      owner,
      repo,
      issue_number: issue.data.number,
      body: "status: pending",
    });
    expect(comment.data.user?.login).toBe("fixture-app[bot]");
    expect(comment.data.performed_via_github_app?.id).toBe(appId);
    const edited = await app.issues.updateComment({
      owner,
      repo,
      comment_id: comment.data.id,
      body: "status: approved",
    });
    expect(edited.data.body).toBe("status: approved");
    expect(
      (await app.issues.getComment({ owner, repo, comment_id: comment.data.id })).data.body,
    ).toBe("status: approved");
    const approval = await alice.issues.createComment({
      owner,
      repo,
      issue_number: issue.data.number,
      body: "/snapgate approve r-1",
    });
    expect(approval.data.author_association).toBe("MEMBER");
    const first = await app.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: approval.data.id,
      content: "+1",
    });
    const second = await app.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: approval.data.id,
      content: "+1",
    });
    expect([first.status, second.status]).toEqual([201, 200]);
    const listed = await app.issues.listComments({
      owner,
      repo,
      issue_number: issue.data.number,
      per_page: 1,
    });
    expect(listed.data.map((item) => item.body)).toEqual(["status: approved"]);
    expect(listed.headers.link).toContain('rel="next"');
    expect(
      (await app.issues.get({ owner, repo, issue_number: issue.data.number })).data.comments,
    ).toBe(2);
  });

  it("lets the test post, edit and delete a person's comment as the web UI would", async () => {
    const issue = await app.issues.create({ owner, repo, title: "Restore request r-2" });
    const id = gh.addIssueComment({
      owner,
      repo,
      number: issue.data.number,
      user: "bob",
      body: "/snapgate approve r-2",
    });
    expect((await app.issues.getComment({ owner, repo, comment_id: id })).data).toMatchObject({
      user: { login: "bob" },
      body: "/snapgate approve r-2",
    });
    expect(gh.editIssueComment(id, "/snapgate deny r-2")).toBe("/snapgate approve r-2");
    const edited = await gh.webhooks.payloads.issueComment({
      commentId: id,
      action: "edited",
      previousBody: "/snapgate approve r-2",
    });
    expect(edited).toMatchObject({
      changes: { body: { from: "/snapgate approve r-2" } },
      comment: { body: "/snapgate deny r-2" },
    });
    gh.deleteIssueComment(id);
    expect((await statusOf(app.issues.getComment({ owner, repo, comment_id: id }))).status).toBe(
      404,
    );
    expect(() => gh.editIssueComment(id, "again")).toThrow(/There is no comment/);
  });

  it("reads a pull request with its head, base and diff statistics", async () => {
    await gh.commitFiles(owner, repo, "change", { "app.yml": "x: 2\ny: 3\n" }, "change", {
      author: "bob",
    });
    const number = gh.createPullRequest({ owner, repo, head: "change", base: "main", user: "bob" });
    const pull = await app.pulls.get({ owner, repo, pull_number: number });
    expect(pull.data).toMatchObject({
      number,
      head: { ref: "change" },
      base: { ref: "main", sha: head },
      commits: 1,
      changed_files: 1,
      additions: 2,
      deletions: 1,
    });
  });
});

describe("who may do what", () => {
  it("reports collaborator permission from ownership, organization and collaborators", async () => {
    const level = async (username: string) =>
      (await app.repos.getCollaboratorPermissionLevel({ owner, repo, username })).data.permission;
    gh.createUser({ login: "carol" });
    gh.addCollaborator(owner, repo, "carol", "maintain");
    gh.createUser({ login: "dave" });
    expect([
      await level("alice"),
      await level("bob"),
      await level("carol"),
      await level("dave"),
    ]).toEqual(["admin", "read", "write", "none"]);
    expect(
      (await statusOf(app.repos.getCollaboratorPermissionLevel({ owner, repo, username: "ghost" })))
        .status,
    ).toBe(404);
  });
});

describe("workflow dispatch and runs", () => {
  it("answers 204 without return_run_details and 200 with it", async () => {
    const quiet = await app.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: "snapshot.yml",
      ref: "main",
    });
    expect(quiet.status).toBe(204);
    const detailed = await app.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: "snapshot.yml",
      ref: "main",
      return_run_details: true,
    });
    expect(detailed.status).toBe(200);
    const { workflow_run_id: runId, run_url: runUrl } = detailed.data as unknown as {
      workflow_run_id: number;
      run_url: string;
    };
    expect(runUrl).toBe(`${gh.url}/repos/${owner}/${repo}/actions/runs/${runId}`);
    const run = await app.actions.getWorkflowRun({ owner, repo, run_id: runId });
    expect(run.data).toMatchObject({
      status: "queued",
      event: "workflow_dispatch",
      head_sha: head,
      path: ".github/workflows/snapshot.yml",
    });
    const runs = await app.actions.listWorkflowRunsForRepo({
      owner,
      repo,
      event: "workflow_dispatch",
    });
    expect(runs.data.total_count).toBe(2);
  });

  it("checks the workflow file: it must exist, accept workflow_dispatch and declare the inputs", async () => {
    const dispatch = (workflow: string, inputs?: Record<string, string>) =>
      statusOf(
        alice.actions.createWorkflowDispatch({
          owner,
          repo,
          workflow_id: workflow,
          ref: "main",
          ...(inputs ? { inputs } : {}),
        }),
      );
    expect((await dispatch("missing.yml")).status).toBe(404);
    expect(await dispatch("ci.yml")).toEqual({
      status: 422,
      message: "Workflow does not have 'workflow_dispatch' trigger",
    });
    expect(await dispatch("restore.yml")).toEqual({
      status: 422,
      message: "Required input 'request' not provided",
    });
    expect(await dispatch("restore.yml", { request: "r-1", extra: "x" })).toEqual({
      status: 422,
      message: 'Unexpected inputs provided: ["extra"]',
    });
    await alice.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: "restore.yml",
      ref: "main",
      inputs: { request: "r-1" },
    });
    expect(gh.workflowRuns(owner, repo)[0]).toMatchObject({
      workflow: ".github/workflows/restore.yml",
      inputs: { request: "r-1" },
      actor: "alice",
    });
  });

  it("starts a scheduled run of the default branch's workflow as GitHub's scheduler does, and refuses a workflow without a schedule", async () => {
    await gh.commitFiles(
      owner,
      repo,
      "main",
      {
        ".github/workflows/nightly.yml":
          'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  verify:\n    runs-on: ubuntu-latest\n    environment: nightly\n',
      },
      "nightly workflow",
      { author: "alice" },
    );
    const main = (await app.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
    const runId = await gh.runSchedule({ owner, repo, workflow: "nightly.yml", actor: "alice" });
    const run = (await app.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
    expect(run).toMatchObject({
      event: "schedule",
      head_branch: "main",
      head_sha: main,
      path: ".github/workflows/nightly.yml",
      run_attempt: 1,
      triggering_actor: { login: "alice" },
    });
    // The environment has no protection rule: its job is not held.
    expect(gh.workflowRun(runId).jobs).toMatchObject([{ name: "verify", status: "queued" }]);
    const scheduled = await app.actions.listWorkflowRunsForRepo({ owner, repo, event: "schedule" });
    expect(scheduled.data.workflow_runs.map((r) => r.id)).toEqual([runId]);
    await expect(gh.runSchedule({ owner, repo, workflow: "ci.yml" })).rejects.toThrow(
      ".github/workflows/ci.yml has no schedule trigger, so GitHub never runs it on a schedule.",
    );
    await expect(gh.runSchedule({ owner, repo, workflow: "missing.yml" })).rejects.toThrow(
      ".github/workflows/missing.yml is not on main of acme/service.",
    );
  });

  it("starts a push run of a workflow whose push trigger names the branch, with its jobs gated, and refuses other branches", async () => {
    const head = await gh.commitFiles(
      owner,
      repo,
      "release/2.0",
      {
        ".github/workflows/ship.yml":
          'on:\n  push:\n    branches: ["release/*"]\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    environment: shipping\n  notes:\n    runs-on: ubuntu-latest\n',
      },
      "ship workflow",
      { author: "alice" },
    );
    const runId = await gh.runPush({ owner, repo, workflow: "ship.yml", branch: "release/2.0" });
    const run = (await app.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
    expect(run).toMatchObject({
      event: "push",
      head_branch: "release/2.0",
      head_sha: head,
      path: ".github/workflows/ship.yml",
      run_attempt: 1,
    });
    expect(gh.workflowRun(runId).jobs).toMatchObject([
      { name: "ship", status: "queued", environment: "shipping" },
      { name: "notes", status: "queued", environment: null },
    ]);
    await gh.commitFiles(owner, repo, "topic", { "x.txt": "x\n" }, "topic", { author: "alice" });
    await expect(
      gh.runPush({ owner, repo, workflow: "ship.yml", branch: "topic" }),
    ).rejects.toThrow(".github/workflows/ship.yml is not on topic of acme/service.");
    await gh.commitFiles(
      owner,
      repo,
      "topic",
      { ".github/workflows/ship.yml": 'on:\n  push:\n    branches: ["release/*"]\njobs: {}\n' },
      "ship on topic",
      { author: "alice" },
    );
    await expect(
      gh.runPush({ owner, repo, workflow: "ship.yml", branch: "topic" }),
    ).rejects.toThrow(
      ".github/workflows/ship.yml does not run on a push to topic (its push trigger: release/*).",
    );
    await expect(gh.runPush({ owner, repo, workflow: "ship.yml", branch: "gone" })).rejects.toThrow(
      "acme/service has no branch gone.",
    );
  });

  it("takes the answer of the app to a custom deployment protection rule", async () => {
    const runId = await gh.createWaitingRun({
      owner,
      repo,
      branch: "main",
      environment: "prod",
      appId,
    });
    const payload = await gh.webhooks.payloads.deploymentProtectionRule({ runId });
    expect(payload.deployment_callback_url).toBe(
      `${gh.url}/repos/${owner}/${repo}/actions/runs/${runId}/deployment_protection_rule`,
    );
    const answered = await app.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: "prod",
      state: "rejected",
      comment: "no verified backup",
    });
    expect(answered.status).toBe(204);
    expect(gh.workflowRun(runId)).toMatchObject({
      status: "completed",
      conclusion: "failure",
      reviews: [
        {
          environment: "prod",
          state: "rejected",
          comment: "no verified backup",
          by: "fixture-app[bot]",
        },
      ],
    });
    expect(
      (
        await statusOf(
          otherApp.actions.reviewCustomGatesForRun({
            owner,
            repo,
            run_id: runId,
            environment_name: "prod",
            state: "approved",
          }),
        )
      ).status,
    ).toBe(403);
  });
});
