import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { git, octokitFor, statusOf } from "./sandbox-clients.js";
import { backupRepoGrants } from "../../helpers/snapgate-app.js";

const owner = "acme";
const repo = "backups";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let gh: Sandbox;
let token: string;
let plain: Octokit;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: owner });
  await gh.createRepo({ owner, name: repo, files: { "a.txt": "a" } });
  token = gh.createToken({ actor: owner, repositories: "all", permissions: backupRepoGrants() });
  plain = octokitFor(gh, token);
});

afterEach(() => {
  gh.assertClean();
  gh.resetLog();
});
afterAll(() => gh.close());

/** Octokit as the GitHub store builds it: retry and throttling, with waits shrunk to milliseconds. */
function resilientOctokit(onRateLimit: () => boolean, onSecondaryRateLimit: () => boolean) {
  const Resilient = Octokit.plugin(retry, throttling);
  return new Resilient({
    auth: token,
    baseUrl: gh.url,
    log: quiet,
    retry: { retryAfterBaseValue: 1 },
    throttle: { retryAfterBaseValue: 1, onRateLimit, onSecondaryRateLimit },
  });
}

const getRef = (client: Octokit) => client.git.getRef({ owner, repo, ref: "heads/main" });

describe("injected faults", () => {
  it("fails with 5xx the given number of times, which plugin-retry rides out", async () => {
    gh.faults.inject({ route: "git/get-ref", status: 502, times: 2 });
    const client = resilientOctokit(
      () => false,
      () => false,
    );
    expect((await getRef(client)).status).toBe(200);
    expect(gh.requests.map((request) => request.status)).toEqual([502, 502, 200]);
  });

  it("answers a secondary rate limit with retry-after, as plugin-throttling expects", async () => {
    gh.faults.inject({ route: "git/get-ref", rateLimit: "secondary", retryAfterSeconds: 3 });
    const onSecondary = jest.fn(() => true);
    const client = resilientOctokit(() => false, onSecondary);
    expect((await getRef(client)).status).toBe(200);
    expect(onSecondary).toHaveBeenCalledTimes(1);
    expect(onSecondary.mock.calls[0]).toEqual([3, expect.anything(), expect.anything(), 0]);
    gh.faults.inject({ route: "git/get-ref", rateLimit: "secondary", rateLimitStatus: 429 });
    const refused = await getRef(plain).catch(
      (error: { status: number; response: { headers: Record<string, string> } }) => error,
    );
    expect(refused).toMatchObject({ status: 429, response: { headers: { "retry-after": "1" } } });
  });

  it("answers a primary rate limit with x-ratelimit-remaining 0 and the reset time", async () => {
    gh.faults.inject({ route: "git/get-ref", rateLimit: "primary", retryAfterSeconds: 2 });
    const refused = await getRef(plain).catch(
      (error: {
        status: number;
        response: { headers: Record<string, string>; data: { message: string } };
      }) => error,
    );
    expect(refused).toMatchObject({
      status: 403,
      response: { headers: { "x-ratelimit-remaining": "0" } },
    });
    const reset = Number(
      (refused as { response: { headers: Record<string, string> } }).response.headers[
        "x-ratelimit-reset"
      ],
    );
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    gh.faults.inject({ route: "git/get-ref", rateLimit: "primary" });
    const onRateLimit = jest.fn(() => true);
    expect((await getRef(resilientOctokit(onRateLimit, () => false))).status).toBe(200);
    expect(onRateLimit).toHaveBeenCalledTimes(1);
  });

  it("delays a response without changing it, and counts the delay as the sandbox's time", async () => {
    gh.faults.inject({ method: "GET", route: "/repos/*/*/git/ref/**", delayMs: 50 });
    expect((await getRef(plain)).status).toBe(200);
    expect(gh.requests[0]).toMatchObject({
      status: 200,
      fault: expect.stringContaining("delayMs"),
    });
    // Timers may fire a millisecond early; the delay is the sandbox's own time either way.
    expect(gh.requests[0]!.handlingMs).toBeGreaterThanOrEqual(45);
    expect(gh.handlingMs()).toBe(gh.requests[0]!.handlingMs);
  });

  it("aims a fault at one repository, in REST paths and in GraphQL variables", async () => {
    await gh.createRepo({ owner, name: "other", files: { "b.txt": "b" } });
    const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { name } }`;
    gh.faults.inject({ route: "graphql", repo: `${owner}/other`, status: 502 });
    gh.faults.inject({ method: "GET", repo: `${owner}/other`, status: 503 });
    // Other repositories pass untouched, in GraphQL and in REST.
    expect(await plain.graphql(query, { owner, name: repo })).toEqual({
      repository: { name: repo },
    });
    expect((await getRef(plain)).status).toBe(200);
    await expect(plain.graphql(query, { owner, name: "other" })).rejects.toMatchObject({
      status: 502,
    });
    expect(
      (await statusOf(plain.git.getRef({ owner, repo: "other", ref: "heads/main" }))).status,
    ).toBe(503);
    expect(gh.requests.map((request) => request.fault !== undefined)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("drops the connection without an answer", async () => {
    gh.faults.inject({ route: "git/get-ref", drop: true });
    await expect(getRef(plain)).rejects.toThrow();
    expect(gh.requests[0]).toMatchObject({ operationId: "git/get-ref", status: 0 });
  });

  it("lands a write and then loses its answer: 502 or a dropped connection after handling", async () => {
    const commits = async () =>
      (await git(["cat-file", "--batch-all-objects", "--batch-check"], gh.repoPath(owner, repo)))
        .split("\n")
        .filter((line) => / commit /.test(line)).length;
    const before = (await getRef(plain)).data.object.sha;
    const tree = await plain.git.createTree({
      owner,
      repo,
      tree: [{ path: "landed.txt", mode: "100644", type: "blob", content: "landed" }],
    });
    const objectsBefore = await commits();
    gh.faults.inject({ route: "git/create-commit", status: 502, afterHandling: true });
    const lost = await statusOf(
      plain.git.createCommit({
        owner,
        repo,
        message: "landed",
        tree: tree.data.sha,
        parents: [before],
      }),
    );
    expect(lost).toEqual({ status: 502, message: "Bad Gateway" });
    expect(await commits()).toBe(objectsBefore + 1);

    const first = await plain.git.createCommit({
      owner,
      repo,
      message: "first",
      tree: tree.data.sha,
      parents: [before],
    });
    gh.faults.inject({ route: "git/update-ref", status: 502, afterHandling: true });
    expect(
      (await statusOf(plain.git.updateRef({ owner, repo, ref: "heads/main", sha: first.data.sha })))
        .status,
    ).toBe(502);
    expect((await getRef(plain)).data.object.sha).toBe(first.data.sha);

    const second = await plain.git.createCommit({
      owner,
      repo,
      message: "second",
      tree: tree.data.sha,
      parents: [first.data.sha],
    });
    gh.faults.inject({ route: "git/update-ref", drop: true, afterHandling: true });
    await expect(
      plain.git.updateRef({ owner, repo, ref: "heads/main", sha: second.data.sha }),
    ).rejects.toThrow();
    expect((await getRef(plain)).data.object.sha).toBe(second.data.sha);
    expect(gh.requests.filter((request) => request.fault).map((request) => request.status)).toEqual(
      [502, 502, 0],
    );
  });

  it("refuses an after-handling fault without an answer to replace", () => {
    expect(() =>
      gh.faults.inject({ route: "git/update-ref", delayMs: 10, afterHandling: true }),
    ).toThrow(/needs a status or drop/);
  });

  it("moves the branch just before a ref update, which then is not a fast forward", async () => {
    const before = (await getRef(plain)).data.object.sha;
    const tree = await plain.git.createTree({
      owner,
      repo,
      tree: [{ path: "b.txt", mode: "100644", type: "blob", content: "b" }],
    });
    const commit = await plain.git.createCommit({
      owner,
      repo,
      message: "b",
      tree: tree.data.sha,
      parents: [before],
    });
    gh.faults.inject({ route: "git/update-ref", concurrentRefMove: true });
    expect(
      await statusOf(plain.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.data.sha })),
    ).toEqual({
      status: 422,
      message: "Update is not a fast forward",
    });
    const moved = (await getRef(plain)).data.object.sha;
    expect(moved).not.toBe(before);
    const other = await plain.git.getCommit({ owner, repo, commit_sha: moved });
    expect(other.data.parents.map((parent) => parent.sha)).toEqual([before]);
  });

  it("moves a named branch before a GraphQL mutation, which then fails as stale", async () => {
    const head = (await getRef(plain)).data.object.sha;
    gh.faults.inject({
      route: "graphql",
      concurrentRefMove: { repo: `${owner}/${repo}`, branch: "main", files: { "other.txt": "x" } },
    });
    const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
    await expect(
      plain.graphql(mutation, {
        input: {
          branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: "main" },
          expectedHeadOid: head,
          message: { headline: "late" },
          fileChanges: { additions: [{ path: "late.txt", contents: "bGF0ZQ==" }] },
        },
      }),
    ).rejects.toThrow(/Expected branch to point to/);
    const file = await plain.repos.getContent({ owner, repo, path: "other.txt" });
    expect(file.status).toBe(200);
  });

  it("makes an unused fault fail assertClean, then forgets it", () => {
    gh.faults.inject({ route: "git/create-tree", status: 500 });
    expect(() => gh.assertClean()).toThrow(/unused fault \(1 left\).*git\/create-tree/);
    expect(() => gh.assertClean()).not.toThrow();
  });

  it("refuses a fault without an effect", () => {
    expect(() => gh.faults.inject({ route: "git/get-ref" })).toThrow(/needs an effect/);
  });
});

describe("primary rate limit accounting", () => {
  it("reports x-ratelimit-* on every answer and refuses requests past the budget", async () => {
    const limited = await startSandbox({ limits: { requestsPerHour: 2 } });
    try {
      limited.createUser({ login: "u" });
      await limited.createRepo({ owner: "u", name: "r", files: { "a.txt": "a" } });
      const client = octokitFor(
        limited,
        limited.createToken({ actor: "u", repositories: "all", permissions: backupRepoGrants() }),
      );
      const first = await client.repos.get({ owner: "u", repo: "r" });
      expect(first.headers["x-ratelimit-limit"]).toBe("2");
      expect(first.headers["x-ratelimit-remaining"]).toBe("1");
      expect((await client.repos.get({ owner: "u", repo: "r" })).headers["x-ratelimit-used"]).toBe(
        "2",
      );
      const refused = await statusOf(client.repos.get({ owner: "u", repo: "r" }));
      expect(refused.status).toBe(403);
      expect(refused.message).toMatch(/^API rate limit exceeded for user ID \d+/);
      limited.assertClean();
    } finally {
      await limited.close();
    }
  });
});
