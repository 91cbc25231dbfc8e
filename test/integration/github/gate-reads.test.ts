import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { createGitHubClient, type GitHubClient } from "../../../core/github/github-client.js";
import { GitHubPolicySource } from "../../../core/github/github-policy-source.js";
import { readCheckRuns } from "../../../core/github/read-check-runs.js";
import { readGateContext } from "../../../core/github/read-gate-context.js";
import { readGateHeads } from "../../../core/github/read-gate-heads.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { KEYS } from "../../unit/policy/policy-from-yaml.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

/**
 * The GitHub reads behind the app's decisions, on the sandbox: the policy
 * from default branches with _extends, in as few GraphQL queries as the
 * design promises, and the app's check runs, pull requests and branches.
 */
const owner = "acme";
const BODY = `tiers:\n  tier1: { max_age: 24h }\nenvironments:\n  prod: { tier: tier1, release_branches: ["release/*"] }\n`;
let gh: Sandbox;
let appId: number;
/** The Snapgate App's installation on the owner (every repository). */
let installationId: number;
let client: GitHubClient;
let app: GitHubClient;
let featureHead: string;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "octo" });
  gh.createOrg({ login: owner, admins: ["octo"] });
  await gh.createRepo({
    owner,
    name: ".github",
    files: {
      ".github/snapgate.yml": `${KEYS}${BODY}`,
      "snapgate-org.yml": KEYS,
    },
  });
  // Extends the organisation's file at the same path: no read beyond the first query.
  await gh.createRepo({
    owner,
    name: "svc",
    files: { ".github/snapgate.yml": "_extends: .github\n", "a.txt": "a\n" },
  });
  await gh.commitFiles(owner, "svc", "release/1", { "a.txt": "b\n" }, "release");
  await gh.commitFiles(owner, "svc", "feature", { "a.txt": "c\n" }, "feature");
  // A pull request may rewrite the policy on its branch: the default branch's still counts.
  featureHead = await gh.commitFiles(
    owner,
    "svc",
    "feature",
    { ".github/snapgate.yml": "keys: {}\n" },
    "try",
  );
  gh.createPullRequest({ owner, repo: "svc", head: "feature", base: "release/1", user: "octo" });
  // Extends another file of the organisation's repository: one more read.
  await gh.createRepo({
    owner,
    name: "api",
    files: { ".github/snapgate.yml": `_extends: .github:snapgate-org.yml\n${BODY}` },
  });
  // No policy of its own: the organisation's applies (Probot's fallback).
  await gh.createRepo({ owner, name: "bare", files: { "a.txt": "a\n" } });
  const created = registerSnapgateApp(gh);
  appId = created.appId;
  installationId = gh.installApp(appId, owner, "all");
  client = createGitHubClient({
    token: gh.createInstallationToken(installationId),
    baseUrl: gh.url,
    retries: 1,
    retryAfterBaseValue: 1,
    writeSpacingMs: 0,
  });
  app = client;
});
afterEach(() => {
  gh.assertClean();
  gh.resetLog();
});
afterAll(() => gh.close());

describe("readGateContext", () => {
  it("reads the policy, the organisation's fallback and the app's runs on the head in one query", async () => {
    const run = await client.request("POST /repos/{owner}/{repo}/check-runs", {
      owner,
      repo: "svc",
      name: "Snapgate / config backup (prod)",
      head_sha: featureHead,
      external_id: "delivery-1",
      status: "completed",
      conclusion: "failure",
    });
    gh.resetLog();
    const context = await readGateContext(app, { owner, repo: "svc", headSha: featureHead, appId });
    expect(context.defaultBranch).toBe("main");
    expect(context.hasPolicy).toBe(true);
    expect(context.checkRuns).toEqual([
      {
        id: run.data.id,
        name: "Snapgate / config backup (prod)",
        status: "completed",
        conclusion: "failure",
        externalId: "delivery-1",
      },
    ]);
    const policy = await loadPolicy(context.policySource, { owner, repo: "svc" });
    expect(policy.sources).toEqual([".github/snapgate.yml", "acme/.github:.github/snapgate.yml"]);
    expect(Object.keys(policy.environments)).toEqual(["prod"]);
    expect(gh.callCounts()).toEqual({ graphql: 1 });
  });

  it("costs one more read per extended file it did not fetch already", async () => {
    const context = await readGateContext(app, { owner, repo: "api", headSha: null, appId });
    const policy = await loadPolicy(context.policySource, { owner, repo: "api" });
    expect(policy.sources).toEqual([".github/snapgate.yml", "acme/.github:snapgate-org.yml"]);
    expect(context.checkRuns).toEqual([]);
    expect(gh.callCounts()).toEqual({ graphql: 2 });
    // A second read of the same file is remembered.
    await context.policySource.read({ owner, repo: ".github", path: "snapgate-org.yml" });
    expect(gh.callCounts()).toEqual({ graphql: 2 });
  });

  it("falls back to the organisation's policy when the repository has none", async () => {
    const context = await readGateContext(app, { owner, repo: "bare", headSha: null, appId });
    expect(context.hasPolicy).toBe(true);
    const policy = await loadPolicy(context.policySource, { owner, repo: "bare" });
    expect(policy.sources).toEqual(["acme/.github:.github/snapgate.yml"]);
    expect(gh.callCounts()).toEqual({ graphql: 1 });
  });

  it("reports no policy where neither the repository nor its owner has one, without failing on a missing .github repository", async () => {
    gh.createUser({ login: "solo" });
    await gh.createRepo({ owner: "solo", name: "tool", files: { "a.txt": "a\n" } });
    const installation = gh.installApp(appId, "solo", "all");
    const solo = createGitHubClient({
      token: gh.createInstallationToken(installation),
      baseUrl: gh.url,
      writeSpacingMs: 0,
    });
    const context = await readGateContext(solo, {
      owner: "solo",
      repo: "tool",
      headSha: null,
      appId,
    });
    expect(context.hasPolicy).toBe(false);
    await expect(loadPolicy(context.policySource, { owner: "solo", repo: "tool" })).rejects.toThrow(
      "No Snapgate policy at .github/snapgate.yml.",
    );
    // The organisation's own .github repository reads its policy without a fallback to itself.
    const org = await readGateContext(app, { owner, repo: ".github", headSha: null, appId });
    expect(org.hasPolicy).toBe(true);
  });

  it("turns a missing permission and a failing GitHub into errors that say what to do", async () => {
    await gh.createRepo({
      owner,
      name: "private-svc",
      private: true,
      files: { ".github/snapgate.yml": `${KEYS}${BODY}` },
    });
    const noContents = createGitHubClient({
      // A token of the App narrowed to checks only (no contents), as a misconfigured workflow might mint.
      token: gh.createInstallationToken(installationId, { permissions: { checks: "write" } }),
      baseUrl: gh.url,
      writeSpacingMs: 0,
    });
    const refused = await readGateContext(noContents, {
      owner,
      repo: "private-svc",
      headSha: null,
      appId,
    }).catch((error: unknown) => error);
    expect(isSnapgateError(refused, "PERMISSION")).toBe(true);
    expect((refused as Error).message).toContain("Resource not accessible by integration");

    gh.faults.inject({ route: "graphql", status: 502, times: 2 });
    const failed = await readGateContext(app, { owner, repo: "svc", headSha: null, appId }).catch(
      (error: unknown) => error,
    );
    expect(isSnapgateError(failed, "REMOTE")).toBe(true);
    expect((failed as Error).message).toContain("reading the policy of acme/svc");
  });

  it("makes a policy file that is not text a problem of the policy, not of the read", async () => {
    await gh.createRepo({
      owner,
      name: "binary",
      files: { ".github/snapgate.yml": "\u0000\u0001 not yaml" },
    });
    const context = await readGateContext(app, { owner, repo: "binary", headSha: null, appId });
    expect(context.hasPolicy).toBe(true);
    await expect(loadPolicy(context.policySource, { owner, repo: "binary" })).rejects.toThrow(
      "acme/binary:.github/snapgate.yml is not a text file.",
    );
  });
});

describe("GitHubPolicySource", () => {
  it("reads a file of another repository from its default branch, and a missing repository as a missing file", async () => {
    const source = new GitHubPolicySource(app, { owner, repo: "svc" });
    expect(await source.read({ owner, repo: ".github", path: "snapgate-org.yml" })).toBe(KEYS);
    expect(await source.read({ owner, repo: "nope", path: "x.yml" })).toBeNull();
    expect(await source.read({ path: "missing.yml" })).toBeNull();
    expect(gh.callCounts()).toEqual({ graphql: 3 });
  });
});

describe("readGateHeads and readCheckRuns", () => {
  it("lists open pull requests and branches with the policy, then the app's runs on chosen heads", async () => {
    const heads = await readGateHeads(app, { owner, repo: "svc" });
    expect(heads.hasPolicy).toBe(true);
    expect(heads.pulls).toEqual([
      { number: 1, headSha: expect.stringMatching(/^[0-9a-f]{40}$/), baseBranch: "release/1" },
    ]);
    expect(heads.branches.map((branch) => branch.name)).toEqual(["feature", "main", "release/1"]);
    const shas = [heads.pulls[0]!.headSha, heads.branches[1]!.sha, "not-a-sha"];
    const runs = await readCheckRuns(app, { owner, repo: "svc", appId, shas });
    expect([...runs.keys()]).toEqual(shas.slice(0, 2));
    expect(runs.get(heads.pulls[0]!.headSha)).toEqual([
      expect.objectContaining({
        name: "Snapgate / config backup (prod)",
        externalId: "delivery-1",
      }),
    ]);
    expect(runs.get(heads.branches[1]!.sha)).toEqual([]);
    expect(gh.callCounts()).toEqual({ graphql: 2 });
  });
});
