import type { Context } from "probot";
import { evaluateGates } from "../gate/evaluate-gates.js";
import type { GateEvent } from "../gate/gate-event.js";
import { reevaluateBackupPush } from "../gate/reevaluate-backup-push.js";

const DELETED = /^0{40}$/;

/**
 * push: to a release branch, gate the new head; to a backup repository (the
 * pushed paths are snapshots, verifications or tombstones of environments),
 * re-evaluate the gates waiting on it. Both are tried: the first costs one
 * read where there is no policy, the second nothing where no store path moved.
 */
export async function onPush(context: Context<"push">, event: GateEvent): Promise<void> {
  const { ref, after, repository, commits } = context.payload;
  if (!ref.startsWith("refs/heads/") || DELETED.test(after)) return;
  const branch = ref.slice("refs/heads/".length);
  await evaluateGates(event, {
    headSha: after,
    branches: [branch],
    mode: "first",
    reportPolicyProblems: branch === repository.default_branch,
    reason: `a push to ${branch}`,
  });
  const paths = commits.flatMap((commit) => [
    ...(commit.added ?? []),
    ...(commit.modified ?? []),
    ...(commit.removed ?? []),
  ]);
  await reevaluateBackupPush(event, { branch, after, paths });
}
