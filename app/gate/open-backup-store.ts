import { SnapgateError } from "../../core/errors.js";
import { readGateContext } from "../../core/github/read-gate-context.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { Policy } from "../../core/policy/policy.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { mayUseBackup } from "./decide-environment.js";
import type { AppOctokit } from "./app-octokit.js";
import type { GateEvent } from "./gate-event.js";

/** The backup repository and the app's client for it (refs the store does not write, e.g. request claims). */
export interface BackupRepository {
  client: AppOctokit;
  owner: string;
  repo: string;
  branch: string;
}

/**
 * The event repository's policy (from its default branch) and its backup
 * repository as a store, through the app's installation client. Refuses a
 * policy without a backup repository, and one in another account unless the
 * operator allowed that account (SNAPGATE_BACKUP_ACCOUNTS).
 */
export async function openBackupStore(event: GateEvent): Promise<{
  policy: Policy;
  store: GitHubStore;
  backup: BackupRepository;
  defaultBranch: string | null;
}> {
  const { owner, repo } = event;
  const gate = await readGateContext(event.octokit, {
    owner,
    repo,
    headSha: null,
    appId: event.appId,
  });
  const policy = await loadPolicy(gate.policySource, { owner, repo });
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
  const client = await event.clientFor(backupOwner, backupRepo);
  const store = new GitHubStore(client, {
    owner: backupOwner,
    repo: backupRepo,
    branch: backup.branch,
  });
  return {
    policy,
    store,
    backup: { client, owner: backupOwner, repo: backupRepo, branch: backup.branch },
    defaultBranch: gate.defaultBranch,
  };
}
