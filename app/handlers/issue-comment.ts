import type { Context } from "probot";
import type { CommentCommand } from "../../core/approvals/comment-command.js";
import { commentCommandHelp } from "../../core/approvals/comment-command-help.js";
import { parseCommentCommand } from "../../core/approvals/parse-comment-command.js";
import {
  renderCommandReply,
  type CommandReply,
} from "../../core/approvals/render-command-reply.js";
import type { Reaction } from "../../core/approvals/request-lifecycle.js";
import type { AppKey } from "../../core/crypto/app-key.js";
import { didYouMean } from "../../core/did-you-mean.js";
import { asSnapgateError, isSnapgateError, SnapgateError } from "../../core/errors.js";
import { listOpenRequests } from "../../core/approvals/list-open-requests.js";
import { readEnvironmentLock } from "../../core/approvals/read-environment-lock.js";
import { readNewestRequestState } from "../../core/approvals/read-newest-request-state.js";
import type { StatusView } from "../../core/approvals/render-status-reply.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import type { Policy } from "../../core/policy/policy.js";
import { diffSnapshots } from "../../core/snapshot/diff-snapshots.js";
import { listSnapshots } from "../../core/snapshot/list-snapshots.js";
import { loadSnapshot } from "../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import type { Store } from "../../core/store/store.js";
import { lockCommand } from "./lock-command.js";
import { signoffCommand } from "./signoff-command.js";
import { openBackupStore } from "../gate/open-backup-store.js";
import { moveRequest } from "./move-request.js";
import { askForRestore } from "./restore-command.js";
import { askForForget } from "./forget-command.js";
import type { GateEvent } from "../gate/gate-event.js";

/** Commands that create or move a request, or lock an environment: they write signed records. */
const REQUEST_COMMANDS: ReadonlySet<string> = new Set([
  "restore",
  "forget",
  "approve",
  "deny",
  "cancel",
  "lock",
  "unlock",
  "signoff",
]);
/** Commands that read the backups and answer: they need the same live permission as `list`. */
const READ_COMMANDS: ReadonlySet<string> = new Set(["list", "status", "show", "diff"]);
/** Snapshots per environment in a `list` reply. */
const LISTED = 10;
/** Permission levels (GitHub's `permission` field) that may read the backups through the app. */
const MAY_READ_BACKUPS = new Set(["admin", "write"]);

/**
 * issue_comment created: a `/snapgate` command on the comment's first line
 * (docs/comment-commands.md) gets 👀 on the comment and one reply. `help`
 * `list`, `status`, `show` and `diff` answer (to people with write access);
 * `restore` creates a request and replies with its status comment;
 * `approve`, `deny` and `cancel` move it and edit that comment; `lock` and
 * `unlock` write the environment's next lock revision (👎 and why when
 * refused); `signoff` records a drill's sign-off for the actor's role.
 * Bots are never obeyed. The reply carries the command comment's id, so a
 * redelivery replies nothing more. Edits and deletions revoke (issue-comment-change.ts).
 */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  event: GateEvent,
  signingKey: AppKey | null,
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
  const react = (content: Reaction) =>
    octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content });
  await react("eyes");
  let body: string;
  let reactions: Reaction[] = [];
  if (parsed.kind === "command" && REQUEST_COMMANDS.has(parsed.command.name)) {
    const { command } = parsed;
    const actor = { id: sender.id, login: sender.login };
    try {
      ({ body, reactions } =
        command.name === "restore"
          ? await askForRestore(command, actor, comment.id, event, signingKey)
          : command.name === "forget"
            ? await askForForget(command, actor, comment.id, event, signingKey)
            : command.name === "lock" || command.name === "unlock"
              ? await lockCommand(command, actor, comment.id, event, signingKey)
              : command.name === "signoff"
                ? await signoffCommand(command, actor, comment.id, event, signingKey)
                : await moveRequest(
                    command,
                    actor,
                    {
                      commentId: comment.id,
                      issueNumber: issue.number,
                      defaultBranch: context.payload.repository.default_branch,
                    },
                    event,
                    signingKey,
                  ));
    } catch (error) {
      body = renderCommandReply(failed(command.name, error, event));
      reactions = ["-1"];
    }
  } else {
    body = renderCommandReply(
      parsed.kind === "refused"
        ? { kind: "refused", error: parsed.error, help: parsed.help }
        : await answer(parsed.command, sender.login, event),
    );
  }
  await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.number,
    body: `${body}\n\n${marker}`,
  });
  for (const content of reactions) await react(content);
}

function failed(command: string, error: unknown, event: GateEvent): CommandReply {
  if (!isSnapgateError(error)) event.log.error({ err: error }, `${command} failed unexpectedly`);
  return { kind: "failed", command, error: asSnapgateError(error) };
}

async function answer(
  command: CommentCommand,
  login: string,
  event: GateEvent,
): Promise<CommandReply> {
  if (command.name === "help")
    return { kind: "help", text: commentCommandHelp(command.args["command"] ?? null) };
  if (!READ_COMMANDS.has(command.name)) return { kind: "unavailable", command: command.name };
  try {
    // Live permission, never author_association: these show the backups' history.
    const { octokit, owner, repo } = event;
    const level = (
      await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
    ).data.permission;
    if (!MAY_READ_BACKUPS.has(level)) return { kind: "forbidden", login, command: command.name };
    if (command.name === "list")
      return { kind: "snapshots", sections: await listEnvironments(event, command.environment) };
    const { policy, store } = await openBackupStore(event);
    if (command.name === "status")
      return { kind: "status", view: await statusView(command, policy, store, event.now) };
    const stream = command.environment !== null ? { stream: command.environment } : {};
    const first = await resolveSnapshot(
      store,
      command.args["snapshot"] ?? command.args["a"] ?? "",
      stream,
    );
    if (command.name === "show") {
      const { id, manifest } = await loadSnapshot(store, first);
      return { kind: "snapshot", id, manifest };
    }
    const second = command.args["b"];
    return {
      kind: "diff",
      diff:
        second === undefined
          ? await diffSnapshots(store, first)
          : await diffSnapshots(store, await resolveSnapshot(store, second, stream), first),
    };
  } catch (error) {
    return failed(command.name, error, event);
  }
}

/**
 * `status <request>`: the request's newest signed revision and its
 * environment's lock; `status [--env E]`: the lock of E (or of every
 * environment of the policy) and the open requests. A lock or request
 * record that is not the app's is an INTEGRITY error, never "unlocked".
 */
async function statusView(
  command: CommentCommand,
  policy: Policy,
  store: Store,
  now: Date,
): Promise<StatusView> {
  const sodium = await loadSodium();
  const appKeys = policy.keys.app ?? [];
  const id = command.args["request"];
  if (id !== undefined) {
    const found = await readNewestRequestState(store, sodium, id, appKeys);
    if (found === null) {
      throw new SnapgateError("NOT_FOUND", `There is no request ${id} here.`, {
        fix: "Copy the id from the request's status comment (r- and 12 characters).",
      });
    }
    const environment = found.request.subject.environment;
    if (command.environment !== null && command.environment !== environment) {
      throw new SnapgateError(
        "USAGE",
        `Request ${id} is for ${environment}, but --env says ${command.environment}.`,
        { fix: "Drop --env, or name a request of that environment." },
      );
    }
    return {
      kind: "request",
      request: found.request,
      lock: await readEnvironmentLock(store, environment, appKeys),
    };
  }
  const environments = knownEnvironments(policy, command.environment);
  const locks = [];
  for (const environment of environments)
    locks.push({ environment, lock: await readEnvironmentLock(store, environment, appKeys) });
  return {
    kind: "environments",
    environments: locks,
    ...(await listOpenRequests(store, sodium, new Set(environments), appKeys, now)),
  };
}

/** The policy's environments, or the one named (NOT_FOUND with a did-you-mean when it has no such). */
function knownEnvironments(policy: Policy, only: string | null): string[] {
  const names = Object.keys(policy.environments);
  if (only !== null && !names.includes(only)) {
    const close = didYouMean(only, names);
    throw new SnapgateError("NOT_FOUND", `The policy has no environment ${only}.`, {
      fix: close ? `Did you mean ${close}?` : `It has: ${names.join(", ")}.`,
    });
  }
  return only !== null ? [only] : names;
}

/** The newest snapshots of the policy's environments (or of one), from the policy's backup repository. */
async function listEnvironments(
  event: GateEvent,
  only: string | null,
): Promise<Array<{ environment: string; snapshots: Awaited<ReturnType<typeof listSnapshots>> }>> {
  const { policy, store } = await openBackupStore(event);
  const environments = knownEnvironments(policy, only);
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
