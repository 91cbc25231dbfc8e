import type { AppLog, AppOctokit } from "./app-octokit.js";
import type { GateRunLedger } from "./gate-run-ledger.js";

/** One webhook delivery as the gate sees it. */
export interface GateEvent {
  /** X-GitHub-Delivery: stored as the check run's external_id, so a redelivery is recognised. */
  deliveryId: string;
  appId: number;
  /** The installation client of the event's repository. */
  octokit: AppOctokit;
  owner: string;
  repo: string;
  /** A client for another repository (the backup repository, a source repository). */
  clientFor: (owner: string, repo: string) => Promise<AppOctokit>;
  /** Accounts whose backup repositories other accounts' gates may use (lower case; SNAPGATE_BACKUP_ACCOUNTS). */
  backupAccounts: ReadonlySet<string>;
  now: Date;
  log: AppLog;
  /** This instance's posts, one at a time per commit and environment (shared by all its events). */
  ledger: GateRunLedger;
}
