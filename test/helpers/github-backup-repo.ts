import { startSandbox, type Sandbox } from "../../sandbox/index.js";
import { createGitHubClient, type GitHubClient } from "../../core/github/github-client.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { backupRepoGrants } from "./snapgate-app.js";

export interface BackupRepo {
  gh: Sandbox;
  owner: string;
  repo: string;
  token: string;
  client: GitHubClient;
  store: GitHubStore;
  /** A second store object on the same repository, as another process would have. */
  newStore(): GitHubStore;
}

/**
 * A sandbox with an organisation, an empty private backup repository and a
 * token that may write it, as the Snapgate App's installation token would.
 */
export async function startBackupRepo(
  options: { repo?: string; files?: Record<string, string> } = {},
): Promise<BackupRepo> {
  const gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "octo-admin" });
  gh.createOrg({ login: "acme", admins: ["octo-admin"] });
  return backupRepoOn(gh, options);
}

/** Another backup repository (and token) on the sandbox of `first`: no second sandbox to start. */
export async function addBackupRepo(first: BackupRepo, repo: string): Promise<BackupRepo> {
  return backupRepoOn(first.gh, { repo });
}

async function backupRepoOn(
  gh: Sandbox,
  options: { repo?: string; files?: Record<string, string> },
): Promise<BackupRepo> {
  const owner = "acme";
  const repo = options.repo ?? "config-backups";
  await gh.createRepo({
    owner,
    name: repo,
    private: true,
    ...(options.files ? { files: options.files } : {}),
  });
  const token = gh.createToken({
    actor: "octo-admin",
    repositories: [`${owner}/${repo}`],
    permissions: backupRepoGrants(),
  });
  const newClient = () =>
    createGitHubClient({ token, baseUrl: gh.url, retryAfterBaseValue: 1, writeSpacingMs: 0 });
  const client = newClient();
  const newStore = () => new GitHubStore(newClient(), { owner, repo, branch: "main" });
  return {
    gh,
    owner,
    repo,
    token,
    client,
    store: new GitHubStore(client, { owner, repo, branch: "main" }),
    newStore,
  };
}
