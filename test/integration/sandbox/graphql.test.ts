import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor } from "./sandbox-clients.js";
import { backupRepoGrants } from "../../helpers/snapgate-app.js";

const owner = "acme";
const repo = "backups";
let gh: Sandbox;
let octokit: Octokit;
let head: string;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: owner });
  await gh.createRepo({
    owner,
    name: repo,
    private: true,
    files: {
      "catalog/prod.jsonl": '{"seq":1}\n',
      "blobs/ab/ab01.age": "age-encryption.org/v1\n",
      "snapgate.json": "{}\n",
    },
  });
  octokit = octokitFor(
    gh,
    gh.createToken({ actor: owner, repositories: "all", permissions: backupRepoGrants() }),
  );
  head = (await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

interface FileQuery {
  repository: {
    id: string;
    nameWithOwner: string;
    isPrivate: boolean;
    ref: {
      name: string;
      target: {
        oid: string;
        message: string;
        tree: { entries: { name: string; type: string; mode: number }[] };
        file: { path: string; object: { text: string; byteSize: number; isBinary: boolean } };
      };
    };
  };
}

describe("GraphQL over the repositories", () => {
  it("returns a file's text and the tree entries of the branch head", async () => {
    const result = await octokit.graphql<FileQuery>(
      `query($owner: String!, $name: String!, $path: String!) {
        repository(owner: $owner, name: $name) {
          id nameWithOwner isPrivate
          ref(qualifiedName: "refs/heads/main") {
            name
            target {
              oid
              ... on Commit {
                message
                tree { entries { name type mode } }
                file(path: $path) { path object { ... on Blob { text byteSize isBinary } } }
              }
            }
          }
        }
      }`,
      { owner, name: repo, path: "catalog/prod.jsonl" },
    );
    const { repository } = result;
    expect(repository).toMatchObject({ nameWithOwner: `${owner}/${repo}`, isPrivate: true });
    expect(repository.id).toBe((await octokit.repos.get({ owner, repo })).data.node_id);
    expect(repository.ref.name).toBe("main");
    expect(repository.ref.target.oid).toBe(head);
    expect(repository.ref.target.file).toEqual({
      path: "catalog/prod.jsonl",
      object: { text: '{"seq":1}\n', byteSize: 10, isBinary: false },
    });
    expect(repository.ref.target.tree.entries).toEqual([
      { name: "blobs", type: "tree", mode: 0o40000 },
      { name: "catalog", type: "tree", mode: 0o40000 },
      { name: "snapgate.json", type: "blob", mode: 0o100644 },
    ]);
  });

  it("resolves object(expression) and object(oid), with fragments and aliases", async () => {
    const result = await octokit.graphql<{
      repository: {
        byPath: { text: string } | null;
        byOid: { oid: string; parents: { totalCount: number } };
        missing: null;
      };
    }>(
      `fragment blob on Blob { text }
       query { repository(owner: "${owner}", name: "${repo}") {
         byPath: object(expression: "main:snapgate.json") { ...blob }
         byOid: object(oid: "${head}") { ... on Commit { oid parents(first: 1) { totalCount } } }
         missing: object(expression: "main:nope") { oid }
       } }`,
    );
    expect(result.repository).toEqual({
      byPath: { text: "{}\n" },
      byOid: { oid: head, parents: { totalCount: 0 } },
      missing: null,
    });
  });

  it("lists a commit's history newest first, within first, and refuses filters it cannot honour", async () => {
    const second = await gh.commitFiles(owner, repo, "history", { "h.txt": "1" }, "h1");
    const third = await gh.commitFiles(owner, repo, "history", { "h.txt": "2" }, "h2");
    const query = (args: string) =>
      octokit.graphql<{
        repository: {
          ref: { target: { history: { nodes: { oid: string }[]; totalCount: number } } };
        };
      }>(
        `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {
          ref(qualifiedName: "refs/heads/history") { target { ... on Commit { history(${args}) { nodes { oid } totalCount } } } }
        } }`,
        { owner, name: repo },
      );
    const history = (await query("first: 2")).repository.ref.target.history;
    expect(history.nodes.map((node) => node.oid)).toEqual([third, second]);
    expect(history.totalCount).toBeGreaterThanOrEqual(3);
    await expect(query('first: 2, path: "h.txt"')).rejects.toThrow(
      "Commit.history(path) is not implemented by the Snapgate sandbox.",
    );
    expect(gh.takeViolations()).toEqual([expect.objectContaining({ kind: "unsupported" })]);
  });

  it("answers NOT_FOUND for a repository the token cannot see", async () => {
    await expect(
      octokit.graphql(`{ repository(owner: "acme", name: "nope") { id } }`),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "NOT_FOUND", path: ["repository"] })],
    });
  });

  it("rejects a field that does not exist in GitHub's schema, as a contract violation", async () => {
    await expect(
      octokit.graphql(`{ repository(owner: "acme", name: "backups") { id colour } }`),
    ).rejects.toThrow('Cannot query field "colour" on type "Repository".');
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({ kind: "invalid-request", operationId: "graphql" }),
    ]);
  });

  it("refuses loudly a real GitHub field the sandbox does not implement", async () => {
    await expect(
      octokit.graphql(`{ repository(owner: "acme", name: "backups") { stargazerCount } }`),
    ).rejects.toThrow(
      "Field 'Repository.stargazerCount' is not implemented by the Snapgate sandbox.",
    );
    expect(gh.takeViolations()).toEqual([expect.objectContaining({ kind: "unsupported" })]);
  });

  it("commits with createCommitOnBranch when the head is the expected one, and refuses a stale head", async () => {
    const mutation = `mutation($input: CreateCommitOnBranchInput!) {
      createCommitOnBranch(input: $input) { commit { oid message } ref { name } }
    }`;
    const input = (expectedHeadOid: string) => ({
      branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: "main" },
      expectedHeadOid,
      message: { headline: "snapshot prod 2", body: "stream prod" },
      fileChanges: {
        additions: [
          {
            path: "catalog/prod.jsonl",
            contents: Buffer.from('{"seq":1}\n{"seq":2}\n').toString("base64"),
          },
        ],
        deletions: [{ path: "blobs/ab/ab01.age" }],
      },
    });
    const before = (await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
    const result = await octokit.graphql<{
      createCommitOnBranch: { commit: { oid: string; message: string }; ref: { name: string } };
    }>(mutation, { input: input(before) });
    expect(result.createCommitOnBranch.commit.message).toBe("snapshot prod 2\n\nstream prod");
    const tree = await octokit.git.getTree({ owner, repo, tree_sha: "main", recursive: "1" });
    expect(
      tree.data.tree.filter((entry) => entry.type === "blob").map((entry) => entry.path),
    ).toEqual(["catalog/prod.jsonl", "snapgate.json"]);
    await expect(octokit.graphql(mutation, { input: input(before) })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "STALE_DATA" })],
    });
  });
});
