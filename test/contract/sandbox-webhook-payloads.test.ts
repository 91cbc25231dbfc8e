import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { webhookContract, WebhookContract } from "../../sandbox/contract/webhook-contract.js";
import { startSandbox, type Payload, type Sandbox } from "../../sandbox/index.js";

const served = JSON.parse(
  readFileSync(new URL("../../sandbox/openapi/served.json", import.meta.url), "utf8"),
) as { webhooks: string[] };

let gh: Sandbox;
const built = new Map<string, { event: string; payload: Payload }>();

/** Builds one payload of every event Snapgate handles from a small but real world. */
async function buildAll(): Promise<void> {
  gh.createUser({ login: "dev" });
  gh.createOrg({ login: "acme", members: ["dev"] });
  await gh.createRepo({
    owner: "acme",
    name: "service",
    files: {
      "config/a.yml": "a: 1\n",
      ".github/workflows/restore.yml": "on: workflow_dispatch\njobs: {}\n",
    },
  });
  const app = gh.createApp({
    // A sandbox fixture with the permissions this test exercises; not the Snapgate App (tests register that from app.yml only).
    slug: "fixture-app",
    permissions: { checks: "write", issues: "write" },
    events: ["push"],
  });
  const installationId = gh.installApp(app.appId, "acme", ["service"]);
  const before = await gh.commitFiles(
    "acme",
    "service",
    "feature",
    { "config/a.yml": "a: 2\n" },
    "change",
  );
  const after = await gh.commitFiles(
    "acme",
    "service",
    "feature",
    { "config/b.yml": "b: 1\n", "config/a.yml": null },
    "more",
  );
  const number = gh.createPullRequest({
    owner: "acme",
    repo: "service",
    head: "feature",
    base: "main",
    user: "dev",
  });
  const repo = { owner: "acme", repo: "service" };
  const { payloads } = gh.webhooks;
  const add = (event: string, payload: Payload) =>
    built.set(WebhookContract.keyOf(event, payload.action), { event, payload });

  for (const action of ["opened", "synchronize", "reopened"] as const)
    add("pull_request", await payloads.pullRequest({ ...repo, number, action }));
  add(
    "push",
    await payloads.push({ ...repo, ref: "refs/heads/feature", before, after, pusher: "dev" }),
  );
  for (const action of ["requested", "rerequested"] as const)
    add(
      "check_suite",
      await payloads.checkSuite({ ...repo, appId: app.appId, action, branch: "feature" }),
    );
  const token = gh.createInstallationToken(installationId);
  const run = await fetch(`${gh.url}/repos/acme/service/check-runs`, {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      name: "Snapgate / config backup (prod)",
      head_sha: after,
      conclusion: "failure",
      output: { title: "t", summary: "s" },
    }),
  });
  const checkRunId = ((await run.json()) as { id: number }).id;
  add("check_run", await payloads.checkRun({ ...repo, checkRunId, action: "rerequested" }));
  add(
    "check_run",
    await payloads.checkRun({
      ...repo,
      checkRunId,
      action: "requested_action",
      identifier: "snapshot-now",
    }),
  );
  add(
    "merge_group",
    await payloads.mergeGroup({ ...repo, baseBranch: "main", headSha: after, pullNumber: number }),
  );
  const waiting = await gh.createWaitingRun({
    ...repo,
    branch: "main",
    environment: "prod",
    appId: app.appId,
  });
  add("deployment_protection_rule", await payloads.deploymentProtectionRule({ runId: waiting }));
  const comment = await fetch(`${gh.url}/repos/acme/service/issues/${number}/comments`, {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ body: "/snapgate status" }),
  });
  const commentId = ((await comment.json()) as { id: number }).id;
  add("issue_comment", await payloads.issueComment({ commentId, action: "created" }));
  add(
    "issue_comment",
    await payloads.issueComment({ commentId, action: "edited", previousBody: "/snapgate stat" }),
  );
  add("issue_comment", await payloads.issueComment({ commentId, action: "deleted" }));
  gh.completeWorkflowRun(waiting, "failure");
  add("workflow_run", await payloads.workflowRun({ runId: waiting }));
  add("installation", await payloads.installation({ installationId }));
}

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  await buildAll();
});

afterAll(async () => {
  gh.assertClean();
  await gh.close();
});

describe("webhook payload builders", () => {
  it("cover every webhook event the sandbox serves", () => {
    expect([...built.keys()].sort()).toEqual([...served.webhooks].sort());
  });

  it.each(served.webhooks)("build %s payloads that match @octokit/openapi-webhooks", (key) => {
    const { event, payload } = built.get(key)!;
    expect(webhookContract().validate(event, payload)).toEqual([]);
  });

  it("build push payloads for a created and a deleted branch", async () => {
    const { payloads } = gh.webhooks;
    const head = await gh.commitFiles("acme", "service", "topic", { "t.txt": "t" }, "topic");
    const created = await payloads.push({
      owner: "acme",
      repo: "service",
      ref: "refs/heads/topic",
      before: null,
      after: head,
    });
    const deleted = await payloads.push({
      owner: "acme",
      repo: "service",
      ref: "refs/heads/topic",
      before: head,
      after: null,
    });
    expect(created).toMatchObject({ created: true, deleted: false, before: "0".repeat(40) });
    expect(deleted).toMatchObject({
      created: false,
      deleted: true,
      after: "0".repeat(40),
      head_commit: null,
      commits: [],
    });
    expect(webhookContract().validate("push", created)).toEqual([]);
    expect(webhookContract().validate("push", deleted)).toEqual([]);
  });

  it("would notice a payload missing a required field", () => {
    const { event, payload } = built.get("push")!;
    const { repository: _repository, ...withoutRepository } = payload;
    expect(webhookContract().validate(event, withoutRepository)).toEqual([
      expect.stringContaining("'repository'"),
    ]);
  });
});
