import { startBackupRepo, type BackupRepo } from "./github-backup-repo.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "./policy-workspace.js";
import type { CliRun } from "./run-cli.js";
import { registerSnapgateApp } from "./snapgate-app.js";

export interface AlertIssueJson {
  number: number;
  state: string;
  title: string;
  body: string;
  labels: { name: string }[];
}

export interface AuditLineJson {
  type: string;
  subject: Record<string, unknown>;
  details?: Record<string, unknown>;
  actor: Record<string, unknown>;
}

/**
 * A policy workspace whose store is the sandbox backup repository
 * acme/config-backups, and the repository acme/service that gets the alert
 * issues; the CLI runs with the Snapgate App's installation token on both
 * (registered from app.yml), as in docs/examples/scheduled-health.yml.
 */
export interface AlertWorkspace {
  backup: BackupRepo;
  /** The Snapgate App's installation on acme (config-backups and service). */
  installation: number;
  ws: PolicyWorkspace;
  env: NodeJS.ProcessEnv;
  /** github://acme/config-backups */
  store: string;
  cli(...args: string[]): Promise<CliRun>;
  /** Replaces the policy's body (tiers, environments, ...), keeping the backup repository and keys. */
  writePolicyBody(body: string): void;
  /** Every issue of acme/service labelled snapgate-alert, by number. */
  issues(): Promise<AlertIssueJson[]>;
  /** The store's audit log, as `audit export` gives it to a SIEM. */
  auditLines(): Promise<AuditLineJson[]>;
}

export async function makeAlertWorkspace(dir: string, policyBody: string): Promise<AlertWorkspace> {
  const backup = await startBackupRepo();
  await backup.gh.createRepo({ owner: "acme", name: "service", private: true });
  const app = registerSnapgateApp(backup.gh);
  const installation = backup.gh.installApp(app.appId, "acme", ["config-backups", "service"]);
  const token = backup.gh.createInstallationToken(installation, {
    repositories: ["config-backups", "service"],
  });
  const env: NodeJS.ProcessEnv = {
    GITHUB_TOKEN: token,
    GITHUB_API_URL: backup.gh.url,
    SNAPGATE_RETRY_AFTER_MS: "1",
    GITHUB_RUN_ID: "77",
    GITHUB_REPOSITORY: "acme/service",
    GITHUB_ACTOR: "octo-admin",
  };
  const store = `github://${backup.owner}/${backup.repo}`;
  const ws = await makePolicyWorkspace(dir);
  const writePolicyBody = (body: string) =>
    ws.writePolicy(`backup: { repository: acme/config-backups }\n${ws.keysYaml}${body}`);
  writePolicyBody(policyBody);
  ws.write("deploy/app.yaml", "port: 1\n");
  const cli = (...args: string[]) => ws.cliWithEnv(env, ...args);
  return {
    writePolicyBody,
    backup,
    installation,
    ws,
    env,
    store,
    cli,
    issues: async () => {
      const response = await fetch(
        `${backup.gh.url}/repos/acme/service/issues?state=all&labels=snapgate-alert&per_page=100`,
        { headers: { authorization: `token ${token}` } },
      );
      if (response.status !== 200) throw new Error(`listing issues: ${response.status}`);
      return ((await response.json()) as AlertIssueJson[]).sort((a, b) => a.number - b.number);
    },
    auditLines: async () => {
      const run = await cli("audit", "export", "--store", store, "--since", "2000-01-01");
      if (run.code !== 0) throw new Error(`audit export: ${run.stderr}`);
      return run.stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as AuditLineJson);
    },
  };
}
