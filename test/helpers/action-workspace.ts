import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { startBackupRepo, type BackupRepo } from "./github-backup-repo.js";
import { makeKeys, type TestKeys } from "./keys.js";
import type { CreatedApp } from "../../sandbox/index.js";
import { registerSnapgateApp } from "./snapgate-app.js";
import { cloneInto, runAction, workflowEnv, type ActionRun } from "./run-action.js";

export const POLICY_BODY = `tiers:
  tier0: { max_age: 24h, approvals: 2, request_ttl: 4h }
environments:
  prod: { tier: tier0, paths: ["deploy/prod/**", "flags/export.json"] }
components:
  - { name: payments-db, paths: ["deploy/prod/db/**"], tier: tier0, owner: "@acme/dba" }
  - { name: api, paths: ["deploy/prod/api/**"], owner: "@acme/platform" }
  - { name: feature-flags, paths: ["flags/export.json"], owner: "@acme/product" }
consistency:
  - name: api-db-schema
    left: { file: deploy/prod/api/config.yaml, path: db.schemaVersion }
    right: { file: deploy/prod/db/VERSION }
    rule: equal
`;

/**
 * A repository checkout with the policy (backup repository acme/config-backups
 * on the sandbox), keys, and a runner for the bundled actions with the GitHub
 * context of a given run.
 */
export interface ActionWorkspace {
  backup: BackupRepo;
  /** The Snapgate App, registered from app.yml. */
  app: CreatedApp;
  /** An installation token of the Snapgate App on the backup repository: what actions/create-github-app-token gives a workflow. */
  token: string;
  keys: TestKeys;
  /** The checkout (the step's working directory). */
  repo: string;
  policyText: string;
  write(path: string, content: string): void;
  read(path: string): string;
  /** Runs a bundled action in the checkout as run `runId` of acme/service. */
  run(
    action: string,
    inputs: Record<string, string>,
    options?: { runId?: number; env?: Record<string, string>; event?: unknown },
  ): Promise<ActionRun>;
  /** A fresh `git clone` of the backup repository. */
  clone(): Promise<string>;
  close(): Promise<void>;
}

export async function makeActionWorkspace(dir: string): Promise<ActionWorkspace> {
  const backup = await startBackupRepo();
  // As the documented workflows do: the App from app.yml, its token scoped to the backup repository.
  const app = registerSnapgateApp(backup.gh);
  const installation = backup.gh.installApp(app.appId, backup.owner, [backup.repo]);
  const token = backup.gh.createInstallationToken(installation, { repositories: [backup.repo] });
  const keys = await makeKeys();
  const repo = join(dir, "repo");
  const write = (path: string, content: string) => {
    const target = join(repo, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  const policyText = `backup: { repository: ${backup.owner}/${backup.repo} }
keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
  app: [{ key: ${keys.appVerifyKey} }]
${POLICY_BODY}`;
  write(".github/snapgate.yml", policyText);
  write("deploy/prod/db/VERSION", "42\n");
  write("deploy/prod/db/schema.sql", "create table payments (id int);\n");
  write("deploy/prod/api/config.yaml", "db:\n  schemaVersion: 42\nreplicas: 3\n");
  write("deploy/prod/api/.env", "API_KEY=not-a-real-key\n");
  write("deploy/prod/debug.log", "a log line\n");
  write("flags/export.json", '{"checkout-v2": true}\n');
  let clones = 0;
  return {
    backup,
    app,
    token,
    keys,
    repo,
    policyText,
    write,
    read: (path) => readFileSync(join(repo, path), "utf8"),
    run: (action, inputs, options = {}) =>
      runAction(action, {
        cwd: repo,
        inputs,
        env: {
          ...workflowEnv({ apiUrl: backup.gh.url, runId: options.runId ?? 1000 }),
          ...options.env,
        },
        event: options.event,
      }),
    clone: async () => {
      const into = join(dir, `clone-${++clones}`);
      await cloneInto(backup.gh.repoPath(backup.owner, backup.repo), into);
      return into;
    },
    close: () => backup.gh.close(),
  };
}
