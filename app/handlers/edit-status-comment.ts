import type { GateEvent } from "../gate/gate-event.js";

/**
 * Rewrites the app's status comment of a request (its reply to the asking
 * comment) on this conversation; false when it is not here.
 */
export async function editStatusComment(
  event: GateEvent,
  issueNumber: number,
  askingCommentId: number,
  render: () => Promise<string>,
): Promise<boolean> {
  const { octokit, owner, repo } = event;
  const marker = `<!-- snapgate:reply-to ${askingCommentId} -->`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const status = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body?.includes(marker),
  );
  if (!status) return false;
  await octokit.rest.issues.updateComment({
    owner,
    repo,
    comment_id: status.id,
    body: `${await render()}\n\n${marker}`,
  });
  return true;
}
