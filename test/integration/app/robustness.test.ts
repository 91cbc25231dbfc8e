import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import {
  BACKUP_REPO,
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
 * What the app does with hostile or repeated webhooks and a failing GitHub:
 * a forged signature is refused before anything runs, a redelivery posts no
 * second check run, and an API failure concludes the check run as a failure
 * that says why, never a success.
 */
let h: AppHarness;
const work = tempDir("snapgate-app-robust-");

beforeAll(async () => {
  // Gates of other accounts may use acme's and epsilon's backup repositories.
  h = await startAppHarness({ backupAccounts: ["acme", "Epsilon"] });
  const warmup = await createSourceRepo(h.gh, "svc-warmup", policyYaml(h.keys, "warmup"));
  await opened("svc-warmup", warmup.number);
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

async function opened(repo: string, number: number) {
  const payload = await h.gh.webhooks.payloads.pullRequest({
    owner: OWNER,
    repo,
    number,
    action: "opened",
  });
  return h.gh.webhooks.deliver(h.app.appId, "pull_request", payload);
}

async function runsOn(repo: string, sha: string) {
  return (await h.reader.checks.listForRef({ owner: OWNER, repo, ref: sha, filter: "all" })).data
    .check_runs;
}

function conditionRow(summary: string | null | undefined, name: string): string {
  return (summary ?? "").split("\n").find((line) => line.startsWith(`| ${name} |`)) ?? "";
}

describe("webhook signatures", () => {
  it("refuses a forged or missing signature over HTTP before any handler runs", async () => {
    const { repo, pull } = await createScenario(h, work, "forged");
    const payload = await h.gh.webhooks.payloads.pullRequest({
      owner: OWNER,
      repo,
      number: pull.number,
      action: "opened",
    });
    const body = JSON.stringify({
      ...payload,
      installation: { id: h.installationId, node_id: "x" },
    });
    const post = (signature: string | null) =>
      fetch(h.server.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": "11111111-2222-3333-4444-555555555555",
          ...(signature === null ? {} : { "x-hub-signature-256": signature }),
        },
        body,
      });
    h.gh.resetLog();
    const forged = await post(
      `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`,
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("signature does not match");
    expect((await post(null)).status).toBe(400);
    // Nothing reached GitHub, and nothing was posted.
    expect(h.gh.requests).toEqual([]);
    expect(await runsOn(repo, pull.headSha)).toEqual([]);
    // The same body signed with the app's secret is taken.
    const signed = await post(
      `sha256=${createHmac("sha256", h.app.webhookSecret).update(body).digest("hex")}`,
    );
    expect(signed.status).toBe(200);
    expect(await runsOn(repo, pull.headSha)).toHaveLength(1);
  });
});

describe("redeliveries", () => {
  it("posts no second check run when GitHub redelivers the same webhook", async () => {
    const { repo, pull } = await createScenario(h, work, "redeliver");
    const first = await opened(repo, pull.number);
    expect(first.status).toBe(200);
    const [run] = await runsOn(repo, pull.headSha);
    expect(run!.external_id).toBe(first.id);
    h.gh.resetLog();
    const again = await h.gh.webhooks.redeliver(first.id);
    expect(again).toMatchObject({ id: first.id, redelivery: true, status: 200 });
    // One read finds the run this delivery posted; nothing is written.
    expect(h.gh.callCounts()).toEqual({ graphql: 1 });
    expect((await runsOn(repo, pull.headSha)).map((check) => check.id)).toEqual([run!.id]);
  });

  it("decides again on a re-run, once per delivery", async () => {
    const { repo, pull } = await createScenario(h, work, "rerun");
    await opened(repo, pull.number);
    const [run] = await runsOn(repo, pull.headSha);
    const payload = await h.gh.webhooks.payloads.checkRun({
      owner: OWNER,
      repo,
      checkRunId: run!.id,
      action: "rerequested",
    });
    h.gh.resetLog();
    const rerun = await h.gh.webhooks.deliver(h.app.appId, "check_run", payload);
    expect(rerun.status).toBe(200);
    // A re-run decides again: its lock is per delivery (ADR 0611).
    expect(h.gh.callCounts()).toEqual({
      graphql: 2,
      "git/get-ref": 1,
      "git/create-ref": gateLockRefCount(),
      "checks/create": 1,
    });
    await h.gh.webhooks.redeliver(rerun.id);
    const runs = await runsOn(repo, pull.headSha);
    expect(runs.map((check) => check.external_id).sort()).toEqual(
      [rerun.id, run!.external_id].sort(),
    );
  });
});

describe("API failures", () => {
  it("rides out one 5xx on the backup repository", async () => {
    const { repo, pull, snapshot } = await createScenario(h, work, "flaky");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    h.gh.faults.inject({ route: "graphql", repo: `${OWNER}/${BACKUP_REPO}`, status: 502 });
    await opened(repo, pull.number);
    expect((await runsOn(repo, pull.headSha))[0]).toMatchObject({ conclusion: "success" });
  });

  it("concludes failure with the reason when the backup repository keeps failing", async () => {
    const { repo, pull, snapshot } = await createScenario(h, work, "down");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    // The app retries twice: three answers of 502 exhaust it.
    h.gh.faults.inject({
      route: "graphql",
      repo: `${OWNER}/${BACKUP_REPO}`,
      status: 502,
      times: 3,
    });
    const delivery = await opened(repo, pull.number);
    expect(delivery.status).toBe(200);
    const [run] = await runsOn(repo, pull.headSha);
    expect(run).toMatchObject({
      name: "Snapgate / config backup (down)",
      conclusion: "failure",
      output: { title: "The backup repository could not be read, so the backup is unverified." },
    });
    expect(conditionRow(run!.output.summary, "store")).toMatch(
      /^\| store \| ⚠️ unknown \| Reading the backup repository acme\/config-backups@main failed: GitHub failed while reading the index of down \(502: .*\), after retries\. .* \| GitHub may be having trouble .* Then re-run this check\. \|$/,
    );
  });

  it("concludes failure when the app may not read the backup repository", async () => {
    // The app is installed on the organisation's source repository, not on its backup repository.
    h.gh.createOrg({ login: "beta", admins: ["octo-admin"] });
    await h.gh.createRepo({ owner: "beta", name: "backups", private: true, files: { x: "x" } });
    const text = policyYaml(h.keys, "beta").replace(
      `repository: ${OWNER}/${BACKUP_REPO}`,
      "repository: beta/backups",
    );
    await h.gh.createRepo({ owner: "beta", name: "svc", files: { ".github/snapgate.yml": text } });
    const head = await h.gh.commitFiles("beta", "svc", "feature", { "a.txt": "a\n" }, "change");
    const number = h.gh.createPullRequest({
      owner: "beta",
      repo: "svc",
      head: "feature",
      base: "main",
      user: "octo-admin",
    });
    h.gh.installApp(h.app.appId, "beta", ["svc"]);
    const payload = await h.gh.webhooks.payloads.pullRequest({
      owner: "beta",
      repo: "svc",
      number,
      action: "opened",
    });
    expect((await h.gh.webhooks.deliver(h.app.appId, "pull_request", payload)).status).toBe(200);
    const [run] = (await h.reader.checks.listForRef({ owner: "beta", repo: "svc", ref: head })).data
      .check_runs;
    expect(run).toMatchObject({ conclusion: "failure", name: "Snapgate / config backup (beta)" });
    expect(conditionRow(run!.output.summary, "store")).toContain(
      "Install the Snapgate App on beta/backups (it reads snapshots with its installation token: contents read)",
    );
  });

  it("reads a backup repository of another account through that account's installation, found once", async () => {
    h.gh.createOrg({ login: "gamma", admins: ["octo-admin"] });
    h.gh.installApp(h.app.appId, "gamma", "all");
    const text = policyYaml(h.keys, "gamma");
    await h.gh.createRepo({ owner: "gamma", name: "svc", files: { ".github/snapgate.yml": text } });
    const heads: string[] = [];
    const numbers: number[] = [];
    for (const branch of ["one", "two"]) {
      heads.push(
        await h.gh.commitFiles("gamma", "svc", branch, { [`${branch}.txt`]: "x\n" }, branch),
      );
      numbers.push(
        h.gh.createPullRequest({
          owner: "gamma",
          repo: "svc",
          head: branch,
          base: "main",
          user: "octo-admin",
        }),
      );
    }
    const decide = async (number: number) => {
      h.gh.resetLog();
      const payload = await h.gh.webhooks.payloads.pullRequest({
        owner: "gamma",
        repo: "svc",
        number,
        action: "opened",
      });
      expect((await h.gh.webhooks.deliver(h.app.appId, "pull_request", payload)).status).toBe(200);
      return h.gh.callCounts();
    };
    expect(await decide(numbers[0]!)).toEqual({
      "apps/create-installation-access-token": 1,
      "apps/get-repo-installation": 1,
      graphql: 2,
      "git/get-ref": 1,
      "git/create-ref": gateLockRefCount(),
      "checks/create": 1,
    });
    // Later decisions reuse the installation found and both tokens.
    expect(await decide(numbers[1]!)).toEqual({
      graphql: 2,
      "git/get-ref": 1,
      "git/create-ref": gateLockRefCount(),
      "checks/create": 1,
    });
    for (const head of heads) {
      const [run] = (await h.reader.checks.listForRef({ owner: "gamma", repo: "svc", ref: head }))
        .data.check_runs;
      expect(run).toMatchObject({
        name: "Snapgate / config backup (gamma)",
        conclusion: "failure",
      });
      expect(conditionRow(run!.output.summary, "snapshot")).toContain(
        "No snapshot of gamma exists.",
      );
    }
  });

  it("says so when the app is not installed on the backup repository's account", async () => {
    h.gh.createOrg({ login: "delta", admins: ["octo-admin"] });
    h.gh.createOrg({ login: "epsilon", admins: ["octo-admin"] });
    await h.gh.createRepo({ owner: "epsilon", name: "backups", private: true, files: { x: "x" } });
    const text = policyYaml(h.keys, "delta").replace(
      `repository: ${OWNER}/${BACKUP_REPO}`,
      "repository: epsilon/backups",
    );
    await h.gh.createRepo({ owner: "delta", name: "svc", files: { ".github/snapgate.yml": text } });
    const head = await h.gh.commitFiles("delta", "svc", "feature", { "a.txt": "a\n" }, "change");
    const number = h.gh.createPullRequest({
      owner: "delta",
      repo: "svc",
      head: "feature",
      base: "main",
      user: "octo-admin",
    });
    h.gh.installApp(h.app.appId, "delta", "all");
    const payload = await h.gh.webhooks.payloads.pullRequest({
      owner: "delta",
      repo: "svc",
      number,
      action: "opened",
    });
    expect((await h.gh.webhooks.deliver(h.app.appId, "pull_request", payload)).status).toBe(200);
    const [run] = (await h.reader.checks.listForRef({ owner: "delta", repo: "svc", ref: head }))
      .data.check_runs;
    expect(run).toMatchObject({ conclusion: "failure" });
    expect(conditionRow(run!.output.summary, "store")).toContain(
      "Reading the backup repository epsilon/backups@main failed: The Snapgate App is not installed on epsilon/backups.",
    );
  });

  it("refuses a backup repository of an account the operator did not allow, without reading it", async () => {
    h.gh.createOrg({ login: "kappa", admins: ["octo-admin"] });
    h.gh.createOrg({ login: "lambda", admins: ["octo-admin"] });
    await h.gh.createRepo({ owner: "lambda", name: "backups", private: true, files: { x: "x" } });
    h.gh.installApp(h.app.appId, "lambda", "all");
    const text = policyYaml(h.keys, "kappa").replace(
      `repository: ${OWNER}/${BACKUP_REPO}`,
      "repository: lambda/backups",
    );
    await h.gh.createRepo({ owner: "kappa", name: "svc", files: { ".github/snapgate.yml": text } });
    const head = await h.gh.commitFiles("kappa", "svc", "feature", { "a.txt": "a\n" }, "change");
    const number = h.gh.createPullRequest({
      owner: "kappa",
      repo: "svc",
      head: "feature",
      base: "main",
      user: "octo-admin",
    });
    h.gh.installApp(h.app.appId, "kappa", "all");
    const payload = await h.gh.webhooks.payloads.pullRequest({
      owner: "kappa",
      repo: "svc",
      number,
      action: "opened",
    });
    h.gh.resetLog();
    expect((await h.gh.webhooks.deliver(h.app.appId, "pull_request", payload)).status).toBe(200);
    expect(
      h.gh.requests.map((request) => request.path).filter((path) => path.includes("lambda")),
    ).toEqual([]);
    const [run] = (await h.reader.checks.listForRef({ owner: "kappa", repo: "svc", ref: head }))
      .data.check_runs;
    expect(run).toMatchObject({ conclusion: "failure" });
    expect(conditionRow(run!.output.summary, "store")).toContain(
      "The backup repository lambda/backups belongs to another account than kappa: the app reads backups across accounts only where its operator allows it.",
    );
  });

  it("concludes failure with the reason when the policy cannot be read", async () => {
    const pull = await createSourceRepo(h.gh, "svc-unread", policyYaml(h.keys, "unread"));
    h.gh.faults.inject({ route: "graphql", repo: `${OWNER}/svc-unread`, status: 503, times: 3 });
    expect((await opened("svc-unread", pull.number)).status).toBe(200);
    const [run] = await runsOn("svc-unread", pull.headSha);
    expect(run).toMatchObject({
      name: "Snapgate / config backup",
      conclusion: "failure",
      output: { title: "The Snapgate policy could not be read, so the backup is unverified." },
    });
    expect(conditionRow(run!.output.summary, "policy")).toContain(
      "Reading the policy failed: GitHub failed while reading the policy of acme/svc-unread (503",
    );
    // A push to a branch that gates no merge gets no such check run.
    const topic = await h.gh.commitFiles(OWNER, "svc-unread", "topic", { "t.txt": "t\n" }, "topic");
    h.gh.faults.inject({ route: "graphql", repo: `${OWNER}/svc-unread`, status: 503, times: 3 });
    const push = await h.gh.webhooks.payloads.push({
      owner: OWNER,
      repo: "svc-unread",
      ref: "refs/heads/topic",
      before: null,
      after: topic,
    });
    expect((await h.gh.webhooks.deliver(h.app.appId, "push", push)).status).toBe(200);
    expect(await runsOn("svc-unread", topic)).toEqual([]);
  });
});
