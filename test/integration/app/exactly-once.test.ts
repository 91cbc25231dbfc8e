import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { GATE_LOCK_PREFIX } from "../../../app/gate/gate-lock-refs.js";
import { startSnapgateServer, type SnapgateServer } from "../../../app/start-snapgate-server.js";
import {
  BACKUP_REPO,
  createSourceRepo,
  OWNER,
  policyOf,
  startAppHarness,
  takeSnapshot,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { startWebhookRouter, type WebhookRouter } from "../../helpers/webhook-router.js";
import { gateLockRefCount } from "../../helpers/gate-lock-ref-count.js";

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
const work = tempDir("snapgate-once-");

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

/** Another instance of the app on the same sandbox, with its own clock. */
function startInstance(now?: () => Date): Promise<SnapgateServer> {
  return startSnapgateServer({
    appId: h.app.appId,
    privateKey: h.app.privateKeyPem,
    webhookSecret: h.app.webhookSecret,
    baseUrl: h.gh.url,
    port: 0,
    host: "127.0.0.1",
    logLevel: "fatal",
    retries: 2,
    retryAfterBaseValue: 1,
    ...(now ? { now } : {}),
  });
}

/** The gate's lock refs in the backup repository, through GraphQL as a reader would list them. */
async function lockRefs(): Promise<string[]> {
  const result = await h.reader.graphql<{
    repository: { refs: { nodes: { name: string }[] } };
  }>(
    `query($owner: String!, $name: String!, $prefix: String!) {
      repository(owner: $owner, name: $name) { refs(refPrefix: $prefix, first: 100) { nodes { name } } }
    }`,
    { owner: OWNER, name: BACKUP_REPO, prefix: GATE_LOCK_PREFIX },
  );
  // Names relative to the prefix (the sandbox strips only refs/heads/ and refs/tags/ from Ref.name).
  return result.repository.refs.nodes.map((node) =>
    node.name.startsWith(GATE_LOCK_PREFIX) ? node.name.slice(GATE_LOCK_PREFIX.length) : node.name,
  );
}

/** Delivers events all at once and expects each to be answered 200. */
async function deliverAll(events: Array<[string, Record<string, unknown>]>): Promise<void> {
  const deliveries = await Promise.all(
    events.map(([event, payload]) => h.gh.webhooks.deliver(h.app.appId, event, payload)),
  );
  expect(deliveries.map((delivery) => delivery.status)).toEqual(events.map(() => 200));
}

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

/**
 * What the events cannot settle among themselves (ADR 0604's residual cases)
 * is settled by a lock GitHub makes atomic: a ref created in the backup
 * repository (ADR 0611). Each case fails without it: both instances post.
 */
describe("exactly once across instances: the lock ref in the backup repository", () => {
  it("a push and the pull request opened on it at once, on two instances, both gating the environments", async () => {
    const repo = "svc-lock-opened";
    await createSourceRepo(h.gh, repo, twoEnvironments("[main, team/*]"));
    const before = await head(repo, "main");
    const sha = await h.gh.commitFiles(OWNER, repo, "team/y", { "deploy/app.yaml": "y: 1\n" }, "y");
    const number = h.gh.createPullRequest({
      owner: OWNER,
      repo,
      head: "team/y",
      base: "main",
      user: "dev",
    });
    router.route = (event) => (event === "push" ? 0 : 1);
    h.gh.resetLog();
    await deliverAll([
      [
        "push",
        await h.gh.webhooks.payloads.push({
          owner: OWNER,
          repo,
          ref: "refs/heads/team/y",
          before,
          after: sha,
        }),
      ],
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({ owner: OWNER, repo, number, action: "opened" }),
      ],
    ]);
    expect(await gateRunsOn(repo, sha)).toEqual(GATES);
    // Each instance read the backup head once and raced for each environment's ref: one won each.
    // The winner creates each of the lock's refs (two near midnight, ADR 0611), the loser stops
    // at the first.
    expect(h.gh.countCalls("git/get-ref")).toBe(2);
    expect(h.gh.countCalls("git/create-ref")).toBe(2 * (gateLockRefCount() + 1));
    expect(h.gh.countCalls("checks/create")).toBe(2);
    const locks = (await lockRefs()).filter((name) => name.includes(sha));
    expect(locks).toHaveLength(2 * gateLockRefCount());
    expect(locks[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}/${sha}-[0-9a-f]{24}$`));
  });

  it("one commit pushed to two release branches of one environment at once, on two instances", async () => {
    const repo = "svc-lock-two-branches";
    await createSourceRepo(h.gh, repo, twoEnvironments('["release/*"]'));
    const base = await head(repo, "main");
    const sha = await h.gh.commitFiles(OWNER, repo, "release/a", { "deploy/app.yaml": "a\n" }, "a");
    // The same commit pushed as a second branch (`git push origin HEAD:release/b`).
    const person = new Octokit({
      baseUrl: h.gh.url,
      auth: h.gh.createToken({
        actor: "octo-admin",
        repositories: [`${OWNER}/${repo}`],
        permissions: { contents: "write" },
      }),
    });
    await person.git.createRef({ owner: OWNER, repo, ref: "refs/heads/release/b", sha });
    let next = 0;
    router.route = () => next++ % 2;
    await deliverAll([
      [
        "push",
        await h.gh.webhooks.payloads.push({
          owner: OWNER,
          repo,
          ref: "refs/heads/release/a",
          before: base,
          after: sha,
        }),
      ],
      [
        "push",
        await h.gh.webhooks.payloads.push({
          owner: OWNER,
          repo,
          ref: "refs/heads/release/b",
          before: null,
          after: sha,
        }),
      ],
    ]);
    expect(router.counts.every((count) => count > 0)).toBe(true);
    expect(await gateRunsOn(repo, sha)).toEqual(GATES);
  });

  it("one delivery handled by two instances at once (a redelivery while it is being decided)", async () => {
    const repo = "svc-lock-redelivered";
    const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main]"));
    router.route = () => [0, 1];
    await deliverAll([
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({
          owner: OWNER,
          repo,
          number: pull.number,
          action: "opened",
        }),
      ],
    ]);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual(GATES);
    // Reopening decides again ("again": a lock per delivery), still once per delivery.
    h.gh.resetLog();
    await deliverAll([
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({
          owner: OWNER,
          repo,
          number: pull.number,
          action: "reopened",
        }),
      ],
    ]);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual([...GATES, ...GATES].sort());
    expect(h.gh.countCalls("checks/create")).toBe(2);
  });

  it("re-evaluation after a backup push goes through the same lock", async () => {
    const repo = "svc-lock-reevaluate";
    const text = twoEnvironments("[main]");
    const pull = await createSourceRepo(h.gh, repo, text);
    router.route = () => 0;
    await deliverAll([
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({
          owner: OWNER,
          repo,
          number: pull.number,
          action: "opened",
        }),
      ],
    ]);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual(GATES);
    const before = await head(BACKUP_REPO, "main");
    await takeSnapshot(h, join(work, "east"), {
      policy: await policyOf(text),
      environment: "east",
      repository: `${OWNER}/${repo}`,
      files: { "deploy/app.yaml": "replicas: 1\n" },
    });
    const after = await head(BACKUP_REPO, "main");
    // The snapshot's push reaches both instances at once.
    router.route = () => [0, 1];
    h.gh.resetLog();
    await deliverAll([
      [
        "push",
        await h.gh.webhooks.payloads.push({
          owner: OWNER,
          repo: BACKUP_REPO,
          ref: "refs/heads/main",
          before,
          after,
        }),
      ],
    ]);
    // east is decided again once; west's backup did not change.
    expect(await gateRunsOn(repo, pull.headSha)).toEqual([GATES[0], ...GATES].sort());
    expect(h.gh.countCalls("checks/create")).toBe(1);
    // The push names the backup head: the lock costs no read of it.
    expect(h.gh.countCalls("git/get-ref")).toBe(0);
    // Both instances race for east's lock: the winner's refs and the loser's first attempt.
    expect(h.gh.countCalls("git/create-ref")).toBe(gateLockRefCount() + 1);
  });

  it("two instances whose events of one commit fall on either side of midnight (UTC)", async () => {
    const late = await startInstance(() => new Date("2026-12-03T23:59:59.900Z"));
    const early = await startInstance(() => new Date("2026-12-04T00:00:00.100Z"));
    const midnight = await startWebhookRouter([late.webhookUrl, early.webhookUrl]);
    h.gh.webhooks.setUrl(h.app.appId, midnight.url);
    try {
      const repo = "svc-lock-midnight";
      const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main, feature]"));
      const before = await head(repo, "main");
      const sha = await head(repo, "feature");
      midnight.route = (event) => (event === "push" ? 0 : 1);
      await deliverAll([
        [
          "push",
          await h.gh.webhooks.payloads.push({
            owner: OWNER,
            repo,
            ref: "refs/heads/feature",
            before,
            after: sha,
          }),
        ],
        [
          "pull_request",
          await h.gh.webhooks.payloads.pullRequest({
            owner: OWNER,
            repo,
            number: pull.number,
            action: "opened",
          }),
        ],
      ]);
      expect(await gateRunsOn(repo, sha)).toEqual(GATES);
      const days = new Set(
        (await lockRefs()).filter((name) => name.includes(sha)).map((name) => name.slice(0, 10)),
      );
      expect([...days].sort()).toEqual(["2026-12-03", "2026-12-04"]);
    } finally {
      h.gh.webhooks.setUrl(h.app.appId, router.url);
      await midnight.close();
      await late.close();
      await early.close();
    }
  });

  it("posts without the lock when GitHub will not create it: a duplicate is better than no gate", async () => {
    const repo = "svc-lock-unavailable";
    const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main]"));
    router.route = () => 0;
    // Three tries (the app retries twice) for each environment's ref.
    const fault = h.gh.faults.inject({ route: "git/create-ref", status: 502, times: 6 });
    await deliverAll([
      [
        "pull_request",
        await h.gh.webhooks.payloads.pullRequest({
          owner: OWNER,
          repo,
          number: pull.number,
          action: "opened",
        }),
      ],
    ]);
    expect(fault.remaining).toBe(0);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual(GATES);
    expect((await lockRefs()).filter((name) => name.includes(pull.headSha))).toEqual([]);
  });

  it("a check run that cannot be posted releases its lock, so a redelivery posts it", async () => {
    const repo = "svc-lock-released";
    const pull = await createSourceRepo(h.gh, repo, twoEnvironments("[main]"));
    router.route = () => 0;
    // Both environments' posts fail, with their retries (the app retries twice).
    const fault = h.gh.faults.inject({ route: "checks/create", status: 502, times: 6 });
    const first = await h.gh.webhooks.deliver(
      h.app.appId,
      "pull_request",
      await h.gh.webhooks.payloads.pullRequest({
        owner: OWNER,
        repo,
        number: pull.number,
        action: "opened",
      }),
    );
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(fault.remaining).toBe(0);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual([]);
    expect((await lockRefs()).filter((name) => name.includes(pull.headSha))).toEqual([]);
    const again = await h.gh.webhooks.redeliver(first.id);
    expect(again.status).toBe(200);
    expect(await gateRunsOn(repo, pull.headSha)).toEqual(GATES);
  });
});
