import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { GITHUB_MAX_BLOB_BYTES } from "../../../core/store/github-store.js";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { DEFAULT_SANDBOX_LIMITS } from "../../../sandbox/services/sandbox-services.js";
import { cloneOverHttp, git, octokitFor, statusOf } from "./sandbox-clients.js";
import { backupRepoGrants } from "../../helpers/snapgate-app.js";

const owner = "acme";
const repo = "backups";
let gh: Sandbox;
let octokit: Octokit;
let token: string;
let work: string;

beforeAll(async () => {
  gh = await startSandbox();
  work = mkdtempSync(join(tmpdir(), "snapgate-git-data-"));
  gh.createUser({ login: owner });
  await gh.createRepo({
    owner,
    name: repo,
    private: true,
    files: { "README.md": "backups\n", "keep/a.txt": "a\n" },
  });
  token = gh.createToken({
    actor: owner,
    repositories: [`${owner}/${repo}`],
    permissions: backupRepoGrants(),
  });
  octokit = octokitFor(gh, token);
});

afterEach(() => gh.assertClean());

afterAll(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

async function head(branch = "main") {
  const ref = await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const commit = await octokit.git.getCommit({ owner, repo, commit_sha: ref.data.object.sha });
  return { sha: ref.data.object.sha, tree: commit.data.tree.sha };
}

describe("Git Data API over a real bare repository", () => {
  it("creates blobs, a nested tree, a commit and a ref that git clone reads back", async () => {
    const base = await head();
    const binary = Buffer.from([0, 1, 2, 250, 255]);
    const blob = await octokit.git.createBlob({
      owner,
      repo,
      content: binary.toString("base64"),
      encoding: "base64",
    });
    expect(blob.status).toBe(201);
    const tree = await octokit.git.createTree({
      owner,
      repo,
      base_tree: base.tree,
      tree: [
        { path: "blobs/ab/abcdef.age", mode: "100644", type: "blob", sha: blob.data.sha },
        { path: "manifests/prod/1.json", mode: "100644", type: "blob", content: '{"seq":1}\n' },
        { path: "README.md", mode: "100644", type: "blob", sha: null },
      ],
    });
    expect(tree.data.tree.map((entry) => entry.path).sort()).toEqual([
      "blobs",
      "keep",
      "manifests",
    ]);
    const commit = await octokit.git.createCommit({
      owner,
      repo,
      message: "snapshot prod 1",
      tree: tree.data.sha,
      parents: [base.sha],
      author: {
        name: "Snapgate",
        email: "snapgate@example.com",
        date: "2024-05-01T12:00:00+02:00",
      },
    });
    expect(commit.data.author.date).toBe("2024-05-01T12:00:00+02:00");
    const updated = await octokit.git.updateRef({
      owner,
      repo,
      ref: "heads/main",
      sha: commit.data.sha,
    });
    expect(updated.data.object.sha).toBe(commit.data.sha);

    const clone = await cloneOverHttp(gh, `${owner}/${repo}`, token, work);
    expect(readFileSync(join(clone, "manifests/prod/1.json"), "utf8")).toBe('{"seq":1}\n');
    expect(Buffer.compare(readFileSync(join(clone, "blobs/ab/abcdef.age")), binary)).toBe(0);
    expect(readFileSync(join(clone, "keep/a.txt"), "utf8")).toBe("a\n");
    expect(await git(["log", "-1", "--format=%s|%an|%ad", "--date=iso-strict"], clone)).toBe(
      "snapshot prod 1|Snapgate|2024-05-01T12:00:00+02:00\n",
    );
    await expect(
      git(["--git-dir", gh.repoPath(owner, repo), "fsck", "--strict", "--no-dangling"]),
    ).resolves.toBe("");
  });

  it("stores a large tree's new objects as one packfile that git verifies and clones", async () => {
    const base = await head();
    const tree = Array.from({ length: 120 }, (_, index) => ({
      path: `bulk/${String(index % 7)}/file-${index}.txt`,
      mode: "100644" as const,
      type: "blob" as const,
      content: `content ${index}\n`,
    }));
    const created = await octokit.git.createTree({ owner, repo, base_tree: base.tree, tree });
    const commit = await octokit.git.createCommit({
      owner,
      repo,
      message: "bulk",
      tree: created.data.sha,
      parents: [base.sha],
    });
    await octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.data.sha });
    const counts = await git(["--git-dir", gh.repoPath(owner, repo), "count-objects", "-v"]);
    expect(Number(/in-pack: (\d+)/.exec(counts)![1])).toBeGreaterThanOrEqual(120);
    await expect(
      git(["--git-dir", gh.repoPath(owner, repo), "fsck", "--strict", "--no-dangling"]),
    ).resolves.toBe("");
    const clone = await cloneOverHttp(gh, `${owner}/${repo}`, token, work);
    expect(readFileSync(join(clone, "bulk/6/file-118.txt"), "utf8")).toBe("content 118\n");
  });

  it("reads a blob back as base64 and as raw bytes", async () => {
    const blob = await octokit.git.createBlob({
      owner,
      repo,
      content: "plain text\n",
      encoding: "utf-8",
    });
    const json = await octokit.git.getBlob({ owner, repo, file_sha: blob.data.sha });
    expect(Buffer.from(json.data.content, "base64").toString()).toBe("plain text\n");
    expect(json.data.size).toBe(11);
    const raw = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      owner,
      repo,
      file_sha: blob.data.sha,
      mediaType: { format: "raw" },
    });
    expect(String(raw.data)).toBe("plain text\n");
  });

  it("lists a tree recursively by tree id, commit id and branch name", async () => {
    const { sha, tree } = await head();
    for (const treeish of [tree, sha, "main"]) {
      const listed = await octokit.git.getTree({ owner, repo, tree_sha: treeish, recursive: "1" });
      expect(listed.data.sha).toBe(tree);
      expect(listed.data.truncated).toBe(false);
      expect(listed.data.tree).toContainEqual(
        expect.objectContaining({ path: "keep/a.txt", type: "blob", size: 2 }),
      );
      expect(listed.data.tree).toContainEqual(
        expect.objectContaining({ path: "keep", type: "tree", mode: "040000" }),
      );
    }
    const flat = await octokit.git.getTree({ owner, repo, tree_sha: tree });
    expect(flat.data.tree.every((entry) => !entry.path!.includes("/"))).toBe(true);
  });

  it("refuses a non-fast-forward update unless forced", async () => {
    const { sha, tree } = await head();
    const sibling = await octokit.git.createCommit({
      owner,
      repo,
      message: "sibling",
      tree,
      parents: [],
    });
    const refused = await statusOf(
      octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: sibling.data.sha }),
    );
    expect(refused).toEqual({ status: 422, message: "Update is not a fast forward" });
    expect((await head()).sha).toBe(sha);
    await octokit.git.updateRef({
      owner,
      repo,
      ref: "heads/main",
      sha: sibling.data.sha,
      force: true,
    });
    expect((await head()).sha).toBe(sibling.data.sha);
    await octokit.git.updateRef({ owner, repo, ref: "heads/main", sha, force: true });
  });

  it("lets exactly one of racing writers win a ref; the others get 'not a fast forward'", async () => {
    const base = await head();
    const commits = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const tree = await octokit.git.createTree({
          owner,
          repo,
          base_tree: base.tree,
          tree: [{ path: `race/${index}.txt`, mode: "100644", type: "blob", content: `${index}` }],
        });
        return (
          await octokit.git.createCommit({
            owner,
            repo,
            message: `race ${index}`,
            tree: tree.data.sha,
            parents: [base.sha],
          })
        ).data.sha;
      }),
    );
    const outcomes = await Promise.all(
      commits.map((sha) =>
        octokit.git.updateRef({ owner, repo, ref: "heads/main", sha }).then(
          () => 200,
          (error: { status: number }) => error.status,
        ),
      ),
    );
    expect(outcomes.filter((status) => status === 200)).toHaveLength(1);
    expect(outcomes.filter((status) => status === 422)).toHaveLength(7);
    expect(commits).toContain((await head()).sha);
  });

  it("creates and deletes refs, and refuses duplicates and unknown objects", async () => {
    const { sha } = await head();
    const created = await octokit.git.createRef({ owner, repo, ref: "refs/heads/topic", sha });
    expect(created.status).toBe(201);
    expect(
      await statusOf(octokit.git.createRef({ owner, repo, ref: "refs/heads/topic", sha })),
    ).toEqual({
      status: 422,
      message: "Reference already exists",
    });
    expect(
      (
        await statusOf(
          octokit.git.createRef({ owner, repo, ref: "refs/heads/x", sha: "1".repeat(40) }),
        )
      ).message,
    ).toBe("Object does not exist");
    await octokit.git.deleteRef({ owner, repo, ref: "heads/topic" });
    expect((await statusOf(octokit.git.getRef({ owner, repo, ref: "heads/topic" }))).status).toBe(
      404,
    );
    expect((await statusOf(octokit.git.deleteRef({ owner, repo, ref: "heads/main" }))).status).toBe(
      422,
    );
  });

  it("refuses a tree whose base or entries do not exist", async () => {
    const missing = "2".repeat(40);
    const badBase = await statusOf(
      octokit.git.createTree({
        owner,
        repo,
        base_tree: missing,
        tree: [{ path: "a", mode: "100644", type: "blob", content: "x" }],
      }),
    );
    expect(badBase.status).toBe(422);
    const badEntry = await statusOf(
      octokit.git.createTree({
        owner,
        repo,
        tree: [{ path: "a", mode: "100644", type: "blob", sha: missing }],
      }),
    );
    expect(badEntry).toEqual({ status: 422, message: `tree.sha ${missing} is not a valid blob` });
    const escape = await statusOf(
      octokit.git.createTree({
        owner,
        repo,
        tree: [{ path: "../a", mode: "100644", type: "blob", content: "x" }],
      }),
    );
    expect(escape.status).toBe(422);
  });

  it("reports a request that breaks GitHub's description as a contract violation, with a 422", async () => {
    const answer = await statusOf(
      octokit.request("POST /repos/{owner}/{repo}/git/trees", {
        owner,
        repo,
        // Deliberately outside the description's enum, as a buggy caller might send.
        tree: [{ path: "a.txt", mode: "100645" as "100644", type: "blob", content: "x" }],
      }),
    );
    expect(answer.status).toBe(422);
    expect(answer.message).toContain("/tree/0/mode");
    const [violation, ...rest] = gh.takeViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ kind: "invalid-request", operationId: "git/create-tree" });
    expect(violation!.problems.join(" ")).toContain("must be equal to one of the allowed values");
  });

  it("answers 400 to a body that is not JSON, and records it", async () => {
    const response = await fetch(`${gh.url}/repos/${owner}/${repo}/git/blobs`, {
      method: "POST",
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe("Problems parsing JSON");
    expect(gh.takeViolations().map((violation) => violation.kind)).toEqual(["invalid-request"]);
  });

  it("answers 404 to a route it does not serve, and records an unexpected call", async () => {
    expect((await statusOf(octokit.repos.listBranches({ owner, repo }))).status).toBe(404);
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({
        kind: "unexpected-route",
        method: "GET",
        path: `/repos/${owner}/${repo}/branches`,
      }),
    ]);
  });

  it("answers 409 on the Git Data API of an empty repository, as GitHub does", async () => {
    await gh.createRepo({ owner, name: "empty", private: true });
    expect(await statusOf(octokit.git.getRef({ owner, repo: "empty", ref: "heads/main" }))).toEqual(
      {
        status: 404,
        message: "Not Found",
      },
    );
    // The token above reaches only acme/backups: use one for the new repository.
    const other = octokitFor(
      gh,
      gh.createToken({ actor: owner, repositories: "all", permissions: backupRepoGrants() }),
    );
    expect(await statusOf(other.git.getRef({ owner, repo: "empty", ref: "heads/main" }))).toEqual({
      status: 409,
      message: "Git Repository is empty.",
    });
    const first = await other.repos.createOrUpdateFileContents({
      owner,
      repo: "empty",
      path: "snapgate.json",
      message: "init",
      content: Buffer.from('{"format":1}\n').toString("base64"),
    });
    expect(first.status).toBe(201);
    expect(
      (await other.git.getRef({ owner, repo: "empty", ref: "heads/main" })).data.object.sha,
    ).toBe(first.data.commit.sha);
  });
});

describe("tree listing limits and git access", () => {
  it("cuts a recursive listing at the limit and says it is truncated", async () => {
    const small = await startSandbox({ limits: { treeEntries: 3 } });
    try {
      small.createUser({ login: "u" });
      const files = Object.fromEntries(
        Array.from({ length: 5 }, (_, index) => [`dir/f${index}.txt`, `${index}`]),
      );
      await small.createRepo({ owner: "u", name: "r", files });
      const client = octokitFor(small);
      const listed = await client.git.getTree({
        owner: "u",
        repo: "r",
        tree_sha: "main",
        recursive: "true",
      });
      expect(listed.data.truncated).toBe(true);
      expect(listed.data.tree.map((entry) => entry.path)).toEqual([
        "dir",
        "dir/f0.txt",
        "dir/f1.txt",
      ]);
      const flat = await client.git.getTree({ owner: "u", repo: "r", tree_sha: "main" });
      expect(flat.data.truncated).toBe(false);
      small.assertClean();
    } finally {
      await small.close();
    }
  });

  it("asks git for credentials before serving a private repository, and refuses pushes", async () => {
    const target = mkdtempSync(join(work, "anonymous-"));
    await expect(
      git(["clone", "--quiet", `${gh.url}/${owner}/${repo}.git`, target]),
    ).rejects.toThrow(/Authentication failed|could not read Username|terminal prompts disabled/);
    const clone = await cloneOverHttp(gh, `${owner}/${repo}`, token, work);
    await git(
      [
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "--allow-empty",
        "-qm",
        "x",
      ],
      clone,
    );
    await expect(git(["push", "--quiet", "origin", "HEAD:main"], clone)).rejects.toThrow();
    expect(
      gh.requests
        .filter((request) => request.operationId === "git-http")
        .map((request) => request.status),
    ).toContain(401);
  });
});

describe("Contents API", () => {
  it("reads files (base64 and raw) and directories", async () => {
    const file = await octokit.repos.getContent({ owner, repo, path: "keep/a.txt" });
    expect(file.data).toMatchObject({
      type: "file",
      encoding: "base64",
      size: 2,
      path: "keep/a.txt",
    });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe(
      "a\n",
    );
    const raw = await octokit.repos.getContent({
      owner,
      repo,
      path: "keep/a.txt",
      mediaType: { format: "raw" },
    });
    expect(String(raw.data)).toBe("a\n");
    const root = await octokit.repos.getContent({ owner, repo, path: "" });
    expect(
      (root.data as { type: string; name: string }[]).map((entry) => `${entry.type}:${entry.name}`),
    ).toContain("dir:keep");
    expect(
      (await statusOf(octokit.repos.getContent({ owner, repo, path: "nope.txt" }))).status,
    ).toBe(404);
  });

  it("creates and updates a file with a commit, requiring the current sha to update", async () => {
    const content = (text: string) => Buffer.from(text).toString("base64");
    const created = await octokit.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "naive/1.txt",
      message: "one",
      content: content("1"),
    });
    expect(created.status).toBe(201);
    expect(
      await statusOf(
        octokit.repos.createOrUpdateFileContents({
          owner,
          repo,
          path: "naive/1.txt",
          message: "again",
          content: content("2"),
        }),
      ),
    ).toEqual({ status: 422, message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
    const stale = await statusOf(
      octokit.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: "naive/1.txt",
        message: "x",
        content: content("2"),
        sha: "3".repeat(40),
      }),
    );
    expect(stale.status).toBe(409);
    const updated = await octokit.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "naive/1.txt",
      message: "two",
      content: content("2"),
      sha: created.data.content!.sha!,
    });
    expect(updated.status).toBe(200);
    expect(updated.data.commit.parents![0]!.sha).toBe(created.data.commit.sha);
  });
});

describe("request log", () => {
  it("counts calls by operation id and resets", async () => {
    gh.resetLog();
    await head();
    await octokit.repos.get({ owner, repo });
    expect(gh.countCalls("git/get-ref")).toBe(1);
    expect(gh.countCalls("git/get-commit")).toBe(1);
    expect(gh.countCalls()).toBe(3);
    expect(gh.callCounts()).toEqual({ "git/get-ref": 1, "git/get-commit": 1, "repos/get": 1 });
    expect(gh.requests[0]).toMatchObject({
      method: "GET",
      operationId: "git/get-ref",
      status: 200,
      actor: owner,
    });
    gh.resetLog();
    expect(gh.requests).toEqual([]);
  });
});

describe("GitHub's size limits", () => {
  let small: Sandbox;
  let client: Octokit;
  const blobBytes = 1024;
  const requestBodyBytes = 16 * 1024;
  const tooLarge =
    "Sorry, your input was too large to process. Consider creating the blob in a local clone of the repository and then pushing it to GitHub.";

  beforeAll(async () => {
    small = await startSandbox({ limits: { blobBytes, requestBodyBytes } });
    small.createUser({ login: owner });
    await small.createRepo({ owner, name: repo, files: { "a.txt": "a" } });
    client = octokitFor(
      small,
      small.createToken({ actor: owner, repositories: "all", permissions: backupRepoGrants() }),
    );
  });
  afterEach(() => small.assertClean());
  afterAll(() => small.close());

  it("defaults to 100 MiB blobs, the limit the GitHub store refuses beyond", () => {
    expect(DEFAULT_SANDBOX_LIMITS.blobBytes).toBe(100 * 1024 * 1024);
    expect(DEFAULT_SANDBOX_LIMITS.blobBytes).toBe(GITHUB_MAX_BLOB_BYTES);
    // A 100 MiB blob still fits a create-blob body in base64.
    expect(DEFAULT_SANDBOX_LIMITS.requestBodyBytes).toBeGreaterThan(
      (DEFAULT_SANDBOX_LIMITS.blobBytes * 4) / 3,
    );
  });

  it("refuses blob content over the limit with a 422, in create-blob and inline in create-tree", async () => {
    const exact = Buffer.alloc(blobBytes, 1).toString("base64");
    const over = Buffer.alloc(blobBytes + 1, 1).toString("base64");
    expect(
      (await client.git.createBlob({ owner, repo, content: exact, encoding: "base64" })).status,
    ).toBe(201);
    expect(
      await statusOf(client.git.createBlob({ owner, repo, content: over, encoding: "base64" })),
    ).toEqual({ status: 422, message: tooLarge });
    expect(
      await statusOf(
        client.git.createTree({
          owner,
          repo,
          tree: [
            { path: "big.txt", mode: "100644", type: "blob", content: "x".repeat(blobBytes + 1) },
          ],
        }),
      ),
    ).toEqual({ status: 422, message: tooLarge });
  });

  it("answers a request body over the limit with the front end's 413, before anything runs", async () => {
    const refused = await statusOf(
      client.git.createBlob({ owner, repo, content: "y".repeat(requestBodyBytes) }),
    );
    expect(refused.status).toBe(413);
    expect(small.requests.at(-1)).toMatchObject({ method: "POST", status: 413 });
    // The connection closes; the next request is served normally.
    expect((await client.git.getRef({ owner, repo, ref: "heads/main" })).status).toBe(200);
  });
});
