import { findPath } from "../git/find-path.js";
import { resolveCommit } from "../git/resolve-revision.js";
import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { commitJson } from "../representations/git-json.js";
import type { RepoRecord } from "../state/entities.js";
import { actingUser, base64Lines, repoOf, signatureFrom, wantsRaw } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/repos/contents";

interface ItemLinks {
  url: string;
  git_url: string | null;
  html_url: string;
  download_url: string | null;
  _links: { self: string; git: string | null; html: string };
}

/** The address fields every contents item carries. */
function itemLinks(
  context: RequestContext,
  repo: RepoRecord,
  path: string,
  ref: string,
  sha: string,
  type: string,
): ItemLinks {
  const { urls } = context.services;
  const url = urls.repoApi(repo.fullName, `/contents/${path}?ref=${encodeURIComponent(ref)}`);
  const git =
    type === "dir"
      ? urls.repoApi(repo.fullName, `/git/trees/${sha}`)
      : urls.repoApi(repo.fullName, `/git/blobs/${sha}`);
  const html = urls.html(`/${repo.fullName}/${type === "dir" ? "tree" : "blob"}/${ref}/${path}`);
  return {
    url,
    git_url: git,
    html_url: html,
    download_url: type === "dir" ? null : urls.html(`/${repo.fullName}/raw/${ref}/${path}`),
    _links: { self: url, git, html },
  };
}

function typeOf(mode: string): "file" | "dir" | "symlink" | "submodule" {
  if (mode === "40000") return "dir";
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return "file";
}

async function getContent(context: RequestContext) {
  const repo = repoOf(context);
  const path = context.params.path!.replace(/^\/+|\/+$/g, "");
  const ref =
    typeof context.query.ref === "string" && context.query.ref !== ""
      ? context.query.ref
      : repo.defaultBranch;
  if (repo.git.isEmpty())
    throw apiError(404, "This repository is empty.", { documentationUrl: DOCS });
  const commit = await resolveCommit(repo.git, ref);
  if (!commit)
    throw apiError(404, `No commit found for the ref ${ref}`, { documentationUrl: DOCS });
  const tree = (await repo.git.readCommit(commit))!.tree;
  const entry = await findPath(repo.git, tree, path);
  if (!entry) throw apiError(404, "Not Found", { documentationUrl: DOCS });
  const name = path.split("/").pop() ?? "";
  if (entry.type === "tree") {
    const entries = (await repo.git.readTree(entry.oid)) ?? [];
    const items = [];
    for (const child of entries) {
      const childPath = path === "" ? child.name : `${path}/${child.name}`;
      const childType = typeOf(child.mode);
      const size =
        childType === "file" || childType === "symlink"
          ? ((await repo.git.read(child.oid))?.content.length ?? 0)
          : 0;
      items.push({
        // Submodules are listed as "file", for backwards compatibility, as on GitHub.
        type: childType === "submodule" ? "file" : childType,
        size,
        name: child.name,
        path: childPath,
        sha: child.oid,
        ...itemLinks(context, repo, childPath, ref, child.oid, childType),
      });
    }
    return { status: 200, body: items };
  }
  const type = typeOf(entry.mode);
  if (type === "submodule") {
    return {
      status: 200,
      body: {
        type: "submodule",
        submodule_git_url: "",
        size: 0,
        name,
        path,
        sha: entry.oid,
        ...itemLinks(context, repo, path, ref, entry.oid, type),
      },
    };
  }
  const content = (await repo.git.read(entry.oid))!.content;
  if (wantsRaw(context)) return { status: 200, raw: content };
  if (type === "symlink") {
    return {
      status: 200,
      body: {
        type: "symlink",
        target: content.toString("utf8"),
        size: content.length,
        name,
        path,
        sha: entry.oid,
        ...itemLinks(context, repo, path, ref, entry.oid, type),
      },
    };
  }
  // Above the inline limit GitHub sends the metadata with empty content and encoding "none".
  const inline = content.length <= context.services.limits.contentsInlineBytes;
  return {
    status: 200,
    body: {
      type: "file",
      encoding: inline ? "base64" : "none",
      size: content.length,
      name,
      path,
      content: inline ? base64Lines(content) : "",
      sha: entry.oid,
      ...itemLinks(context, repo, path, ref, entry.oid, type),
    },
  };
}

interface PutBody {
  message: string;
  content: string;
  sha?: string;
  branch?: string;
  committer?: { name: string; email: string; date?: string };
  author?: { name: string; email: string; date?: string };
}

async function putContent(context: RequestContext) {
  const repo = repoOf(context);
  const path = context.params.path!.replace(/^\/+|\/+$/g, "");
  const body = context.body as PutBody;
  const branch = body.branch ?? repo.defaultBranch;
  const user = actingUser(context);
  const author = signatureFrom(body.author ?? body.committer, user, context.now);
  const committer = body.committer ? signatureFrom(body.committer, user, context.now) : author;
  let existed = false;
  const empty = repo.git.isEmpty();
  if (!empty && !repo.git.readRef(`refs/heads/${branch}`)) {
    throw apiError(404, `Branch ${branch} not found`, { documentationUrl: DOCS });
  }
  const { commit } = await context.services.refs.commitFiles(
    repo,
    {
      branch,
      files: { [path]: Buffer.from(body.content, "base64") },
      message: body.message,
      author,
      committer,
      createBranch: empty,
      documentationUrl: DOCS,
      precondition: async (baseTree) => {
        const current = baseTree ? await findPath(repo.git, baseTree, path) : null;
        if (current && current.type !== "blob") {
          throw apiError(422, `Invalid request.\n\n${path} is a directory.`, {
            documentationUrl: DOCS,
          });
        }
        existed = current !== null;
        if (current && body.sha === undefined) {
          throw apiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', {
            documentationUrl: DOCS,
          });
        }
        if (current && body.sha !== current.oid) {
          throw apiError(409, `${path} does not match ${body.sha}`, { documentationUrl: DOCS });
        }
      },
    },
    { principal: context.principal, pusher: user },
  );
  const commitObject = (await repo.git.readCommit(commit))!;
  const blob = (await findPath(repo.git, commitObject.tree, path))!;
  const size = (await repo.git.read(blob.oid))!.content.length;
  return {
    status: existed ? 200 : 201,
    body: {
      content: {
        name: path.split("/").pop()!,
        path,
        sha: blob.oid,
        size,
        type: "file",
        ...itemLinks(context, repo, path, branch, blob.oid, "file"),
      },
      commit: commitJson(context.services.urls, repo, commit, commitObject),
    },
  };
}

/** The Contents API: read a file or directory, create or update one file with a commit. */
export const contentsRoutes: RouteDefinition[] = [
  {
    operationId: "repos/get-content",
    method: "GET",
    path: "/repos/{owner}/{repo}/contents/{path}",
    access: { scope: "repo", permissions: ["contents"], level: "read" },
    handle: getContent,
  },
  {
    operationId: "repos/create-or-update-file-contents",
    method: "PUT",
    path: "/repos/{owner}/{repo}/contents/{path}",
    access: { scope: "repo", permissions: ["contents"], level: "write" },
    handle: putContent,
  },
];
