import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type CreatedApp, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor } from "./sandbox-clients.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/** A webhook receiver that checks X-Hub-Signature-256 by recomputing the HMAC, as an app must. */
async function startReceiver(
  secret: string,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(
        `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      );
      const given = Buffer.from(String(request.headers["x-hub-signature-256"] ?? ""));
      const verified = given.length === expected.length && timingSafeEqual(given, expected);
      received.push({ headers: request.headers, body: body.toString(), verified });
      response.writeHead(verified ? 200 : 401).end(verified ? "ok" : "bad signature");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    received,
    server,
  };
}

const owner = "acme";
const repo = "service";
let gh: Sandbox;
let app: CreatedApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let installationId: number;
let developer: Octokit;

beforeAll(async () => {
  gh = await startSandbox();
  gh.createUser({ login: "dev" });
  gh.createOrg({ login: owner, members: ["dev"], basePermission: "write" });
  await gh.createRepo({
    owner,
    name: repo,
    files: {
      "config/app.yml": "a: 1\n",
      ".github/workflows/restore.yml": [
        "on:",
        "  workflow_dispatch:",
        "    inputs:",
        "      request:",
        "        required: true",
        "      dry-run:",
        "        default: 'false'",
        "jobs: {}",
        "",
      ].join("\n"),
    },
  });
  // Snapgate's App as app.yml registers it: its permissions and the events it subscribes to.
  app = registerSnapgateApp(gh);
  receiver = await startReceiver(app.webhookSecret);
  gh.webhooks.setUrl(app.appId, receiver.url);
  installationId = gh.installApp(app.appId, owner, [repo]);
  developer = octokitFor(
    gh,
    gh.createToken({
      actor: "dev",
      repositories: "all",
      permissions: { contents: "write", actions: "write" },
    }),
  );
});

afterEach(async () => {
  await gh.webhooks.settle();
  receiver.received.splice(0);
  gh.assertClean();
});

afterAll(async () => {
  await gh.close();
  receiver.server.close();
});

describe("webhook delivery", () => {
  it("POSTs a signed pull_request payload with GitHub's headers, and can redeliver it", async () => {
    await gh.commitFiles(owner, repo, "feature", { "config/app.yml": "a: 2\n" }, "change config", {
      author: "dev",
    });
    // The new branch was announced with a push; only the deliveries below matter here.
    await gh.webhooks.settle();
    receiver.received.splice(0);
    const number = gh.createPullRequest({
      owner,
      repo,
      head: "feature",
      base: "main",
      user: "dev",
    });
    const payload = await gh.webhooks.payloads.pullRequest({
      owner,
      repo,
      number,
      action: "opened",
    });
    const delivery = await gh.webhooks.deliver(app.appId, "pull_request", payload);
    expect(delivery.status).toBe(200);
    const [first] = receiver.received;
    expect(first!.verified).toBe(true);
    expect(first!.headers).toMatchObject({
      "x-github-event": "pull_request",
      "x-github-delivery": delivery.id,
      "x-github-hook-id": expect.stringMatching(/^\d+$/),
      "x-github-hook-installation-target-id": String(app.appId),
      "x-github-hook-installation-target-type": "integration",
      "content-type": "application/json",
      "user-agent": expect.stringMatching(/^GitHub-Hookshot\//),
    });
    expect(delivery.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const body = JSON.parse(first!.body) as {
      installation: { id: number };
      pull_request: { head: { sha: string }; changed_files: number };
    };
    expect(body.installation.id).toBe(installationId);
    expect(body.pull_request.head.sha).toBe(
      (await developer.git.getRef({ owner, repo, ref: "heads/feature" })).data.object.sha,
    );
    expect(body.pull_request.changed_files).toBe(1);

    const again = await gh.webhooks.redeliver(delivery.id);
    expect(again).toMatchObject({ id: delivery.id, redelivery: true, status: 200 });
    expect(receiver.received[1]!.headers["x-github-delivery"]).toBe(delivery.id);
    expect(receiver.received[1]!.body).toBe(first!.body);
  });

  it("signs with the app's secret, so a receiver with another secret refuses it", async () => {
    const other = await startReceiver("not-the-secret");
    try {
      gh.webhooks.setUrl(app.appId, other.url);
      const payload = await gh.webhooks.payloads.installation({ installationId });
      expect((await gh.webhooks.deliver(app.appId, "installation", payload)).status).toBe(401);
      expect(other.received[0]!.verified).toBe(false);
    } finally {
      gh.webhooks.setUrl(app.appId, receiver.url);
      other.server.close();
    }
  });

  it("refuses to deliver a payload GitHub would never send", async () => {
    const payload = await gh.webhooks.payloads.installation({ installationId });
    delete payload.installation;
    await expect(gh.webhooks.deliver(app.appId, "installation", payload)).rejects.toThrow(
      /does not match GitHub's webhook description/,
    );
    expect(receiver.received).toEqual([]);
  });

  it("records an unreachable receiver as status 0", async () => {
    gh.webhooks.setUrl(app.appId, "http://127.0.0.1:9/unreachable");
    try {
      const payload = await gh.webhooks.payloads.installation({ installationId });
      const delivery = await gh.webhooks.deliver(app.appId, "installation", payload);
      expect(delivery.status).toBe(0);
      expect(delivery.error).toBeTruthy();
    } finally {
      gh.webhooks.setUrl(app.appId, receiver.url);
    }
  });
});

describe("webhooks GitHub sends on its own", () => {
  it("emits push to subscribed apps when a ref moves through the API", async () => {
    const put = await developer.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "config/new.yml",
      message: "add new.yml",
      content: Buffer.from("n: 1\n").toString("base64"),
    });
    await gh.webhooks.settle();
    const pushes = receiver.received.filter(
      (delivery) => delivery.headers["x-github-event"] === "push",
    );
    expect(pushes).toHaveLength(1);
    const push = JSON.parse(pushes[0]!.body) as Record<string, unknown> & {
      commits: { added: string[] }[];
    };
    expect(push).toMatchObject({
      ref: "refs/heads/main",
      after: put.data.commit.sha,
      created: false,
      forced: false,
      pusher: { name: "dev" },
    });
    expect(push.commits.map((commit) => commit.added)).toEqual([["config/new.yml"]]);
    expect(pushes[0]!.verified).toBe(true);
  });

  it("stays quiet when side effects are off", async () => {
    gh.webhooks.sideEffects = false;
    try {
      await gh.commitFiles(owner, repo, "main", { "quiet.txt": "q" }, "quiet");
      await gh.webhooks.settle();
      expect(receiver.received).toEqual([]);
    } finally {
      gh.webhooks.sideEffects = true;
    }
  });

  it("queues a run on workflow_dispatch and emits workflow_run when the test completes it", async () => {
    const dispatched = await developer.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: "restore.yml",
      ref: "main",
      inputs: { request: "r-1" },
      return_run_details: true,
    });
    expect(dispatched.status).toBe(200);
    const runId = (dispatched.data as unknown as { workflow_run_id: number }).workflow_run_id;
    expect(gh.workflowRun(runId)).toMatchObject({
      status: "queued",
      inputs: { request: "r-1" },
      event: "workflow_dispatch",
      actor: "dev",
    });
    gh.completeWorkflowRun(runId, "success");
    await gh.webhooks.settle();
    const runs = receiver.received.filter(
      (delivery) => delivery.headers["x-github-event"] === "workflow_run",
    );
    expect(runs).toHaveLength(1);
    expect(JSON.parse(runs[0]!.body)).toMatchObject({
      action: "completed",
      workflow_run: {
        id: runId,
        status: "completed",
        conclusion: "success",
        path: ".github/workflows/restore.yml",
      },
      installation: { id: installationId },
    });
  });
});
