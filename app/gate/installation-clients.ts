import type { Probot } from "probot";
import { SnapgateError } from "../../core/errors.js";
import { githubError, httpStatus } from "../../core/github/github-error.js";
import type { AppOctokit } from "./app-octokit.js";

/** Installation ids by account, so another account's installation is looked up once per process. */
const MAX_CACHED_ACCOUNTS = 1000;

/**
 * Clients for repositories other than the event's. The event's installation
 * covers every repository of its account it was granted (usually the backup
 * repository too); another account's repository needs that account's
 * installation, found once through `GET /repos/{owner}/{repo}/installation`.
 */
export class InstallationClients {
  private readonly installations = new Map<string, number>();

  constructor(private readonly app: Probot) {}

  /** A client for `owner/repo`: `eventOctokit` when the event came from that account. */
  async clientFor(
    eventOwner: string,
    eventOctokit: AppOctokit,
    owner: string,
    repo: string,
  ): Promise<AppOctokit> {
    if (owner.toLowerCase() === eventOwner.toLowerCase()) return eventOctokit;
    return this.clientForRepository(owner, repo);
  }

  /** The app's installation client for `owner/repo` outside any event (the dashboard). */
  async clientForRepository(owner: string, repo: string): Promise<AppOctokit> {
    const account = owner.toLowerCase();
    let installationId = this.installations.get(account);
    if (installationId === undefined) {
      const appOctokit = await this.app.auth();
      try {
        installationId = (await appOctokit.rest.apps.getRepoInstallation({ owner, repo })).data.id;
      } catch (error) {
        if (httpStatus(error) === 404) {
          throw new SnapgateError(
            "PERMISSION",
            `The Snapgate App is not installed on ${owner}/${repo}.`,
            {
              fix: `Install the app on ${owner}/${repo} (it reads backups and gates with its installation token).`,
              cause: error,
            },
          );
        }
        throw githubError(
          error,
          `finding the app's installation on ${owner}/${repo}`,
          `${owner}/${repo}`,
        );
      }
      if (this.installations.size >= MAX_CACHED_ACCOUNTS) this.installations.clear();
      this.installations.set(account, installationId);
    }
    return this.app.auth(installationId);
  }
}
