import type { IssueRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { authorAssociation } from "./author-association.js";
import { repositoryJson } from "./repository-json.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";
import { userJson } from "./user-json.js";

/** Diff statistics of a pull request, from git. */
export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** A pull request as `pull-request` (REST) and the webhook's `pull_request`. */
export function pullRequestJson(
  urls: SandboxUrls,
  world: World,
  issue: IssueRecord,
  stats: PullStats,
) {
  const pull = issue.pull!;
  const { repo } = issue;
  const api = urls.repoApi(repo.fullName, `/pulls/${issue.number}`);
  const openIssues = [...world.issues.values()].filter(
    (other) => other.repo === repo && other.state === "open",
  ).length;
  const repository = repositoryJson(urls, repo, openIssues);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: userJson(urls, repo.owner),
    repo: repository,
  });
  const comments = [...world.comments.values()].filter(
    (comment) => comment.issue === issue && !comment.deleted,
  );
  const html = urls.html(`/${repo.fullName}/pull/${issue.number}`);
  return {
    url: api,
    id: issue.id,
    node_id: nodeId("PR", issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: urls.repoApi(repo.fullName, `/issues/${issue.number}`),
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: urls.repoApi(repo.fullName, "/pulls/comments{/number}"),
    comments_url: urls.repoApi(repo.fullName, `/issues/${issue.number}/comments`),
    statuses_url: urls.repoApi(repo.fullName, `/statuses/${pull.headSha}`),
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(urls, issue.user),
    body: issue.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: isoTime(issue.createdAt),
    updated_at: isoTime(issue.updatedAt),
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.headRef, pull.headSha),
    base: side(pull.baseRef, pull.baseSha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: urls.repoApi(repo.fullName, `/issues/${issue.number}`) },
      comments: { href: urls.repoApi(repo.fullName, `/issues/${issue.number}/comments`) },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: urls.repoApi(repo.fullName, "/pulls/comments{/number}") },
      commits: { href: `${api}/commits` },
      statuses: { href: urls.repoApi(repo.fullName, `/statuses/${pull.headSha}`) },
    },
    author_association: authorAssociation(world, issue.user, repo),
    auto_merge: null,
    draft: pull.draft,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}
