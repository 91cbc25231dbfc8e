import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { createSnapgateProbot } from "../../../app/create-snapgate-probot.js";
import { rateLimitWaitSeconds } from "../../../core/github/rate-limit-retry.js";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

/**
 * The app's Octokit on the sandbox: 5xx retried, rate limits waited out when
 * they reset soon, failing at once when they do not, and no client-side
 * spacing of an installation's requests.
 */
let gh: Sandbox;
let probot: Probot;
let installationId: number;
const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { name } }`;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "octo" });
  gh.createOrg({ login: "acme", admins: ["octo"] });
  await gh.createRepo({ owner: "acme", name: "svc", files: { "a.txt": "a\n" } });
  const app = registerSnapgateApp(gh);
  installationId = gh.installApp(app.appId, "acme", "all");
  probot = createSnapgateProbot({
    appId: app.appId,
    privateKey: app.privateKeyPem,
    webhookSecret: "secret",
    baseUrl: gh.url,
    logLevel: "fatal",
    retries: 2,
    retryAfterBaseValue: 1,
  });
});
afterEach(() => {
  gh.assertClean();
  gh.resetLog();
});
afterAll(() => gh.close());

const octokit = () => probot.auth(installationId);

describe("the app's Octokit", () => {
  it("retries a 5xx and waits out secondary rate limits, REST and GraphQL alike", async () => {
    const client = await octokit();
    gh.faults.inject({ route: "graphql", status: 502 });
    gh.faults.inject({
      route: "graphql",
      rateLimit: "secondary",
      rateLimitStatus: 429,
      retryAfterSeconds: 2,
    });
    gh.faults.inject({ route: "repos/get", rateLimit: "secondary", retryAfterSeconds: 1 });
    expect(await client.graphql(query, { owner: "acme", name: "svc" })).toEqual({
      repository: { name: "svc" },
    });
    expect((await client.rest.repos.get({ owner: "acme", repo: "svc" })).status).toBe(200);
    expect(
      gh.requests
        .filter((request) => request.operationId !== "apps/create-installation-access-token")
        .map((request) => `${request.operationId} ${request.status}`),
    ).toEqual(["graphql 502", "graphql 429", "graphql 200", "repos/get 403", "repos/get 200"]);
  });

  it("waits for a primary limit that resets soon, and fails at once on one that resets too late", async () => {
    const client = await octokit();
    gh.faults.inject({ route: "repos/get", rateLimit: "primary", retryAfterSeconds: 1 });
    expect((await client.rest.repos.get({ owner: "acme", repo: "svc" })).status).toBe(200);
    gh.faults.inject({ route: "graphql", rateLimit: "primary", retryAfterSeconds: 1 });
    expect(await client.graphql(query, { owner: "acme", name: "svc" })).toEqual({
      repository: { name: "svc" },
    });
    gh.faults.inject({ route: "repos/get", rateLimit: "primary", retryAfterSeconds: 3600 });
    await expect(client.rest.repos.get({ owner: "acme", repo: "svc" })).rejects.toMatchObject({
      status: 403,
    });
    gh.faults.inject({ route: "graphql", rateLimit: "primary", retryAfterSeconds: 3600 });
    await expect(client.graphql(query, { owner: "acme", name: "svc" })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "RATE_LIMITED" })],
    });
  });

  it("gives up after its retries", async () => {
    const client = await octokit();
    gh.faults.inject({
      route: "repos/get",
      rateLimit: "secondary",
      retryAfterSeconds: 1,
      times: 3,
    });
    await expect(client.rest.repos.get({ owner: "acme", repo: "svc" })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("does not treat a permission refusal as a rate limit", async () => {
    const client = await octokit();
    await expect(
      // app.yml asks for no secrets permission, so this is refused.
      client.rest.actions.getRepoPublicKey({ owner: "acme", repo: "svc" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(gh.countCalls("actions/get-repo-public-key")).toBe(1);
  });
});

describe("rateLimitWaitSeconds", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it("reads Retry-After, X-RateLimit-Reset and the secondary limit's message", () => {
    expect(rateLimitWaitSeconds(429, { "retry-after": "5" }, "", now)).toBe(5);
    expect(
      rateLimitWaitSeconds(
        403,
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 30) },
        "",
        now,
      ),
    ).toBe(31);
    expect(rateLimitWaitSeconds(403, {}, "You have exceeded a secondary rate limit.", now)).toBe(
      60,
    );
    expect(
      rateLimitWaitSeconds(403, { "x-ratelimit-remaining": "12" }, "Resource not accessible", now),
    ).toBeNull();
    expect(rateLimitWaitSeconds(500, { "retry-after": "5" }, "", now)).toBeNull();
  });
});
