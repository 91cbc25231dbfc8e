import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { runCli } from "../../helpers/run-cli.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** `snapgate doctor --restore-repo` (the bundle) on the sandbox: the restore environment's findings join the store's. */
describe("doctor --restore-repo", () => {
  const work = tempDir("snapgate-doctor-env-");
  let backup: BackupRepo;
  let env: NodeJS.ProcessEnv;
  let appId: number;

  beforeAll(async () => {
    backup = await startBackupRepo({ files: { "snapgate.json": "{}\n" } });
    await backup.gh.createRepo({
      owner: backup.owner,
      name: "service",
      private: true,
      files: { "README.md": "x\n" },
    });
    const app = registerSnapgateApp(backup.gh);
    appId = app.appId;
    backup.gh.installApp(appId, backup.owner, "all");
    const token = backup.gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: {
        contents: "read",
        administration: "write",
        actions: "read",
        secrets: "read",
        environments: "read",
      },
    });
    env = { GITHUB_TOKEN: token, GITHUB_API_URL: backup.gh.url, SNAPGATE_RETRY_AFTER_MS: "1" };
    // An environment with none of the protection docs/restore-environment.md asks for.
    await fetch(`${backup.gh.url}/repos/${backup.owner}/service/environments/snapgate-restore`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  const doctor = (...extra: string[]) =>
    runCli(
      [
        "doctor",
        "--store",
        `github://${backup.owner}/${backup.repo}`,
        "--app-id",
        String(appId),
        ...extra,
      ],
      { cwd: work, env },
    );

  it("adds one finding per protection of the environment, each with its fix", async () => {
    const run = await doctor("--restore-repo", `${backup.owner}/service`, "--json");
    expect(run.code).toBe(3);
    const report = run.json() as {
      findings: { check: string; ok: boolean | null; detail: string; fix?: string }[];
    };
    const restore = report.findings.slice(-6);
    expect(restore.map((finding) => [finding.check, finding.ok])).toEqual([
      ["the Snapgate App is the environment's protection rule", false],
      ["administrators cannot bypass the protection rules", false],
      ["SNAPGATE_IDENTITY is a secret of snapgate-restore", false],
      ["SNAPGATE_IDENTITY exists only in snapgate-restore", true],
      ["a deployment branch policy limits which branches may restore", false],
      ["a workflow's job runs in snapgate-restore", false],
    ]);
    expect(restore[0]?.detail).toContain("need GitHub Enterprise Cloud");
    // Without the rule, what still protects a restore is said plainly.
    expect(restore[0]?.detail).toContain(
      "the signed request record and the restore action's re-check are the only protection",
    );
    expect(restore[5]?.detail).toContain("has no .github/workflows");
    for (const finding of restore.filter((f) => f.ok === false)) expect(finding.fix).toBeTruthy();

    const text = await doctor("--restore-repo", `${backup.owner}/service`, "--environment", "prod");
    expect(text.stdout).toContain("the restore environment exists");
    expect(text.stdout).toContain("fix: Create the environment prod");
  });

  it("refuses a --restore-repo that is not OWNER/REPO", async () => {
    const run = await doctor("--restore-repo", "service");
    expect(run.code).toBe(64);
    expect(run.stderr).toContain("is not OWNER/REPO");
  });
});
