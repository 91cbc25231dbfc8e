import type { CommitObject, GitSignature } from "../git/commit-object.js";
import type { RepoRecord } from "../state/entities.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";

/** A git time with its original offset, as GitHub prints commit dates ("2024-05-01T12:00:00+02:00" or "...Z"). */
export function signatureDate(signature: GitSignature): string {
  if (signature.offsetMinutes === 0) return isoTime(new Date(signature.time * 1000));
  const local = new Date((signature.time + signature.offsetMinutes * 60) * 1000);
  const sign = signature.offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(signature.offsetMinutes);
  const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
  return `${isoTime(local).slice(0, -1)}${offset}`;
}

export function refJson(
  urls: SandboxUrls,
  repo: RepoRecord,
  ref: string,
  oid: string,
  type: string,
) {
  return {
    ref,
    node_id: nodeId("REF", `${repo.id}:${ref}`),
    url: urls.repoApi(repo.fullName, `/git/${ref}`),
    object: { sha: oid, type, url: urls.repoApi(repo.fullName, `/git/${type}s/${oid}`) },
  };
}

/** A commit as `git-commit` (create and get a commit). */
export function commitJson(urls: SandboxUrls, repo: RepoRecord, oid: string, commit: CommitObject) {
  const person = (signature: GitSignature) => ({
    name: signature.name,
    email: signature.email,
    date: signatureDate(signature),
  });
  return {
    sha: oid,
    node_id: nodeId("C", oid),
    url: urls.repoApi(repo.fullName, `/git/commits/${oid}`),
    html_url: urls.html(`/${repo.fullName}/commit/${oid}`),
    author: person(commit.author),
    committer: person(commit.committer),
    message: commit.message,
    tree: { sha: commit.tree, url: urls.repoApi(repo.fullName, `/git/trees/${commit.tree}`) },
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: urls.repoApi(repo.fullName, `/git/commits/${parent}`),
      html_url: urls.html(`/${repo.fullName}/commit/${parent}`),
    })),
    verification: {
      verified: false,
      reason: commit.signature ? "unknown_key" : "unsigned",
      signature: commit.signature ?? null,
      payload: null,
      verified_at: null,
    },
  };
}
