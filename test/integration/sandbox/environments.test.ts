import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type CreatedApp, type Sandbox } from "../../../sandbox/index.js";
import { runWorkflowJob, secretInput } from "../../helpers/run-workflow-job.js";
import { sealSecret } from "../../helpers/seal-secret.js";
import { octokitFor, statusOf } from "./sandbox-clients.js";

const owner = "acme";
const repo = "service";
const ENV = "snapgate-restore";
const IDENTITY = "AGE-SECRET-KEY-1SANDBOXTESTIDENTITY";

interface Hook {
  event: string;
  body: Record<string, unknown>;
  signed: boolean;
}

let gh: Sandbox;
let snapgate: CreatedApp;
let app: Octokit;
let otherApp: Octokit;
let alice: Octokit;
let bob: Octokit;
let server: Server;
let deafAppId: number;
const hooks: Hook[] = [];

const RESTORE_WORKFLOW = [
  "on:",
  "  workflow_dispatch:",
  "    inputs:",
  "      request: { required: true }",
  "jobs:",
  "  plan:",
  "    runs-on: ubuntu-latest",
  "    steps: [{ run: echo plan }]",
  "  restore:",
  "    needs: plan",
  "    runs-on: ubuntu-latest",
  `    environment: { name: ${ENV} }`,
  "    steps: [{ uses: snapgate/snapgate/actions/restore@v1 }]",
  "",
].join("\n");

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const signature = `sha256=${createHmac("sha256", snapgate.webhookSecret).update(body).digest("hex")}`;
      hooks.push({
        event: String(request.headers["x-github-event"]),
        body: JSON.parse(body.toString()) as Record<string, unknown>,
        signed: request.headers["x-hub-signature-256"] === signature,
      });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  gh = await startSandbox();
  gh.createUser({ login: "alice" });
  gh.createUser({ login: "bob" });
  gh.createOrg({ login: owner, admins: ["alice"], members: ["bob"], basePermission: "write" });
  await gh.createRepo({
    owner,
    name: repo,
    private: true,
    files: { ".github/workflows/restore.yml": RESTORE_WORKFLOW },
  });
  await gh.commitFiles(owner, repo, "feature", { "x.txt": "x\n" }, "feature work");
  snapgate = gh.createApp({
    slug: "rule-app",
    permissions: { deployments: "write", actions: "read" },
    events: ["deployment_protection_rule"],
    webhookUrl: hookUrl,
  });
  app = octokitFor(gh, gh.createInstallationToken(gh.installApp(snapgate.appId, owner, "all")));
  // Installed, but not a possible rule: one lacks the event, the other the permission.
  const deaf = gh.createApp({ slug: "deaf", permissions: { deployments: "write" }, events: [] });
  deafAppId = deaf.appId;
  otherApp = octokitFor(gh, gh.createInstallationToken(gh.installApp(deaf.appId, owner, "all")));
  const mute = gh.createApp({
    slug: "mute",
    permissions: { deployments: "read" },
    events: ["deployment_protection_rule"],
    webhookUrl: hookUrl,
  });
  gh.installApp(mute.appId, owner, "all");
  const everything = {
    administration: "write",
    actions: "write",
    environments: "write",
    secrets: "write",
  } as const;
  alice = octokitFor(
    gh,
    gh.createToken({ actor: "alice", repositories: "all", permissions: everything }),
  );
  bob = octokitFor(
    gh,
    gh.createToken({ actor: "bob", repositories: "all", permissions: everything }),
  );
});

afterEach(() => gh.assertClean());
afterAll(async () => {
  await gh.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function putEnvironmentSecret(client: Octokit, name: string, value: string) {
  const key = await client.actions.getEnvironmentPublicKey({ owner, repo, environment_name: ENV });
  return client.actions.createOrUpdateEnvironmentSecret({
    owner,
    repo,
    environment_name: ENV,
    secret_name: name,
    key_id: key.data.key_id,
    encrypted_value: await sealSecret(key.data.key, value),
  });
}

async function dispatch(ref = "main"): Promise<number> {
  const { data } = await alice.request(
    "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    {
      owner,
      repo,
      workflow_id: "restore.yml",
      ref,
      inputs: { request: "r-1" },
      return_run_details: true,
    },
  );
  return (data as unknown as { workflow_run_id: number }).workflow_run_id;
}

describe("environments", () => {
  it("are created by admins with a branch policy, and say whether admins may bypass them", async () => {
    expect(
      await statusOf(bob.repos.createOrUpdateEnvironment({ owner, repo, environment_name: ENV })),
    ).toEqual({ status: 403, message: "Must have admin rights to Repository." });
    const created = await alice.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name: ENV,
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(created.data).toMatchObject({
      name: ENV,
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      protection_rules: [{ type: "branch_policy" }],
      can_admins_bypass: true,
    });
    gh.setEnvironmentAdminBypass(owner, repo, ENV, false);
    const read = await bob.repos.getEnvironment({ owner, repo, environment_name: ENV });
    expect((read.data as { can_admins_bypass?: boolean }).can_admins_bypass).toBe(false);
    const all = await bob.repos.getAllEnvironments({ owner, repo });
    expect(all.data.environments?.map((environment) => environment.name)).toEqual([ENV]);
    expect(
      (await statusOf(bob.repos.getEnvironment({ owner, repo, environment_name: "nope" }))).status,
    ).toBe(404);
  });

  it("refuse what the sandbox does not play out, and both branch settings at once", async () => {
    expect(
      (
        await statusOf(
          alice.repos.createOrUpdateEnvironment({
            owner,
            repo,
            environment_name: "timed",
            wait_timer: 5,
          }),
        )
      ).status,
    ).toBe(422);
    expect(gh.takeViolations().map((violation) => violation.kind)).toEqual(["unsupported"]);
    expect(
      await statusOf(
        alice.repos.createOrUpdateEnvironment({
          owner,
          repo,
          environment_name: "both",
          deployment_branch_policy: { protected_branches: true, custom_branch_policies: true },
        }),
      ),
    ).toMatchObject({ status: 422 });
  });

  it("keep deployment branch policies, once each", async () => {
    const policy = await alice.repos.createDeploymentBranchPolicy({
      owner,
      repo,
      environment_name: ENV,
      name: "main",
      type: "branch",
    });
    expect(policy.data).toMatchObject({ name: "main", type: "branch" });
    const again = await alice
      .request(
        "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
        {
          owner,
          repo,
          environment_name: ENV,
          name: "main",
          type: "branch",
          request: { redirect: "manual" },
        },
      )
      .catch((error: { status: number }) => ({ status: error.status }));
    expect(again.status).toBe(303);
    const listed = await bob.repos.listDeploymentBranchPolicies({
      owner,
      repo,
      environment_name: ENV,
    });
    expect(listed.data).toMatchObject({ total_count: 1, branch_policies: [{ name: "main" }] });
  });

  it("take as custom protection rule only an installed app subscribed to the event with deployments write", async () => {
    const available = await alice.repos.listCustomDeploymentRuleIntegrations({
      owner,
      repo,
      environment_name: ENV,
    });
    expect(
      available.data.available_custom_deployment_protection_rule_integrations?.map((a) => a.slug),
    ).toEqual(["rule-app"]);
    expect(
      (
        await statusOf(
          alice.repos.createDeploymentProtectionRule({
            owner,
            repo,
            environment_name: ENV,
            integration_id: deafAppId,
          }),
        )
      ).status,
    ).toBe(422);
    const rule = await alice.repos.createDeploymentProtectionRule({
      owner,
      repo,
      environment_name: ENV,
      integration_id: snapgate.appId,
    });
    expect(rule.status).toBe(201);
    expect(rule.data).toMatchObject({
      enabled: true,
      app: { id: snapgate.appId, slug: "rule-app" },
    });
    const rules = await bob.repos.getAllDeploymentProtectionRules({
      owner,
      repo,
      environment_name: ENV,
    });
    expect(rules.data.custom_deployment_protection_rules?.map((r) => r.app.slug)).toEqual([
      "rule-app",
    ]);
  });
});

describe("secrets", () => {
  it("are sealed to the key the sandbox published, listed by name and never returned", async () => {
    expect((await putEnvironmentSecret(alice, "snapgate_identity", IDENTITY)).status).toBe(201);
    expect((await putEnvironmentSecret(alice, "SNAPGATE_IDENTITY", IDENTITY)).status).toBe(204);
    const listed = await bob.actions.listEnvironmentSecrets({ owner, repo, environment_name: ENV });
    expect(listed.data.secrets.map((secret) => Object.keys(secret).sort())).toEqual([
      ["created_at", "name", "updated_at"],
    ]);
    expect(listed.data.secrets[0]?.name).toBe("SNAPGATE_IDENTITY");
    expect(JSON.stringify(listed.data)).not.toContain(IDENTITY);

    // Sealed to the repository's key, the environment cannot open it.
    const repoKey = await alice.actions.getRepoPublicKey({ owner, repo });
    const envKey = await alice.actions.getEnvironmentPublicKey({
      owner,
      repo,
      environment_name: ENV,
    });
    expect(repoKey.data.key).not.toBe(envKey.data.key);
    expect(
      (
        await statusOf(
          alice.actions.createOrUpdateEnvironmentSecret({
            owner,
            repo,
            environment_name: ENV,
            secret_name: "OTHER",
            key_id: envKey.data.key_id,
            encrypted_value: await sealSecret(repoKey.data.key, "x"),
          }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await statusOf(
          alice.actions.createOrUpdateRepoSecret({
            owner,
            repo,
            secret_name: "GITHUB_TOKEN_COPY",
            key_id: repoKey.data.key_id,
            encrypted_value: await sealSecret(repoKey.data.key, "x"),
          }),
        )
      ).status,
    ).toBe(422);
    await alice.actions.createOrUpdateRepoSecret({
      owner,
      repo,
      secret_name: "DEPLOY_NOTE",
      key_id: repoKey.data.key_id,
      encrypted_value: await sealSecret(repoKey.data.key, "repository value"),
    });
    expect(
      (await bob.actions.listRepoSecrets({ owner, repo })).data.secrets.map((s) => s.name),
    ).toEqual(["DEPLOY_NOTE"]);
    gh.setOrgSecret(owner, "ORG_WIDE", "organization value", { repositories: [repo] });
    expect(
      (await bob.actions.listRepoOrganizationSecrets({ owner, repo })).data.secrets.map(
        (s) => s.name,
      ),
    ).toEqual(["ORG_WIDE"]);
  });
});

describe("runs waiting on a custom deployment protection rule", () => {
  it("ask the rule's app alone, and give the job its environment's secrets only after it approved", async () => {
    hooks.length = 0;
    const runId = await dispatch();
    expect(gh.workflowRun(runId)).toMatchObject({
      status: "waiting",
      jobs: [
        { name: "plan", environment: null, status: "queued" },
        { name: "restore", environment: ENV, status: "waiting" },
      ],
    });
    await gh.webhooks.settle();
    expect(hooks.map((hook) => [hook.event, hook.body.action, hook.signed])).toEqual([
      ["deployment_protection_rule", "requested", true],
    ]);
    const request = hooks[0]!.body as {
      environment: string;
      event: string;
      deployment: { id: number };
      deployment_callback_url: string;
      installation: { id: number };
    };
    expect(request).toMatchObject({ environment: ENV, event: "workflow_dispatch" });
    expect(
      gh.webhooks.deliveries
        .filter((d) => d.event === "deployment_protection_rule")
        .map((d) => d.appId),
    ).toEqual([snapgate.appId]);

    const step = recordingStep();
    const early = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(early).toMatchObject({ started: false, code: null });
    expect(early.refusal).toContain("waits on the deployment protection rule of rule-app");
    expect(step.calls).toEqual([]);

    // Only the rule's app may answer it.
    expect(
      (
        await statusOf(
          otherApp.actions.reviewCustomGatesForRun({
            owner,
            repo,
            run_id: runId,
            environment_name: ENV,
            state: "approved",
          }),
        )
      ).status,
    ).toBe(422);
    const answer = await app.request(`POST ${request.deployment_callback_url}`, {
      environment_name: ENV,
      state: "approved",
      comment: "request r-1 approved",
    });
    expect(answer.status).toBe(204);

    const plan = await runWorkflowJob(gh, { runId, job: "plan", step: step.run });
    const restore = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect([plan.code, restore.code]).toEqual([0, 0]);
    expect(step.calls).toEqual([
      { identity: "", org: "organization value", repo: "repository value" },
      { identity: IDENTITY, org: "organization value", repo: "repository value" },
    ]);
    expect(gh.workflowRun(runId)).toMatchObject({ status: "completed", conclusion: "success" });
    const twice = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(twice.started).toBe(false);
  });

  it("fail the job without its secrets when the app rejects", async () => {
    const runId = await dispatch();
    await gh.webhooks.settle();
    await app.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: ENV,
      state: "rejected",
      comment: "no approved request",
    });
    const step = recordingStep();
    const refused = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(refused.started).toBe(false);
    expect(refused.refusal).toContain(
      "rejected the deployment to snapgate-restore: no approved request",
    );
    expect(step.calls).toEqual([]);
    await runWorkflowJob(gh, { runId, job: "plan", step: step.run });
    expect(gh.workflowRun(runId)).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("ask the rule again for a re-run, which gets nothing until the app approves that attempt", async () => {
    hooks.length = 0;
    const runId = await dispatch();
    await gh.webhooks.settle();
    const deploymentOf = (hook: Hook | undefined) => (hook?.body.deployment as { id: number }).id;
    const firstDeployment = deploymentOf(hooks[0]);
    await app.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: ENV,
      state: "approved",
    });
    const step = recordingStep();
    await runWorkflowJob(gh, { runId, job: "plan", step: step.run });
    await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(gh.workflowRun(runId)).toMatchObject({ status: "completed", attempt: 1 });

    hooks.length = 0;
    expect((await bob.actions.reRunWorkflow({ owner, repo, run_id: runId })).status).toBe(201);
    expect(gh.workflowRun(runId)).toMatchObject({
      status: "waiting",
      attempt: 2,
      triggeringActor: "bob",
      jobs: [
        { name: "plan", status: "queued" },
        { name: "restore", status: "waiting" },
      ],
    });
    const read = await app.actions.getWorkflowRun({ owner, repo, run_id: runId });
    expect(read.data).toMatchObject({ run_attempt: 2, triggering_actor: { login: "bob" } });
    await gh.webhooks.settle();
    expect(hooks.map((hook) => [hook.event, hook.body.action])).toEqual([
      ["deployment_protection_rule", "requested"],
    ]);
    expect(deploymentOf(hooks[0])).toBeGreaterThan(firstDeployment);
    const held = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(held.started).toBe(false);
    await app.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: ENV,
      state: "rejected",
      comment: "a re-run is not a new approval",
    });
    expect((await runWorkflowJob(gh, { runId, job: "restore", step: step.run })).refusal).toContain(
      "a re-run is not a new approval",
    );
    expect(step.calls.map((call) => call.identity)).toEqual(["", IDENTITY]);
    expect((await statusOf(bob.actions.reRunWorkflow({ owner, repo, run_id: runId }))).status).toBe(
      403,
    );
  });

  it("never ask the rule for a branch the environment's policy refuses", async () => {
    const before = gh.webhooks.deliveries.length;
    const runId = await dispatch("feature");
    await gh.webhooks.settle();
    expect(gh.webhooks.deliveries.length).toBe(before);
    const step = recordingStep();
    const refused = await runWorkflowJob(gh, { runId, job: "restore", step: step.run });
    expect(refused.refusal).toContain(
      `Branch "feature" is not allowed to deploy to ${ENV} due to environment protection rules.`,
    );
    expect(step.calls).toEqual([]);
  });
});

/** A step that records which secrets it received. */
function recordingStep() {
  const calls: { identity: string; org: string; repo: string }[] = [];
  return {
    calls,
    run: (secrets: Readonly<Record<string, string>>) => {
      calls.push({
        identity: secretInput(secrets, "SNAPGATE_IDENTITY"),
        org: secretInput(secrets, "ORG_WIDE"),
        repo: secretInput(secrets, "DEPLOY_NOTE"),
      });
      return Promise.resolve({ code: 0 });
    },
  };
}
