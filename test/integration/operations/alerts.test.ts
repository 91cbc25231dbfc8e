import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { AlertChange } from "../../../core/operations/health-alert.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { makeKeys } from "../../helpers/keys.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { writeFileSync } from "node:fs";

const BODY = `tiers:
  tier1: { max_age: 1h }
environments:
  qa: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
alerts:
  late_after: 30m
  consecutive_failures: 2
`;

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface IssueJson {
  number: number;
  state: string;
  title: string;
  body: string;
  labels: { name: string }[];
}

interface AuditLine {
  type: string;
  subject: Record<string, unknown>;
  details?: Record<string, unknown>;
  actor: Record<string, unknown>;
}

describe("alert issues from the scheduled health run, and the synthetic canary (App token, sandbox)", () => {
  const dir = tempDir("snapgate-alerts-");
  let backup: BackupRepo;
  let ws: PolicyWorkspace;
  let env: NodeJS.ProcessEnv;
  let store = "";
  const cli = (...args: string[]) => ws.cliWithEnv(env, ...args);
  const health = async () => {
    const run = await cli(
      "health",
      "--store",
      store,
      "--env",
      "qa",
      "--alert",
      "acme/service",
      "--json",
    );
    const out = run.json() as {
      healthy: boolean;
      alerts: { changes: AlertChange[]; claimedElsewhere: unknown[] };
    };
    return { code: run.code, ...out };
  };
  const snapshotAt = (time: string) =>
    cli(
      "snapshot",
      "--store",
      store,
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--env",
      "qa",
      "--phase",
      "scheduled",
      "--time",
      time,
    );
  const issues = async (): Promise<IssueJson[]> => {
    const response = await fetch(
      `${backup.gh.url}/repos/acme/service/issues?state=all&labels=snapgate-alert&per_page=100`,
      { headers: { authorization: `token ${env.GITHUB_TOKEN}` } },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as IssueJson[]).sort((a, b) => a.number - b.number);
  };
  const auditLines = async (): Promise<AuditLine[]> => {
    const run = await cli("audit", "export", "--store", store, "--since", "2000-01-01");
    expect(run.code).toBe(0);
    return run.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as AuditLine);
  };
  const ofType = (lines: AuditLine[], type: string) => lines.filter((line) => line.type === type);

  beforeAll(async () => {
    backup = await startBackupRepo();
    await backup.gh.createRepo({ owner: "acme", name: "service", private: true });
    // As docs/examples/scheduled-health.yml: the App's installation token on the
    // backup repository (claims, snapshots, audit) and the service repository (issues).
    const app = registerSnapgateApp(backup.gh);
    const installation = backup.gh.installApp(app.appId, "acme", ["config-backups", "service"]);
    const token = backup.gh.createInstallationToken(installation, {
      repositories: ["config-backups", "service"],
    });
    env = {
      GITHUB_TOKEN: token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
      GITHUB_RUN_ID: "77",
      GITHUB_REPOSITORY: "acme/service",
      GITHUB_ACTOR: "octo-admin",
    };
    store = `github://${backup.owner}/${backup.repo}`;
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`backup: { repository: acme/config-backups }\n${ws.keysYaml}${BODY}`);
    ws.write("deploy/app.yaml", "port: 1\n");
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("opens one issue for a late backup, even for two runs at once, and a repeated run adds nothing", async () => {
    // 3h old: due after 1h (tier1) and late 30m (alerts.late_after) after that.
    expect((await snapshotAt(ago(180 * MINUTE))).code).toBe(0);
    const [first, second] = await Promise.all([health(), health()]);
    expect(first.code).toBe(3);
    expect(second.code).toBe(3);
    const opened = [...first.alerts.changes, ...second.alerts.changes];
    expect(opened).toEqual([
      expect.objectContaining({ action: "opened", environment: "qa", problem: "late" }),
    ]);
    const again = await health();
    expect(again.alerts.changes).toEqual([]);
    const list = await issues();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ state: "open", title: "Snapgate: qa backup is late" });
    expect(list[0]?.labels.map((label) => label.name)).toEqual(["snapgate-alert"]);
    expect(list[0]?.body).toContain("<!-- snapgate-alert environment=qa problem=late -->");
    expect(list[0]?.body).toMatch(/due after 1h \(tier1\)/);
    const events = ofType(await auditLines(), "alert.opened");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: {
        environment: "qa",
        problem: "late",
        repository: "acme/service",
        issue: list[0]?.number,
      },
      actor: { kind: "workflow", login: "octo-admin" },
    });
  });

  it("updates the issue when the problem persists with another message, then closes it when healthy", async () => {
    // Still late, by more: the message changes.
    expect((await snapshotAt(ago(300 * MINUTE))).code).toBe(0);
    const updated = await health();
    expect(updated.alerts.changes).toEqual([
      expect.objectContaining({ action: "updated", problem: "late" }),
    ]);
    expect((await issues())[0]?.body).toMatch(/is 5h old: .* late by 4h/);
    expect((await snapshotAt(new Date().toISOString())).code).toBe(0);
    const resolved = await health();
    expect(resolved.code).toBe(0);
    expect(resolved.alerts.changes).toEqual([
      expect.objectContaining({ action: "resolved", problem: "late" }),
    ]);
    expect((await health()).alerts.changes).toEqual([]);
    const list = await issues();
    expect(list.map((issue) => issue.state)).toEqual(["closed"]);
    const lines = await auditLines();
    expect(ofType(lines, "alert.updated")).toHaveLength(1);
    expect(ofType(lines, "alert.resolved")).toHaveLength(1);
  });

  it("opens a new issue when the problem comes back after its issue was closed", async () => {
    expect((await snapshotAt(ago(240 * MINUTE))).code).toBe(0);
    const [a, b] = await Promise.all([health(), health()]);
    expect([...a.alerts.changes, ...b.alerts.changes]).toEqual([
      expect.objectContaining({ action: "opened", problem: "late" }),
    ]);
    expect((await issues()).map((issue) => issue.state)).toEqual(["closed", "open"]);
    expect((await snapshotAt(new Date().toISOString())).code).toBe(0);
    expect((await health()).alerts.changes).toEqual([
      expect.objectContaining({ action: "resolved" }),
    ]);
  });

  it("runs the canary: a pass, a failure that alerts, and a pass that closes the alert", async () => {
    const canary = (identity: string) =>
      cli(
        "canary",
        "--store",
        store,
        "--identity",
        identity,
        "--writer-key",
        join(ws.dir, "writer.key"),
        "--alert",
        "acme/service",
        "--json",
      );
    const pass = await canary(join(ws.dir, "id.txt"));
    expect(pass.code).toBe(0);
    expect(pass.json()).toMatchObject({
      ok: true,
      stream: "snapgate-canary",
      failedAt: null,
      alerts: { changes: [] },
    });
    // The restore environment's identity no longer matches the recipients.
    const other = await makeKeys();
    writeFileSync(join(ws.dir, "other.txt"), `${other.age.identity}\n`);
    const fail = await canary(join(ws.dir, "other.txt"));
    expect(fail.code).toBe(3);
    expect(fail.json()).toMatchObject({
      ok: false,
      failedAt: "restore",
      alerts: {
        changes: [
          expect.objectContaining({
            action: "opened",
            environment: "snapgate-canary",
            problem: "canary",
          }),
        ],
      },
    });
    // A health run does not close the canary's issue: it did not check the canary.
    expect((await health()).alerts.changes).toEqual([]);
    const back = await canary(join(ws.dir, "id.txt"));
    expect(back.json()).toMatchObject({
      ok: true,
      alerts: { changes: [expect.objectContaining({ action: "resolved" })] },
    });
    const lines = await auditLines();
    expect(ofType(lines, "canary.checked").map((line) => line.details?.ok)).toEqual([
      true,
      false,
      true,
    ]);
    expect(ofType(lines, "canary.checked")[1]?.details).toMatchObject({ failedAt: "restore" });
    // The canary's snapshots are their own stream: the gate's environments see none of them.
    expect(
      (await issues()).filter(
        (issue) => issue.title === "Snapgate: snapgate-canary synthetic canary failed",
      ),
    ).toHaveLength(1);
  });

  it("refuses --alert without a github:// store, and a malformed repository, with a fix", async () => {
    const local = await cli("health", "--store", join(ws.dir, "local"), "--alert", "acme/service");
    expect(local.code).not.toBe(0);
    expect(local.stderr).toContain("--alert needs a github:// store.");
    const bad = await cli("health", "--store", store, "--alert", "service");
    expect(bad.stderr).toContain("--alert 'service' is not OWNER/REPO.");
  });
});
