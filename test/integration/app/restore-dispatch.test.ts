import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { startSnapgateServer, type SnapgateServer } from "../../../app/start-snapgate-server.js";
import { readRequestState } from "../../../core/approvals/read-request-state.js";
import { requestClaimRef } from "../../../core/approvals/request-claim-ref.js";
import { requestDispatchPath } from "../../../core/approvals/request-dispatch-record.js";
import { requestExecutionPath } from "../../../core/approvals/request-execution.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import { requestStateMacKey } from "../../../core/crypto/app-key.js";
import {
  BACKUP_REPO,
  createSourceRepo,
  OWNER,
  policyOf,
  policyYaml,
  startAppHarness,
  takeSnapshot,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { runAction, workflowEnv } from "../../helpers/run-action.js";
import { runCli } from "../../helpers/run-cli.js";
import { runWorkflowJob, secretInput } from "../../helpers/run-workflow-job.js";
import { sealSecret } from "../../helpers/seal-secret.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * An approved restore request runs, end to end, through the real app over
 * HTTP against the sandbox: the app dispatches the documented restore
 * workflow (docs/examples/snapgate-restore.yml), GitHub holds its job until
 * the app, as the snapgate-restore environment's protection rule, releases
 * it; the runner harness runs the bundled restore action with the
 * environment's identity; workflow_run closes the request. Manual
 * dispatches, re-runs and forged records never get the identity; two app
 * instances and redeliveries dispatch once; a failed dispatch says so.
 */
const ENV = "snapgate-restore";
const REPO = "svc-prod";
const WORKFLOW = readFileSync(
  new URL("../../../docs/examples/snapgate-restore.yml", import.meta.url),
  "utf8",
);
/** A documented scheduled workflow with a job in snapgate-restore, listed in the policy below. */
const DRILL = readFileSync(
  new URL("../../../docs/examples/scheduled-drill.yml", import.meta.url),
  "utf8",
);
const work = tempDir("snapgate-app-restore-dispatch-");
const checkout = join(work, "checkout");
let h: AppHarness;
let policyText: string;
let pull: number;
let admin: Octokit;
/** The restore job's token to the backup repository, as actions/create-github-app-token mints it. */
let backupToken: string;
/** A second instance of the app, as behind a load balancer, and a balancer that hands every delivery to both. */
let second: SnapgateServer;
let fanOut: { url: string; close(): Promise<void> };
const V1 = "kind: Ingress\nhost: good.example.com\n";
const V2 = "kind: Ingress\nhost: bad.example.com\n";

beforeAll(async () => {
  h = await startAppHarness();
  for (const login of ["alice", "bob", "carol"]) {
    h.gh.createUser({ login });
  }
  policyText = policyYaml(h.keys, "prod", { body: '  - { name: k8s, paths: ["k8s/**"] }' })
    .replace("tier1: { max_age: 24h }", "tier1: { max_age: 24h, approvals: 2 }")
    .replace(
      "snapshot_workflow: snapshot.yml }",
      "snapshot_workflow: snapshot.yml, restore_workflow: snapgate-restore.yml }",
    )
    .concat("\nrestore_environment: { scheduled_workflows: [scheduled-drill.yml] }\n");
  ({ number: pull } = await createSourceRepo(h.gh, REPO, policyText, {
    ".github/workflows/snapgate-restore.yml": WORKFLOW,
    ".github/workflows/scheduled-drill.yml": DRILL,
  }));
  for (const login of ["alice", "bob", "carol"]) h.gh.addCollaborator(OWNER, REPO, login, "write");
  admin = new Octokit({
    baseUrl: h.gh.url,
    auth: h.gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { administration: "write", actions: "write", environments: "write" },
    }),
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  // docs/restore-environment.md: the App is the rule, main only, no admin bypass, the identity only here.
  const where = { owner: OWNER, repo: REPO, environment_name: ENV };
  await admin.repos.createOrUpdateEnvironment({
    ...where,
    deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
  });
  await admin.repos.createDeploymentBranchPolicy({ ...where, name: "main", type: "branch" });
  await admin.repos.createDeploymentProtectionRule({ ...where, integration_id: h.app.appId });
  h.gh.setEnvironmentAdminBypass(OWNER, REPO, ENV, false);
  const key = await admin.actions.getEnvironmentPublicKey(where);
  await admin.actions.createOrUpdateEnvironmentSecret({
    ...where,
    secret_name: "SNAPGATE_IDENTITY",
    key_id: key.data.key_id,
    encrypted_value: await sealSecret(key.data.key, h.keys.age.identity),
  });
  backupToken = h.gh.createInstallationToken(h.installationId, { repositories: [BACKUP_REPO] });
  const policy = await policyOf(policyText);
  for (const [index, ingress] of [V1, V2].entries()) {
    await takeSnapshot(h, join(work, `snap-${index}`), {
      policy,
      environment: "prod",
      repository: `${OWNER}/${REPO}`,
      files: { "k8s/ingress.yaml": ingress, "deploy/app.yaml": `replicas: ${index + 1}\n` },
    });
  }
  // The restore job's checkout of the default branch: its policy decides.
  mkdirSync(join(checkout, ".github"), { recursive: true });
  writeFileSync(join(checkout, ".github/snapgate.yml"), policyText);
  second = await startSnapgateServer({
    appId: h.app.appId,
    privateKey: h.app.privateKeyPem,
    webhookSecret: h.app.webhookSecret,
    baseUrl: h.gh.url,
    port: 0,
    host: "127.0.0.1",
    logLevel: "fatal",
    retries: 2,
    retryAfterBaseValue: 1,
    signingKey: h.keys.app,
  });
  fanOut = await startFanOut([h.server.webhookUrl, second.webhookUrl]);
  // Runs, protection rules and workflow_run are GitHub's side effects.
  h.gh.webhooks.sideEffects = true;
});
afterEach(async () => {
  await quiet();
  h.gh.assertClean();
});
afterAll(async () => {
  await quiet();
  await fanOut.close();
  await second.close();
  await h.close();
});

/**
 * Every webhook the sandbox sent has been handled to the end: a handler that
 * outlives GitHub's 9 s (the app answered 202) included, on both instances.
 */
async function quiet(): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await h.gh.webhooks.settle();
    await Promise.all([h.server.idle(), second.idle()]);
  }
}

async function comment(body: string, user: string): Promise<number> {
  const commentId = h.gh.addIssueComment({ owner: OWNER, repo: REPO, number: pull, user, body });
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "issue_comment",
    await h.gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
  );
  // 202: the app answered GitHub after 9 s and goes on; wait for it.
  expect([200, 202]).toContain(delivery.status);
  await Promise.all([h.server.idle(), second.idle()]);
  return commentId;
}

async function comments() {
  return (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: pull,
      per_page: 100,
    })
  ).data;
}

async function replyTo(commentId: number): Promise<string> {
  const found = (await comments()).filter((c) =>
    c.body?.includes(`<!-- snapgate:reply-to ${commentId} -->`),
  );
  expect(found).toHaveLength(1);
  return found[0]!.body ?? "";
}

async function reactionsOn(commentId: number): Promise<Record<string, number>> {
  const own = (await comments()).find((c) => c.id === commentId);
  return (own?.reactions ?? {}) as unknown as Record<string, number>;
}

/** A restore request of prod@1's k8s files: the asking comment and the request as its status comment says. */
async function ask(): Promise<{ asked: number; request: LifecycleRequest }> {
  const asked = await comment(
    `/snapgate restore prod@1 --paths 'k8s/**' --reason "INC-3321 bad ingress"`,
    "dev",
  );
  return { asked, request: await statusOf(asked) };
}

async function statusOf(asked: number): Promise<LifecycleRequest> {
  return readRequestState(await replyTo(asked), requestStateMacKey(h.keys.app))!;
}

const runsOf = () => h.gh.workflowRuns(OWNER, REPO);
const auditTypes = async () =>
  (await h.store.readAuditLines()).map((line) => (JSON.parse(line) as { type: string }).type);

function restoreStep(runId: number, requestId: string, target: string) {
  return async (secrets: Readonly<Record<string, string>>) =>
    runAction("restore", {
      cwd: checkout,
      inputs: {
        token: backupToken,
        "request-id": requestId,
        identity: secretInput(secrets, "SNAPGATE_IDENTITY"),
        target,
      },
      env: workflowEnv({
        apiUrl: h.gh.url,
        repository: `${OWNER}/${REPO}`,
        runId,
        ref: "refs/heads/main",
        workflow: "snapgate restore",
        eventName: "workflow_dispatch",
      }),
    });
}

let executed: { requestId: string; runId: number; approval: string; last: number } | null = null;

describe("an approved restore request runs once, released by the app's protection rule", () => {
  it("restore, two approvals (the last one reaching two app instances at once), one dispatch, protection rule, restore job, workflow_run closes it, audit verifies", async () => {
    const { asked, request } = await ask();
    expect(request).toMatchObject({ state: "pending", quorum: { required: 2 } });
    await comment(`/snapgate approve ${request.id}`, "alice");
    expect(runsOf()).toHaveLength(0);
    // Behind a load balancer, both instances get the final approval at the same moment.
    h.gh.webhooks.setUrl(h.app.appId, fanOut.url);
    let last: number;
    try {
      last = await comment(`/snapgate approve ${request.id}`, "bob");
    } finally {
      h.gh.webhooks.setUrl(h.app.appId, h.server.webhookUrl);
    }
    const [approval] = h.gh.webhooks.deliveries
      .filter((d) => d.event === "issue_comment")
      .slice(-1);
    await quiet();

    const replies = (await comments())
      .filter((c) => c.body?.includes(`<!-- snapgate:reply-to ${last} -->`))
      .map((c) => c.body ?? "");
    expect(
      replies.filter((body) =>
        body.includes(`Request ${request.id} runs now, approved by @alice, @bob.`),
      ),
    ).toHaveLength(1);
    expect(await reactionsOn(last)).toMatchObject({ rocket: 1 });
    // One run, one claim, one dispatch record, one request.dispatched event.
    expect(runsOf()).toHaveLength(1);
    const [run] = runsOf();
    expect(run).toMatchObject({
      workflow: ".github/workflows/snapgate-restore.yml",
      branch: "main",
      event: "workflow_dispatch",
      triggeringActor: "snapgate[bot]",
      inputs: { "request-id": request.id },
    });
    const runId = run!.id;
    // GitHub held the job on the app's rule; the app released it to this run.
    expect(h.gh.workflowRun(runId).reviews).toEqual([
      expect.objectContaining({ environment: ENV, state: "approved" }),
    ]);
    const running = await statusOf(asked);
    expect(running).toMatchObject({
      state: "dispatched",
      run: { id: runId, workflow: "snapgate-restore.yml", ref: "main", conclusion: null },
    });
    expect(await replyTo(asked)).toContain(`: dispatched, running`);
    expect(await h.store.readRecord(`requests/${request.id}.json`)).not.toBeNull();
    expect(await h.store.readRecord(requestDispatchPath(runId))).not.toBeNull();
    const claim = await h.reader.git.getRef({
      owner: OWNER,
      repo: BACKUP_REPO,
      ref: requestClaimRef(request.id).slice(5),
    });
    expect(claim.status).toBe(200);

    const job = await runWorkflowJob(h.gh, {
      runId,
      job: "restore",
      step: restoreStep(runId, request.id, "restored"),
    });
    expect(job).toMatchObject({ started: true, code: 0 });
    expect(readFileSync(join(checkout, "restored/k8s/ingress.yaml"), "utf8")).toBe(`${V1}`);
    await quiet();

    const closed = await statusOf(asked);
    expect(closed).toMatchObject({ state: "executed", run: { id: runId, conclusion: "success" } });
    const body = await replyTo(asked);
    expect(body).toContain(`request \`${request.id}\`: executed`);
    expect(body).toContain(`[run ${runId}](`);
    expect(body).toMatch(
      new RegExp(
        `/${OWNER}/${REPO}/actions/runs/${runId}\\) of \`snapgate-restore.yml\` on main, dispatched .*, finished: success`,
      ),
    );
    const types = await auditTypes();
    expect(types).toEqual(
      expect.arrayContaining([
        "request.dispatched",
        "request.run-released",
        "snapshot.restored",
        "request.executed",
      ]),
    );
    const dispatches = (await h.store.readAuditLines())
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((event) => event["type"] === "request.dispatched");
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]).toMatchObject({
      actor: { kind: "app" },
      deliveryId: approval!.id,
      requestDigest: request.digest,
      details: { runId, workflow: "snapgate-restore.yml", ref: "main" },
    });
    const verified = await runCli(
      [
        "audit",
        "verify",
        "--store",
        `github://${OWNER}/${BACKUP_REPO}`,
        "--token",
        backupToken,
        "--api-url",
        h.gh.url,
      ],
      { cwd: work },
    );
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    executed = { requestId: request.id, runId, approval: approval!.id, last };
  });

  it("a redelivered final approval dispatches nothing more", async () => {
    const { requestId, approval } = executed!;
    const runs = runsOf().length;
    const records = await h.store.listRecords("requests/");
    const events = (await h.store.readAuditLines()).length;
    await h.gh.webhooks.redeliver(approval);
    await quiet();
    expect(runsOf()).toHaveLength(runs);
    expect(await h.store.listRecords("requests/")).toEqual(records);
    expect((await h.store.readAuditLines()).length).toBe(events);
    expect((await statusOf((await statusOfRequest(requestId)).commentId)).state).toBe("executed");

    // Processed again from scratch (its replies gone, as after a crash before replying): still nothing runs.
    const { last } = executed!;
    for (const reply of await comments())
      if (reply.body?.includes(`<!-- snapgate:reply-to ${last} -->`))
        h.gh.deleteIssueComment(reply.id);
    await h.gh.webhooks.redeliver(approval);
    await quiet();
    expect(await replyTo(last)).toContain(`Request ${requestId} already ran (executed)`);
    expect(runsOf()).toHaveLength(runs);
    expect(await h.store.listRecords("requests/")).toEqual(records);
    expect((await auditTypes()).slice(events)).not.toContain("request.dispatched");
  });

  it("a re-run of the dispatched run is refused: GitHub never hands it the identity", async () => {
    const { runId, requestId } = executed!;
    await admin.actions.reRunWorkflow({ owner: OWNER, repo: REPO, run_id: runId });
    await quiet();
    const reviews = h.gh.workflowRun(runId).reviews;
    expect(reviews.at(-1)).toMatchObject({ environment: ENV, state: "rejected" });
    expect(reviews.at(-1)!.comment).toContain(
      `this is attempt 2 of run ${runId}: a re-run never gets the restore identity`,
    );
    let ran = false;
    const job = await runWorkflowJob(h.gh, {
      runId,
      job: "restore",
      step: async () => {
        ran = true;
        return { code: 0 };
      },
    });
    expect(job.started).toBe(false);
    expect(job.refusal).toContain("rejected the deployment to snapgate-restore");
    expect(ran).toBe(false);
    expect((await auditTypes()).at(-1)).toBe("request.run-refused");
    void requestId;
  });

  it("a manual dispatch naming an approved request is refused", async () => {
    const { requestId } = executed!;
    const { data } = await admin.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner: OWNER,
        repo: REPO,
        workflow_id: "snapgate-restore.yml",
        ref: "main",
        inputs: { "request-id": requestId },
        return_run_details: true,
      },
    );
    const runId = (data as unknown as { workflow_run_id: number }).workflow_run_id;
    await quiet();
    const [review] = h.gh.workflowRun(runId).reviews;
    expect(review).toMatchObject({ environment: ENV, state: "rejected" });
    expect(review!.comment).toContain(
      `run ${runId} (workflow_dispatch by @octo-admin) is not a run the Snapgate App dispatched for an approved request: a manual dispatch never gets the restore identity`,
    );
    const job = await runWorkflowJob(h.gh, {
      runId,
      job: "restore",
      step: async () => ({ code: 0 }),
    });
    expect(job.started).toBe(false);
  });
});

/** The request's newest state as the backup repository holds it (via its status comment id). */
async function statusOfRequest(requestId: string): Promise<LifecycleRequest> {
  for (const c of await comments()) {
    const state = c.body ? readRequestState(c.body, requestStateMacKey(h.keys.app)) : null;
    if (state?.id === requestId) return state;
  }
  throw new Error(`no status comment of ${requestId}`);
}

describe("what goes wrong after the approval leaves a clear state", () => {
  it("a forged decided record is refused by the protection rule", async () => {
    const { asked, request } = await ask();
    await comment(`/snapgate approve ${request.id}`, "alice");
    // The run waits: no webhook reaches the app and its own answer is lost.
    h.gh.webhooks.sideEffects = false;
    h.gh.faults.inject({ route: "actions/review-custom-gates-for-run", status: 502, times: 6 });
    // The claim ref is created but its answer is lost: the retry's 422 finds the app's own claim.
    h.gh.faults.inject({
      route: "git/create-ref",
      repo: `${OWNER}/${BACKUP_REPO}`,
      status: 502,
      afterHandling: true,
    });
    await comment(`/snapgate approve ${request.id}`, "bob");
    expect(h.gh.faults.unused().map((fault) => fault.spec.route)).not.toContain("git/create-ref");
    h.gh.faults.clear();
    h.gh.webhooks.sideEffects = true;
    const { id: runId } = runsOf()[0]!;
    expect((await statusOf(asked)).run?.id).toBe(runId);
    expect(h.gh.workflowRun(runId).reviews).toEqual([]);

    // Someone who can write the backup repository adds an approver to the decided record.
    const path = `requests/${request.id}.json`;
    const record = JSON.parse(Buffer.from((await h.store.readRecord(path))!).toString("utf8")) as {
      approvals: unknown[];
    };
    record.approvals.push({
      user: { id: 9999, login: "ceo" },
      at: record.approvals.length ? (record.approvals[0] as { at: string }).at : "",
      digest: request.digest,
    });
    await h.gh.commitFiles(
      OWNER,
      BACKUP_REPO,
      "main",
      { [path]: `${JSON.stringify(record, null, 2)}\n` },
      "forge",
      { author: "octo-admin" },
    );

    const delivery = await h.gh.webhooks.deliver(
      h.app.appId,
      "deployment_protection_rule",
      await h.gh.webhooks.payloads.deploymentProtectionRule({ runId, environment: ENV }),
    );
    expect([200, 202]).toContain(delivery.status);
    await quiet();
    const [review] = h.gh.workflowRun(runId).reviews;
    expect(review).toMatchObject({ state: "rejected" });
    expect(review!.comment).toContain(
      `Request ${request.id} cannot be trusted: its signature does not match its contents`,
    );
    const job = await runWorkflowJob(h.gh, {
      runId,
      job: "restore",
      step: async () => ({ code: 0 }),
    });
    expect(job.started).toBe(false);
  });

  it("a dispatch whose answer is a 502 fails the request for good, says why and burns it; the run GitHub started anyway never restores", async () => {
    const { asked, request } = await ask();
    await comment(`/snapgate approve ${request.id}`, "alice");
    const runs = runsOf().length;
    // GitHub starts the run, then its front end answers 502: the app never learns the run id.
    h.gh.faults.inject({
      route: "actions/create-workflow-dispatch",
      status: 502,
      afterHandling: true,
    });
    const last = await comment(`/snapgate approve ${request.id}`, "bob");
    await quiet();
    const reply = await replyTo(last);
    expect(reply).toContain(
      `Request ${request.id} was approved but did not run: dispatching snapgate-restore.yml on main failed: GitHub answered 502`,
    );
    expect(reply).toContain("A request runs once: ask for a new one");
    const state = await statusOf(asked);
    expect(state).toMatchObject({
      state: "failed",
      run: { id: null, workflow: "snapgate-restore.yml" },
    });
    expect(await replyTo(asked)).toContain("was not dispatched");
    expect((await auditTypes()).at(-1)).toBe("request.dispatch-failed");
    // Not retried (a retry would start a second run): one run, which no dispatch record names.
    expect(runsOf()).toHaveLength(runs + 1);
    const [orphan] = runsOf();
    expect(orphan).toMatchObject({ status: "waiting", reviews: [] });
    expect(await h.store.readRecord(requestDispatchPath(orphan!.id))).toBeNull();
    const held = await runWorkflowJob(h.gh, {
      runId: orphan!.id,
      job: "restore",
      step: async () => ({ code: 0 }),
    });
    expect(held.refusal).toContain("waits on the deployment protection rule of snapgate");
    // Burnt: even given the identity (no protection rule: the plan limit), the action refuses it.
    expect(await h.store.readRecord(requestExecutionPath(request.id))).not.toBeNull();
    const step = await restoreStep(
      orphan!.id,
      request.id,
      "burnt",
    )({ SNAPGATE_IDENTITY: h.keys.age.identity });
    expect(step.code).not.toBe(0);
    expect(step.log).toContain(`Request ${request.id} was already executed`);
    // A redelivery does not try again.
    const [delivery] = h.gh.webhooks.deliveries
      .filter((d) => d.event === "issue_comment")
      .slice(-1);
    await h.gh.webhooks.redeliver(delivery!.id);
    await quiet();
    expect(runsOf()).toHaveLength(runs + 1);
  });
});

/** A load balancer that hands every delivery, unchanged, to every instance at once. */
async function startFanOut(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === "string" && !["host", "content-length", "connection"].includes(name))
          headers[name] = value;
      void Promise.all(
        targets.map((target) =>
          fetch(target, { method: "POST", headers, body: Buffer.concat(chunks) }),
        ),
      ).then(
        (answers) => response.writeHead(Math.max(...answers.map((a) => a.status))).end(),
        (error: unknown) => response.writeHead(502).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("scheduled workflows the policy lists (restore_environment.scheduled_workflows)", () => {
  it("a scheduled run of the listed drill workflow is released with the identity; a manual dispatch of it is refused", async () => {
    const refusedBefore = (await auditTypes()).length;
    const scheduled = await h.gh.runSchedule({
      owner: OWNER,
      repo: REPO,
      workflow: "scheduled-drill.yml",
    });
    await quiet();
    expect(h.gh.workflowRun(scheduled)).toMatchObject({ event: "schedule" });
    const [released] = h.gh.workflowRun(scheduled).reviews;
    expect(released).toMatchObject({ environment: ENV, state: "approved" });
    expect(released!.comment).toContain("(rule: scheduled workflow)");
    let identity: string | undefined;
    const job = await runWorkflowJob(h.gh, {
      runId: scheduled,
      job: "drill",
      step: async (secrets) => {
        identity = secrets.SNAPGATE_IDENTITY;
        return { code: 0 };
      },
    });
    expect(job.started).toBe(true);
    expect(identity).toBe(h.keys.age.identity);

    const { data } = await admin.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner: OWNER,
        repo: REPO,
        workflow_id: "scheduled-drill.yml",
        ref: "main",
        return_run_details: true,
      },
    );
    const manual = (data as unknown as { workflow_run_id: number }).workflow_run_id;
    await quiet();
    const [refused] = h.gh.workflowRun(manual).reviews;
    expect(refused).toMatchObject({ environment: ENV, state: "rejected" });
    expect(refused!.comment).toContain(
      `run ${manual} (workflow_dispatch by @octo-admin) is not a run the Snapgate App dispatched for an approved request`,
    );
    let ran = false;
    const denied = await runWorkflowJob(h.gh, {
      runId: manual,
      job: "drill",
      step: async () => {
        ran = true;
        return { code: 0 };
      },
    });
    expect(denied.started).toBe(false);
    expect(ran).toBe(false);
    // Neither run belongs to a request: nothing is audited as a request's.
    expect((await auditTypes()).length).toBe(refusedBefore);
  });
});
