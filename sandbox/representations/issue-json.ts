import type { CommentRecord, IssueRecord, ReactionRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { integrationJson } from "./app-json.js";
import { authorAssociation } from "./author-association.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";
import { userJson } from "./user-json.js";

const REACTIONS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"] as const;

export function reactionRollup(url: string, reactions: readonly ReactionRecord[]) {
  const rollup: Record<string, number | string> = { url, total_count: reactions.length };
  for (const content of REACTIONS) {
    rollup[content] = reactions.filter((reaction) => reaction.content === content).length;
  }
  return rollup;
}

export function reactionJson(urls: SandboxUrls, reaction: ReactionRecord) {
  return {
    id: reaction.id,
    node_id: nodeId("REA", reaction.id),
    user: userJson(urls, reaction.user),
    content: reaction.content,
    created_at: isoTime(reaction.createdAt),
  };
}

/** An issue or pull request as `issue`. */
export function issueJson(urls: SandboxUrls, world: World, issue: IssueRecord) {
  const api = urls.repoApi(issue.repo.fullName, `/issues/${issue.number}`);
  const comments = [...world.comments.values()].filter(
    (comment) => comment.issue === issue && !comment.deleted,
  );
  return {
    id: issue.id,
    node_id: nodeId(issue.pull ? "PR" : "I", issue.id),
    url: api,
    repository_url: urls.repoApi(issue.repo.fullName),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: urls.html(
      `/${issue.repo.fullName}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
    ),
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason ?? null,
    title: issue.title,
    body: issue.body,
    user: userJson(urls, issue.user),
    labels: (issue.labels ?? []).map((name) => {
      const label = world.label(issue.repo, name);
      return {
        id: label.id,
        node_id: nodeId("LA", label.id),
        url: urls.repoApi(issue.repo.fullName, `/labels/${encodeURIComponent(label.name)}`),
        name: label.name,
        description: null,
        color: label.color,
        default: false,
      };
    }),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: comments.length,
    ...(issue.pull
      ? {
          pull_request: {
            url: urls.repoApi(issue.repo.fullName, `/pulls/${issue.number}`),
            html_url: urls.html(`/${issue.repo.fullName}/pull/${issue.number}`),
            diff_url: urls.html(`/${issue.repo.fullName}/pull/${issue.number}.diff`),
            patch_url: urls.html(`/${issue.repo.fullName}/pull/${issue.number}.patch`),
            merged_at: null,
          },
        }
      : {}),
    closed_at: issue.closedAt ? isoTime(issue.closedAt) : null,
    created_at: isoTime(issue.createdAt),
    updated_at: isoTime(issue.updatedAt),
    author_association: authorAssociation(world, issue.user, issue.repo),
    performed_via_github_app: null,
    reactions: reactionRollup(`${api}/reactions`, []),
    timeline_url: `${api}/timeline`,
  };
}

/** An issue comment as `issue-comment` (and the webhook's comment). */
export function commentJson(urls: SandboxUrls, world: World, comment: CommentRecord) {
  const { repo } = comment;
  const api = urls.repoApi(repo.fullName, `/issues/comments/${comment.id}`);
  const app = [...world.apps.values()].find((candidate) => candidate.bot === comment.user);
  return {
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    url: api,
    html_url: urls.html(
      `/${repo.fullName}/${comment.issue.pull ? "pull" : "issues"}/${comment.issue.number}#issuecomment-${comment.id}`,
    ),
    body: comment.body,
    user: userJson(urls, comment.user),
    created_at: isoTime(comment.createdAt),
    updated_at: isoTime(comment.updatedAt),
    issue_url: urls.repoApi(repo.fullName, `/issues/${comment.issue.number}`),
    author_association: authorAssociation(world, comment.user, repo),
    performed_via_github_app: app ? integrationJson(urls, world, app) : null,
    reactions: reactionRollup(`${api}/reactions`, comment.reactions),
  };
}
