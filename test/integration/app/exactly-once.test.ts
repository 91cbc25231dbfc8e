import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startSnapgateServer, type SnapgateServer } from "../../../app/start-snapgate-server.js";
import {
  BACKUP_REPO,
  createSourceRepo,
  OWNER,
  startAppHarness,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { startWebhookRouter, type WebhookRouter } from "../../helpers/webhook-router.js";

/**
 * GitHub announces one new commit several times at the same moment: a push
 * to a release branch as `push` and `check_suite`, a new pull request head as
 * `push`, `check_suite` and `pull_request.synchronize`. Behind a load balancer
 * those land on different instances of the stateless app. Whatever the split,
 * each environment gets exactly one check run on the commit.
 */
let h: AppHarness;
let second: SnapgateServer;
let router: WebhookRouter;

beforeAll(async () => {
  h = await startAppHarness();
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
  });
  router = await startWebhookRouter([h.server.webhookUrl, second.webhookUrl]);
  h.gh.webhooks.setUrl(h.app.appId, router.url);
});
afterEach(() => h.gh.assertClean());
afterAll(async () => {
  await h.gh.webhooks.settle();
  await router.close();
  await second.close();
  await h.close();
});

/** Two environments released from `releaseBranches` (no snapshots: both gates fail, once each). */
function twoEnvironments(releaseBranches: string): string {
  return [
    `backup: { repository: ${OWNER}/${BACKUP_REPO}, branch: main }`,
    "keys:",
    `  recipients: [${h.keys.age.recipient}]`,
    "  writers:",
    `    - key: ${h.keys.verifyKey}`,
    "tiers:",
    "  tier1: { max_age: 24h }",
    "environments:",
    `  east: { tier: tier1, release_branches: ${releaseBranches} }`,
    `  west: { tier: tier1, release_branches: ${releaseBranches} }`,
    "components:",
    '  - { name: app, paths: ["deploy/**"] }',
  ].join("\n");
}

async function head(repo: string, branch: string): Promise<string> {
  return (await h.reader.git.getRef({ owner: OWNER, repo, ref: `heads/${branch}` })).data.object
    .sha;
}

async function gateRunsOn(repo: string, sha: string): Promise<string[]> {
  const runs = (await h.reader.checks.listForRef({ owner: OWNER, repo, ref: sha, filter: "all" }))
    .data.check_runs;
  return runs.map((run) => run.name).sort();
}

/** Builds the events GitHub sends for a new commit on `branch`, then delivers them all at once. */
async function announce(
  repo: string,
  branch: string,
  pullNumber: number | null,
  instanceOf: Record<string, number>,
): Promise<string> {
  const before = await head(repo, branch);
  const after = await h.gh.commitFiles(
    OWNER,
    repo,
    branch,
    { "deploy/app.yaml": `at: ${before}\n` },
    "change",
  );
  const events: Array<[string, Record<string, unknown>]> = [
    [
      "push",
      await h.gh.webhooks.payloads.push({
        owner: OWNER,
        repo,
        ref: `refs/heads/${branch}`,
        before,
        after,
      }),
    ],
    [
      "check_suite",
      await h.gh.webhooks.payloads.checkSuite({
        owner: OWNER,
        repo,
        appId: h.app.appId,
        action: "requested",
        branch,
        headSha: after,
      }),
    ],
  ];
  if (pullNumber !== null) {
    events.push([
      "pull_request",
      await h.gh.webhooks.payloads.pullRequest({
        owner: OWNER,
        repo,
        number: pullNumber,
        action: "synchronize",
      }),
    ]);
  }
  router.route = (event) => instanceOf[event] ?? 0;
  const deliveries = await Promise.all(
    events.map(([event, payload]) => h.gh.webhooks.deliver(h.app.appId, event, payload)),
  );
  expect(deliveries.map((delivery) => delivery.status)).toEqual(events.map(() => 200));
  return after;
}

const GATES = ["Snapgate / config backup (east)", "Snapgate / config backup (west)"];
/** Every way to split the events over two instances, and all on one. */
const SPLITS: Array<Record<string, number>> = [
  { push: 0, check_suite: 0, pull_request: 0 },
  { push: 0, check_suite: 1, pull_request: 0 },
  { push: 0, check_suite: 0, pull_request: 1 },
  { push: 1, check_suite: 0, pull_request: 0 },
];

describe("exactly one gate check run per commit and environment", () => {
  it("a push to a release branch, announced as push and check_suite together", async () => {
    const repo = "svc-once-push";
    await createSourceRepo(h.gh, repo, twoEnvironments("[main]"));
    for (const split of SPLITS) {
      const sha = await announce(repo, "main", null, split);
      expect(await gateRunsOn(repo, sha)).toEqual(GATES);
    }
    expect(router.counts.every((count) => count > 0)).toBe(true);
  });

  it("a new pull request head, announced as push, check_suite and pull_request together", async () => {
    const repo = "svc-once-pull";
    const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main]"));
    for (const split of SPLITS) {
      const sha = await announce(repo, "feature", pull.number, split);
      expect(await gateRunsOn(repo, sha)).toEqual(GATES);
    }
  });

  it("a pull request between two release branches of the same environments", async () => {
    // The head branch gates the environments too, so push and pull_request both name them.
    const repo = "svc-once-both";
    const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main, feature]"));
    for (const split of SPLITS) {
      const sha = await announce(repo, "feature", pull.number, split);
      expect(await gateRunsOn(repo, sha)).toEqual(GATES);
    }
  });

  it("one instance: a push and the pull request opened on it at once, both gating the environments", async () => {
    // `git push && gh pr create` from a branch that releases the environments too: GitHub
    // cannot tell either event about the other, so this instance posts one run per key at a time.
    const repo = "svc-once-opened";
    await createSourceRepo(h.gh, repo, twoEnvironments("[main, team/*]"));
    router.route = () => 0;
    const before = await head(repo, "main");
    const sha = await h.gh.commitFiles(OWNER, repo, "team/x", { "deploy/app.yaml": "x: 1\n" }, "x");
    const number = h.gh.createPullRequest({
      owner: OWNER,
      repo,
      head: "team/x",
      base: "main",
      user: "dev",
    });
    const events: Array<[string, Record<string, unknown>]> = [
      [
        "push",
        await h.gh.webhooks.payloads.push({
          owner: OWNER,
          repo,
          ref: "refs/heads/team/x",
          before,
          after: sha,
        }),
      ],
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({ owner: OWNER, repo, number, action: "opened" }),
      ],
    ];
    const deliveries = await Promise.all(
      events.map(([event, payload]) => h.gh.webhooks.deliver(h.app.appId, event, payload)),
    );
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
    expect(await gateRunsOn(repo, sha)).toEqual(GATES);
  });
});
