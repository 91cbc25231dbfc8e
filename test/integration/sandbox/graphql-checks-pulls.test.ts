import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor } from "./sandbox-clients.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

const owner = "acme";
const repo = "service";
let gh: Sandbox;
let snapgate: Octokit;
let other: Octokit;
let noChecks: Octokit;
let snapgateId: number;
let otherId: number;
let mainSha: string;
let featureSha: string;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "dev" });
  gh.createOrg({ login: owner, admins: ["dev"] });
  await gh.createRepo({ owner, name: repo, private: true, files: { "a.txt": "a\n" } });
  await gh.commitFiles(owner, repo, "release/1", { "r.txt": "1\n" }, "release 1");
  await gh.commitFiles(owner, repo, "release/2", { "r.txt": "2\n" }, "release 2");
  featureSha = await gh.commitFiles(owner, repo, "feature", { "f.txt": "f\n" }, "feature");
  await gh.commitFiles(owner, repo, "fix", { "x.txt": "x\n" }, "fix");
  gh.createPullRequest({ owner, repo, head: "feature", base: "release/1", user: "dev" });
  gh.createPullRequest({ owner, repo, head: "fix", base: "main", user: "dev" });
  const app = registerSnapgateApp(gh);
  snapgateId = app.appId;
  snapgate = octokitFor(gh, gh.createInstallationToken(gh.installApp(app.appId, owner, "all")));
  const otherApp = gh.createApp({ slug: "other", permissions: { checks: "write" }, events: [] });
  otherId = otherApp.appId;
  other = octokitFor(gh, gh.createInstallationToken(gh.installApp(otherApp.appId, owner, "all")));
  const bare = gh.createApp({ slug: "bare", permissions: { contents: "read" }, events: [] });
  noChecks = octokitFor(gh, gh.createInstallationToken(gh.installApp(bare.appId, owner, "all")));
  mainSha = (await snapgate.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

interface SuitesResult {
  repository: {
    object: {
      checkSuites: {
        totalCount: number;
        nodes: {
          app: { databaseId: number; slug: string };
          status: string;
          conclusion: string | null;
          checkRuns: {
            totalCount: number;
            nodes: {
              databaseId: number;
              name: string;
              status: string;
              conclusion: string | null;
              externalId: string | null;
              title: string | null;
            }[];
          };
        }[];
      };
    };
  };
}

const suitesQuery = `query($owner: String!, $name: String!, $oid: GitObjectID!, $appId: Int, $checkType: CheckRunType) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) { ... on Commit {
      checkSuites(first: 10, filterBy: { appId: $appId }) { totalCount nodes {
        app { databaseId slug } status conclusion
        checkRuns(first: 50, filterBy: { checkType: $checkType }) { totalCount nodes { databaseId name status conclusion externalId title } }
      } }
    } }
  }
}`;

describe("GraphQL check suites and check runs", () => {
  it("lists the check runs of a commit per app, with status, conclusion and external id", async () => {
    const first = await snapgate.checks.create({
      owner,
      repo,
      name: "gate (prod)",
      head_sha: mainSha,
      external_id: "delivery-1",
      status: "completed",
      conclusion: "failure",
      output: { title: "1 of 9 conditions fail", summary: "..." },
    });
    const second = await snapgate.checks.create({
      owner,
      repo,
      name: "gate (prod)",
      head_sha: mainSha,
      status: "in_progress",
    });
    await other.checks.create({ owner, repo, name: "lint", head_sha: mainSha });

    const all = await snapgate.graphql<SuitesResult>(suitesQuery, {
      owner,
      name: repo,
      oid: mainSha,
      checkType: "ALL",
    });
    expect(all.repository.object.checkSuites.totalCount).toBe(2);
    const ours = await snapgate.graphql<SuitesResult>(suitesQuery, {
      owner,
      name: repo,
      oid: mainSha,
      appId: snapgateId,
      checkType: "ALL",
    });
    expect(ours.repository.object.checkSuites.nodes).toEqual([
      {
        app: { databaseId: snapgateId, slug: "snapgate" },
        status: "IN_PROGRESS",
        conclusion: null,
        checkRuns: {
          totalCount: 2,
          nodes: [
            {
              databaseId: first.data.id,
              name: "gate (prod)",
              status: "COMPLETED",
              conclusion: "FAILURE",
              externalId: "delivery-1",
              title: "1 of 9 conditions fail",
            },
            {
              databaseId: second.data.id,
              name: "gate (prod)",
              status: "IN_PROGRESS",
              conclusion: null,
              externalId: null,
              title: null,
            },
          ],
        },
      },
    ]);
    const latest = await snapgate.graphql<SuitesResult>(suitesQuery, {
      owner,
      name: repo,
      oid: mainSha,
      appId: snapgateId,
      checkType: "LATEST",
    });
    expect(
      latest.repository.object.checkSuites.nodes[0]!.checkRuns.nodes.map((run) => run.databaseId),
    ).toEqual([second.data.id]);
    const theirs = await snapgate.graphql<SuitesResult>(suitesQuery, {
      owner,
      name: repo,
      oid: mainSha,
      appId: otherId,
    });
    expect(theirs.repository.object.checkSuites.nodes[0]!.checkRuns.nodes).toEqual([
      expect.objectContaining({ name: "lint", status: "QUEUED" }),
    ]);
  });

  it("returns a check run's text and annotations", async () => {
    const sha = featureSha;
    await snapgate.checks.create({
      owner,
      repo,
      name: "annotated",
      head_sha: sha,
      status: "completed",
      conclusion: "failure",
      output: {
        title: "t",
        summary: "s",
        text: "details",
        annotations: [
          {
            path: "f.txt",
            start_line: 3,
            end_line: 4,
            annotation_level: "warning",
            message: "look here",
            title: "a title",
          },
        ],
      },
    });
    const result = await snapgate.graphql<{
      repository: {
        object: {
          checkSuites: {
            nodes: {
              checkRuns: {
                nodes: {
                  text: string;
                  annotations: {
                    totalCount: number;
                    nodes: Record<string, unknown>[];
                  };
                }[];
              };
            }[];
          };
        };
      };
    }>(
      `query($owner: String!, $name: String!, $oid: GitObjectID!, $appId: Int!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit {
          checkSuites(first: 1, filterBy: { appId: $appId }) { nodes { checkRuns(first: 1, filterBy: { checkName: "annotated" }) { nodes {
            text
            annotations(first: 50) { totalCount nodes { path title message rawDetails annotationLevel location { start { line column } end { line column } } } }
          } } } }
        } } }
      }`,
      { owner, name: repo, oid: sha, appId: snapgateId },
    );
    const [run] = result.repository.object.checkSuites.nodes[0]!.checkRuns.nodes;
    expect(run).toEqual({
      text: "details",
      annotations: {
        totalCount: 1,
        nodes: [
          {
            path: "f.txt",
            title: "a title",
            message: "look here",
            rawDetails: null,
            annotationLevel: "WARNING",
            location: { start: { line: 3, column: null }, end: { line: 4, column: null } },
          },
        ],
      },
    });
  });

  it("needs checks read, and a page size", async () => {
    await expect(
      noChecks.graphql(suitesQuery, { owner, name: repo, oid: mainSha }),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "FORBIDDEN" })],
    });
    await expect(
      snapgate.graphql(
        `{ repository(owner: "${owner}", name: "${repo}") { object(oid: "${mainSha}") { ... on Commit { checkSuites { totalCount } } } } }`,
      ),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "MISSING_PAGINATION_BOUNDARIES" })],
    });
    await expect(
      snapgate.graphql(
        `{ repository(owner: "${owner}", name: "${repo}") { object(oid: "${mainSha}") { ... on Commit { checkSuites(first: 101) { totalCount } } } } }`,
      ),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "EXCESSIVE_PAGINATION" })],
    });
  });
});

describe("GraphQL pull requests and refs", () => {
  interface PullsResult {
    repository: {
      pullRequests: {
        totalCount: number;
        nodes: { number: number; headRefName: string; headRefOid: string; baseRefName: string }[];
      };
      refs: { totalCount: number; nodes: { name: string; target: { oid: string } }[] };
    };
  }

  it("lists open pull requests with their current head, and the branches under a prefix", async () => {
    // The feature branch moves after the pull request was opened: the head follows it.
    const moved = await gh.commitFiles(owner, repo, "feature", { "f.txt": "g\n" }, "more");
    expect(moved).not.toBe(featureSha);
    const result = await snapgate.graphql<PullsResult>(
      `query($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) {
          pullRequests(states: [OPEN], first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
            totalCount nodes { number headRefName headRefOid baseRefName }
          }
          refs(refPrefix: "refs/heads/", first: 100) { totalCount nodes { name target { oid } } }
        }
      }`,
      { owner, name: repo },
    );
    expect(result.repository.pullRequests.totalCount).toBe(2);
    expect(result.repository.pullRequests.nodes).toEqual(
      expect.arrayContaining([
        { number: 1, headRefName: "feature", headRefOid: moved, baseRefName: "release/1" },
        expect.objectContaining({ number: 2, baseRefName: "main" }),
      ]),
    );
    expect(result.repository.refs.nodes.map((ref) => ref.name)).toEqual([
      "feature",
      "fix",
      "main",
      "release/1",
      "release/2",
    ]);
    expect(result.repository.refs.nodes[2]!.target.oid).toBe(mainSha);

    const filtered = await snapgate.graphql<PullsResult>(
      `{ repository(owner: "${owner}", name: "${repo}") {
          pullRequests(first: 10, baseRefName: "main") { totalCount nodes { number headRefName headRefOid baseRefName } }
          refs(refPrefix: "refs/heads/", first: 1, query: "release") { totalCount nodes { name target { oid } } }
      } }`,
    );
    expect(filtered.repository.pullRequests.nodes.map((pull) => pull.number)).toEqual([2]);
    expect(filtered.repository.refs).toMatchObject({
      totalCount: 2,
      nodes: [{ name: "release/1" }],
    });
  });

  it("needs pull requests read for pull requests, and refuses an ordering it cannot honour", async () => {
    await expect(
      other.graphql(
        `{ repository(owner: "${owner}", name: "${repo}") { pullRequests(first: 5) { totalCount } } }`,
      ),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: "FORBIDDEN" })] });
    await expect(
      snapgate.graphql(
        `{ repository(owner: "${owner}", name: "${repo}") { pullRequests(first: 5, orderBy: { field: COMMENTS, direction: ASC }) { totalCount } } }`,
      ),
    ).rejects.toThrow(
      "Ordering pull requests by COMMENTS is not implemented by the Snapgate sandbox.",
    );
    expect(gh.takeViolations()).toEqual([expect.objectContaining({ kind: "unsupported" })]);
  });
});
