import { asSnapgateError, isSnapgateError } from "../../core/errors.js";
import type { GitHubClient } from "../../core/github/github-client.js";
import { decideGate } from "../../core/gate/decide-gate.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import { gatherGateFacts } from "../../core/gate/gather-gate-facts.js";
import { storeErrorDecision } from "../../core/gate/store-error-decision.js";
import type { Policy } from "../../core/policy/policy.js";
import { GitHubStore } from "../../core/store/github-store.js";
import type { AppLog } from "./app-octokit.js";

/** What deciding needs besides the policy: who asks, and how to reach the backup repository. */
export interface BackupAccess {
  /** The account of the gated repository. */
  gatedOwner: string;
  /** Accounts whose backup repositories a gated repository of another account may name (lower case). */
  backupAccounts: ReadonlySet<string>;
  /** A client that can read a repository (the app's installation on it), or throws why not. */
  clientFor(owner: string, repo: string): Promise<GitHubClient>;
  now: Date;
  log: AppLog;
}

/**
 * Whether a gated repository of `gatedOwner` may have its gate decided over a
 * backup repository of `backupOwner`. Within one account, always. Across
 * accounts only when the operator allows that backup account: the decision
 * shows the backup's paths and values, and a policy must not make the app
 * report another account's backups.
 */
export function mayUseBackup(
  gatedOwner: string,
  backupOwner: string,
  backupAccounts: ReadonlySet<string>,
): boolean {
  return (
    gatedOwner.toLowerCase() === backupOwner.toLowerCase() ||
    backupAccounts.has(backupOwner.toLowerCase())
  );
}

/**
 * One environment's gate, as `snapgate check` decides it, over the policy's
 * backup repository read with the app's installation token: the facts cost
 * two GraphQL reads (the catalog's chain and a listing of the blobs, see
 * ADR 0107). A backup that cannot be read is an unknown, failing decision
 * that says why, never a pass.
 */
export async function decideEnvironment(
  policy: Policy,
  environment: string,
  access: BackupAccess,
): Promise<GateDecision> {
  const { now, log } = access;
  if (!policy.environments[environment]) {
    // decideGate names the environments the policy has.
    return decideGate({ policy, environment, now, snapshot: null, lastRestoreVerification: null });
  }
  const backup = policy.backup;
  if (!backup) {
    return storeErrorDecision(
      environment,
      "The policy names no backup repository, so no snapshot can be checked.",
      "Add backup: { repository: OWNER/NAME } to .github/snapgate.yml on the default branch (docs/policy.md).",
    );
  }
  const [owner = "", repo = ""] = backup.repository.split("/");
  const location = `${backup.repository}@${backup.branch}`;
  if (!mayUseBackup(access.gatedOwner, owner, access.backupAccounts)) {
    return storeErrorDecision(
      environment,
      `The backup repository ${backup.repository} belongs to another account than ${access.gatedOwner}: the app reads backups across accounts only where its operator allows it.`,
      `Keep the backup repository in ${access.gatedOwner}, or have the app's operator add ${owner} to SNAPGATE_BACKUP_ACCOUNTS.`,
    );
  }
  try {
    const store = new GitHubStore(await access.clientFor(owner, repo), {
      owner,
      repo,
      branch: backup.branch,
    });
    const facts = await gatherGateFacts(store, policy, environment, now, {
      chain: "catalog",
      blobs: "list",
    });
    return decideGate(facts);
  } catch (error) {
    if (!isSnapgateError(error))
      log.error({ err: error }, `reading ${location} failed unexpectedly`);
    const failure = asSnapgateError(error);
    return storeErrorDecision(
      environment,
      `Reading the backup repository ${location} failed: ${failure.summary}`,
      failure.code === "PERMISSION"
        ? `Install the Snapgate App on ${backup.repository} (it reads snapshots with its installation token: contents read) and check backup.repository in the policy; then re-run this check.`
        : `${failure.fix ?? "Try again later."} Then re-run this check.`,
    );
  }
}
