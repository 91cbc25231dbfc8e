import type { Context } from "probot";
import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { commentCommandHelp } from "../../core/approvals/comment-command-help.js";
import { parseCommentCommand } from "../../core/approvals/parse-comment-command.js";
import {
  renderCommandReply,
  type CommandReply,
} from "../../core/approvals/render-command-reply.js";
import { didYouMean } from "../../core/did-you-mean.js";
import { asSnapgateError, isSnapgateError, SnapgateError } from "../../core/errors.js";
import { readGateContext } from "../../core/github/read-gate-context.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import { listSnapshots } from "../../core/snapshot/list-snapshots.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { mayUseBackup } from "../gate/decide-environment.js";
import type { GateEvent } from "../gate/gate-event.js";

/** Snapshots per environment in a `list` reply. */
const LISTED = 10;
/** Permission levels (GitHub's `permission` field) that may read the backups through the app. */
const MAY_READ_BACKUPS = new Set(["admin", "write"]);

/**
 * issue_comment created: a `/snapgate` command on the comment's first line
 * (docs/comment-commands.md) gets 👀 on the comment and one reply. `help`
 * and `list` answer now; the other commands say they are not available yet.
 * Bots are never obeyed. The reply carries the command comment's id, so a
 * redelivery replies nothing more. Edits and deletions do nothing here.
 */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  event: GateEvent,
): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (sender.type === "Bot") return;
  const parsed = parseCommentCommand(comment.body);
  if (parsed.kind === "none") return;
  const { octokit, owner, repo } = event;
  const marker = `<!-- snapgate:reply-to ${comment.id} -->`;
  const since = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issue.number,
    since: comment.created_at,
    per_page: 100,
  });
  if (since.some((reply) => reply.user?.type === "Bot" && reply.body?.includes(marker))) return;
  await octokit.rest.reactions.createForIssueComment({
    owner,
    repo,
    comment_id: comment.id,
    content: "eyes",
  });
  const reply: CommandReply =
    parsed.kind === "refused"
      ? { kind: "refused", error: parsed.error, help: parsed.help }
      : await answer(parsed.command, sender.login, event);
  await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.number,
    body: `${renderCommandReply(reply)}\n\n${marker}`,
  });
}

async function answer(
  command: CommentCommand,
  login: string,
  event: GateEvent,
): Promise<CommandReply> {
  if (command.name === "help")
    return { kind: "help", text: commentCommandHelp(command.args["command"] ?? null) };
  if (command.name !== "list") return { kind: "unavailable", command: command.name };
  try {
    // Live permission, never author_association: the list shows the backups' history.
    const { octokit, owner, repo } = event;
    const level = (
      await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
    ).data.permission;
    if (!MAY_READ_BACKUPS.has(level)) return { kind: "forbidden", login, command: command.name };
    return { kind: "snapshots", sections: await listEnvironments(event, command.environment) };
  } catch (error) {
    if (!isSnapgateError(error))
      event.log.error({ err: error }, `${command.name} failed unexpectedly`);
    return { kind: "failed", command: command.name, error: asSnapgateError(error) };
  }
}

/** The newest snapshots of the policy's environments (or of one), from the policy's backup repository. */
async function listEnvironments(
  event: GateEvent,
  only: string | null,
): Promise<Array<{ environment: string; snapshots: Awaited<ReturnType<typeof listSnapshots>> }>> {
  const { owner, repo } = event;
  const gate = await readGateContext(event.octokit, {
    owner,
    repo,
    headSha: null,
    appId: event.appId,
  });
  const policy = await loadPolicy(gate.policySource, { owner, repo });
  const names = Object.keys(policy.environments);
  if (only !== null && !names.includes(only)) {
    const close = didYouMean(only, names);
    throw new SnapgateError("NOT_FOUND", `The policy has no environment ${only}.`, {
      fix: close ? `Did you mean ${close}?` : `It has: ${names.join(", ")}.`,
    });
  }
  const backup = policy.backup;
  if (!backup) {
    throw new SnapgateError("CONFIG", "The policy names no backup repository.", {
      fix: "Add backup: { repository: OWNER/NAME } to .github/snapgate.yml on the default branch (docs/policy.md).",
    });
  }
  const [backupOwner = "", backupRepo = ""] = backup.repository.split("/");
  if (!mayUseBackup(owner, backupOwner, event.backupAccounts)) {
    throw new SnapgateError(
      "PERMISSION",
      `The backup repository ${backup.repository} belongs to another account.`,
      {
        fix: `Keep the backup repository in ${owner}, or have the app's operator add ${backupOwner} to SNAPGATE_BACKUP_ACCOUNTS.`,
      },
    );
  }
  const store = new GitHubStore(await event.clientFor(backupOwner, backupRepo), {
    owner: backupOwner,
    repo: backupRepo,
    branch: backup.branch,
  });
  const environments = only !== null ? [only] : names;
  return Promise.all(
    environments.map(async (environment) => ({
      environment,
      snapshots: await listSnapshots(store, {
        stream: environment,
        limit: LISTED,
        includeForgotten: true,
      }),
    })),
  );
}
