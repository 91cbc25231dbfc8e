import { encodeCommit } from "../git/commit-object.js";
import { GitRepository } from "../git/git-repository.js";
import { listTree, type ListedEntry } from "../git/list-tree.js";
import { ObjectBatch } from "../git/object-batch.js";
import { applyTreeChanges, type TreeChange } from "../git/tree-editor.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { commitJson, refJson } from "../representations/git-json.js";
import { nodeId } from "../representations/urls.js";
import type { RepoRecord } from "../state/entities.js";
import {
  actingUser,
  base64Lines,
  repoOf,
  requireNonEmpty,
  signatureFrom,
  wantsRaw,
} from "./request-helpers.js";

const DOCS = {
  refs: "https://docs.github.com/rest/git/refs",
  blobs: "https://docs.github.com/rest/git/blobs",
  trees: "https://docs.github.com/rest/git/trees",
  commits: "https://docs.github.com/rest/git/commits",
};

const contentsRead = { scope: "repo", permissions: ["contents"], level: "read" } as const;
const contentsWrite = { scope: "repo", permissions: ["contents"], level: "write" } as const;

function unprocessable(message: string, documentationUrl: string) {
  return apiError(422, message, { documentationUrl });
}

/** GitHub's answer to blob content over its file size limit (100 MiB), as observed on create-blob. */
function checkBlobSize(context: RequestContext, bytes: number): void {
  if (bytes <= context.services.limits.blobBytes) return;
  throw unprocessable(
    "Sorry, your input was too large to process. Consider creating the blob in a local clone of the repository and then pushing it to GitHub.",
    `${DOCS.blobs}#create-a-blob`,
  );
}

async function refAnswer(context: RequestContext, repo: RepoRecord, ref: string, oid: string) {
  const type = (await repo.git.objectType(oid)) ?? "commit";
  return refJson(context.services.urls, repo, ref, oid, type);
}

function entryJson(context: RequestContext, repo: RepoRecord, entry: ListedEntry) {
  const { urls } = context.services;
  return {
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha,
    ...(entry.size !== undefined ? { size: entry.size } : {}),
    ...(entry.type === "commit"
      ? {}
      : { url: urls.repoApi(repo.fullName, `/git/${entry.type}s/${entry.sha}`) }),
  };
}

/** A tree id from a tree id, a commit id, or a branch or tag name, as GitHub's get-tree accepts. */
async function resolveTreeish(repo: RepoRecord, treeish: string): Promise<string | null> {
  const candidates = GitRepository.isObjectId(treeish)
    ? [treeish]
    : [repo.git.readRef(`refs/heads/${treeish}`), repo.git.readRef(`refs/tags/${treeish}`)];
  for (const oid of candidates) {
    if (!oid) continue;
    const object = await repo.git.read(oid);
    if (object?.type === "tree") return oid;
    if (object?.type === "commit") return (await repo.git.readCommit(oid))!.tree;
  }
  return null;
}

interface TreeEntryInput {
  path?: string;
  mode?: string;
  type?: "blob" | "tree" | "commit";
  sha?: string | null;
  content?: string;
}

async function createTree(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const body = context.body as { tree: TreeEntryInput[]; base_tree?: string };
  const batch = new ObjectBatch(repo.git);
  const changes: TreeChange[] = body.tree.map((entry) => {
    if (entry.path === undefined || entry.mode === undefined) {
      throw unprocessable("Invalid tree info: every entry needs a path and a mode", DOCS.trees);
    }
    if (entry.content !== undefined && entry.sha !== undefined) {
      throw unprocessable(
        "Invalid tree info: use either tree.sha or content, not both",
        DOCS.trees,
      );
    }
    if (entry.content === undefined && entry.sha === undefined) {
      throw unprocessable(`Invalid tree info: ${entry.path} needs a sha or content`, DOCS.trees);
    }
    const type =
      entry.type ??
      (entry.mode === "040000" ? "tree" : entry.mode === "160000" ? "commit" : "blob");
    let sha = entry.sha ?? null;
    if (entry.content !== undefined) {
      const content = Buffer.from(entry.content, "utf8");
      checkBlobSize(context, content.length);
      sha = batch.add("blob", content);
    }
    return { path: entry.path, mode: entry.mode, type, sha, written: entry.content !== undefined };
  });
  const tree = await applyTreeChanges(repo.git, body.base_tree ?? null, changes, batch);
  await batch.flush();
  const entries = await listTree(repo.git, tree, false);
  const url = context.services.urls.repoApi(repo.fullName, `/git/trees/${tree}`);
  return {
    status: 201,
    headers: { location: url },
    body: {
      sha: tree,
      url,
      tree: entries.map((entry) => entryJson(context, repo, entry)),
      truncated: false,
    },
  };
}

async function getTree(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const tree = await resolveTreeish(repo, context.params.tree_sha!);
  if (!tree) throw apiError(404, "Not Found", { documentationUrl: DOCS.trees });
  // Any value of `recursive` turns recursion on, even "0" or "false", as on GitHub.
  const entries = await listTree(repo.git, tree, context.query.recursive !== undefined);
  const limit = context.services.limits.treeEntries;
  return {
    status: 200,
    body: {
      sha: tree,
      url: context.services.urls.repoApi(repo.fullName, `/git/trees/${tree}`),
      tree: entries.slice(0, limit).map((entry) => entryJson(context, repo, entry)),
      truncated: entries.length > limit,
    },
  };
}

async function createCommit(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  type Person = { name?: string; email?: string; date?: string };
  const body = context.body as {
    message: string;
    tree: string;
    parents?: string[];
    author?: Person;
    committer?: Person;
    signature?: string;
  };
  if ((await repo.git.objectType(body.tree)) !== "tree") {
    throw unprocessable("Tree SHA does not exist", DOCS.commits);
  }
  for (const parent of body.parents ?? []) {
    if ((await repo.git.objectType(parent)) !== "commit") {
      throw unprocessable("Parent SHA does not exist or is not a commit object", DOCS.commits);
    }
  }
  const user = actingUser(context);
  const author = signatureFrom(body.author, user, context.now);
  const committer = body.committer ? signatureFrom(body.committer, user, context.now) : author;
  const commit = {
    tree: body.tree,
    parents: body.parents ?? [],
    author,
    committer,
    message: body.message,
    ...(body.signature ? { signature: body.signature } : {}),
  };
  const oid = repo.git.write("commit", encodeCommit(commit));
  const json = commitJson(context.services.urls, repo, oid, commit);
  return { status: 201, headers: { location: json.url }, body: json };
}

async function getCommit(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const oid = context.params.commit_sha!;
  const commit = await repo.git.readCommit(oid);
  if (!commit) throw apiError(404, "Not Found", { documentationUrl: DOCS.commits });
  return { status: 200, body: commitJson(context.services.urls, repo, oid, commit) };
}

async function createBlob(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const body = context.body as { content: string; encoding?: string };
  const encoding = body.encoding ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") {
    throw unprocessable(
      `encoding must be "utf-8" or "base64", not ${JSON.stringify(encoding)}`,
      DOCS.blobs,
    );
  }
  const content =
    encoding === "base64" ? Buffer.from(body.content, "base64") : Buffer.from(body.content, "utf8");
  checkBlobSize(context, content.length);
  const sha = repo.git.write("blob", content);
  const url = context.services.urls.repoApi(repo.fullName, `/git/blobs/${sha}`);
  return { status: 201, headers: { location: url }, body: { sha, url } };
}

async function getBlob(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const sha = context.params.file_sha!;
  const object = GitRepository.isObjectId(sha) ? await repo.git.read(sha) : null;
  if (object?.type !== "blob") throw apiError(404, "Not Found", { documentationUrl: DOCS.blobs });
  if (wantsRaw(context)) return { status: 200, raw: object.content };
  return {
    status: 200,
    body: {
      sha,
      node_id: nodeId("B", sha),
      size: object.content.length,
      url: context.services.urls.repoApi(repo.fullName, `/git/blobs/${sha}`),
      content: base64Lines(object.content),
      encoding: "base64",
    },
  };
}

async function getRef(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const ref = `refs/${context.params.ref}`;
  const oid = repo.git.readRef(ref);
  if (!oid) throw apiError(404, "Not Found", { documentationUrl: DOCS.refs });
  return { status: 200, body: await refAnswer(context, repo, ref, oid) };
}

function checkRefName(ref: string): void {
  const valid =
    /^refs\/[^/]+\/.+/.test(ref) && !/(\.\.|@\{|[\s~^:?*[\\]|\/\.|\.lock$|\/$|\/\/)/.test(ref);
  if (!valid) {
    throw unprocessable(
      "Reference name is not valid: it must start with 'refs/' and have at least two slashes",
      DOCS.refs,
    );
  }
}

async function createRef(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const body = context.body as { ref: string; sha: string };
  checkRefName(body.ref);
  if (!(await repo.git.objectType(body.sha)))
    throw unprocessable("Object does not exist", DOCS.refs);
  const pusher = actingUser(context);
  await context.services.refs.move(
    repo,
    { ref: body.ref, expected: null, next: body.sha, force: false, documentationUrl: DOCS.refs },
    { principal: context.principal, pusher },
  );
  const json = await refAnswer(context, repo, body.ref, body.sha);
  return { status: 201, headers: { location: json.url }, body: json };
}

async function updateRef(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const ref = `refs/${context.params.ref}`;
  const body = context.body as { sha: string; force?: boolean };
  if (!repo.git.readRef(ref)) throw unprocessable("Reference does not exist", DOCS.refs);
  if (!(await repo.git.objectType(body.sha)))
    throw unprocessable("Object does not exist", DOCS.refs);
  await context.services.refs.move(
    repo,
    {
      ref,
      expected: "current",
      next: body.sha,
      force: body.force ?? false,
      documentationUrl: DOCS.refs,
    },
    { principal: context.principal, pusher: actingUser(context) },
  );
  return { status: 200, body: await refAnswer(context, repo, ref, body.sha) };
}

async function deleteRef(context: RequestContext) {
  const repo = repoOf(context);
  requireNonEmpty(repo);
  const ref = `refs/${context.params.ref}`;
  if (!repo.git.readRef(ref)) throw unprocessable("Reference does not exist", DOCS.refs);
  if (ref === `refs/heads/${repo.defaultBranch}`) {
    throw unprocessable("Cannot delete the default branch", DOCS.refs);
  }
  await context.services.refs.move(
    repo,
    { ref, expected: "current", next: null, force: true, documentationUrl: DOCS.refs },
    { principal: context.principal, pusher: actingUser(context) },
  );
  return { status: 204 };
}

/** The Git Data API: refs, blobs, trees and commits over the bare repository. */
export const gitDataRoutes: RouteDefinition[] = [
  {
    operationId: "git/get-ref",
    method: "GET",
    path: "/repos/{owner}/{repo}/git/ref/{ref}",
    access: contentsRead,
    handle: getRef,
  },
  {
    operationId: "git/create-ref",
    method: "POST",
    path: "/repos/{owner}/{repo}/git/refs",
    access: contentsWrite,
    handle: createRef,
  },
  {
    operationId: "git/update-ref",
    method: "PATCH",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    access: contentsWrite,
    handle: updateRef,
  },
  {
    operationId: "git/delete-ref",
    method: "DELETE",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    access: contentsWrite,
    handle: deleteRef,
  },
  {
    operationId: "git/create-blob",
    method: "POST",
    path: "/repos/{owner}/{repo}/git/blobs",
    access: contentsWrite,
    handle: createBlob,
  },
  {
    operationId: "git/get-blob",
    method: "GET",
    path: "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    access: contentsRead,
    handle: getBlob,
  },
  {
    operationId: "git/create-tree",
    method: "POST",
    path: "/repos/{owner}/{repo}/git/trees",
    access: contentsWrite,
    handle: createTree,
  },
  {
    operationId: "git/get-tree",
    method: "GET",
    path: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    access: contentsRead,
    handle: getTree,
  },
  {
    operationId: "git/create-commit",
    method: "POST",
    path: "/repos/{owner}/{repo}/git/commits",
    access: contentsWrite,
    handle: createCommit,
  },
  {
    operationId: "git/get-commit",
    method: "GET",
    path: "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    access: contentsRead,
    handle: getCommit,
  },
];
