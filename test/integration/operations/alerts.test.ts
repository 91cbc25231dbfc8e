import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { AlertChange } from "../../../core/operations/health-alert.js";
import {
  makeAlertWorkspace,
  type AlertWorkspace,
  type AuditLineJson,
} from "../../helpers/alert-workspace.js";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { workflowStepArgs } from "../../helpers/workflow-step-args.js";

const WORKFLOW = new URL("../../../docs/examples/scheduled-health.yml", import.meta.url);

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

describe("alert issues from the scheduled health run (App token, sandbox)", () => {
  const dir = tempDir("snapgate-alerts-");
  let aw: AlertWorkspace;
  let backup: AlertWorkspace["backup"];
  let store = "";
  const cli = (...args: string[]) => aw.cli(...args);
  const issues = () => aw.issues();
  const auditLines = () => aw.auditLines();
  /** A health run with alerts, of qa unless another scope is given ([]: every environment). */
  const health = async (scope: string[] = ["--env", "qa"]) => {
    const run = await cli(
      "health",
      "--store",
      store,
      ...scope,
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
      join(aw.ws.dir, "writer.key"),
      "--env",
      "qa",
      "--phase",
      "scheduled",
      "--time",
      time,
    );
  const ofType = (lines: AuditLineJson[], type: string) =>
    lines.filter((line) => line.type === type);

  beforeAll(async () => {
    aw = await makeAlertWorkspace(dir, BODY);
    backup = aw.backup;
    store = aw.store;
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
    // A repeated run (a re-run, a redelivery) changes nothing, and costs a few reads: one
    // listing of the alert issues, no claim, no write.
    backup.gh.resetLog();
    const again = await health();
    expect(again.alerts.changes).toEqual([]);
    const calls = backup.gh.requests.map((r) => r.operationId);
    expect(calls.filter((id) => id === "issues/list-for-repo")).toHaveLength(1);
    expect(calls.filter((id) => id?.startsWith("git/create"))).toEqual([]);
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
    // Seconds appear when the runs took more than one (a loaded machine): "5h2s".
    expect((await issues())[0]?.body).toMatch(/is 5h(\d+s)? old: .* late by 4h(\d+s)? /);
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

  it("takes over a claim whose run died before opening the issue, once it is stale (10 minutes), never a fresh one", async () => {
    const { client } = backup;
    const where = { owner: "acme", repo: "config-backups" };
    // The issues of qa late so far: #1 and #2, both closed; the next one is claimed as after-2.
    const ref = "snapgate/alerts/acme/service/qa/late/after-2";
    const claimAt = async (minutesAgo: number) => {
      const head = (
        await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
          ...where,
          ref: "heads/main",
        })
      ).data.object.sha;
      const tree = (
        await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
          ...where,
          commit_sha: head,
        })
      ).data.tree.sha;
      const date = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
      return (
        await client.rest.git.createCommit({
          ...where,
          tree,
          parents: [head],
          message: "snapgate: claim alert (a run that died)",
          committer: { name: "snapgate", email: "snapgate@example.invalid", date },
          author: { name: "snapgate", email: "snapgate@example.invalid", date },
        })
      ).data.sha;
    };
    await client.rest.git.createRef({ ...where, ref: `refs/${ref}`, sha: await claimAt(5) });
    expect((await snapshotAt(ago(240 * MINUTE))).code).toBe(0);
    const fresh = await health();
    expect(fresh.alerts.changes).toEqual([]);
    expect(fresh.alerts.claimedElsewhere).toEqual([{ environment: "qa", problem: "late" }]);
    await client.rest.git.updateRef({ ...where, ref, sha: await claimAt(20), force: true });
    const [a, b] = await Promise.all([health(), health()]);
    expect([...a.alerts.changes, ...b.alerts.changes]).toEqual([
      expect.objectContaining({ action: "opened", environment: "qa", problem: "late" }),
    ]);
    expect(
      (await issues()).filter((issue) => issue.state === "open").map((issue) => issue.title),
    ).toEqual(["Snapgate: qa backup is late"]);
  });

  it("runs the documented workflow's health step (the bundled CLI, the App token): it closes the alert when healthy", async () => {
    const step = workflowStepArgs(WORKFLOW, "health", { "github.repository": "acme/service" });
    expect(step.envNames).toEqual(["GITHUB_TOKEN"]);
    expect(readFileSync(WORKFLOW, "utf8")).toContain(
      "repositories: config-backups,${{ github.event.repository.name }}",
    );
    expect((await snapshotAt(new Date().toISOString())).code).toBe(0);
    const open = (await issues()).filter((issue) => issue.state === "open");
    expect(open).toHaveLength(1);
    const run = await spawnCli(step.args, { cwd: aw.ws.repo, env: aw.env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`alert resolved: qa late #${open[0]?.number}`);
    expect((await issues()).filter((issue) => issue.state === "open")).toEqual([]);
  });

  it("refuses --alert without a github:// store, a malformed repository, and a token that cannot reach the issues, with a fix", async () => {
    const local = await cli(
      "health",
      "--store",
      join(aw.ws.dir, "local"),
      "--alert",
      "acme/service",
    );
    expect(local.code).not.toBe(0);
    expect(local.stderr).toContain("--alert needs a github:// store.");
    // A token minted for the backup repository only (create-github-app-token without this repository).
    const backupOnly = aw.backup.gh.createInstallationToken(aw.installation, {
      repositories: ["config-backups"],
    });
    const denied = await aw.ws.cliWithEnv(
      { ...aw.env, GITHUB_TOKEN: backupOnly },
      "health",
      "--store",
      store,
      "--env",
      "qa",
      "--alert",
      "acme/service",
    );
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("while listing the alert issues in acme/service");
    expect(denied.stderr).toContain(
      "its token minted for both acme/service and the backup repository",
    );
    const bad = await cli("health", "--store", store, "--alert", "service");
    expect(bad.stderr).toContain("--alert 'service' is not OWNER/REPO.");
  });

  it("closes every alert of an environment removed from the policy, in a run over all environments only", async () => {
    expect((await snapshotAt(ago(240 * MINUTE))).code).toBe(0);
    expect((await health()).alerts.changes).toEqual([
      expect.objectContaining({ action: "opened", environment: "qa", problem: "late" }),
    ]);
    const openQa = () =>
      issues().then((list) =>
        list.filter((issue) => issue.state === "open" && issue.title.startsWith("Snapgate: qa ")),
      );
    const [alert] = await openQa();
    // qa is renamed staging: nothing checks qa any more.
    aw.writePolicyBody(BODY.replace("qa:", "staging:"));
    try {
      // A run of one environment does not judge the others.
      expect((await health(["--env", "staging"])).alerts.changes).toEqual([
        expect.objectContaining({
          action: "opened",
          environment: "staging",
          problem: "no-snapshot",
        }),
      ]);
      expect(await openQa()).toHaveLength(1);
      expect((await health([])).alerts.changes).toEqual([
        expect.objectContaining({
          action: "resolved",
          environment: "qa",
          problem: "late",
          issue: alert?.number,
        }),
      ]);
      expect(await openQa()).toEqual([]);
      const comments = (await (
        await fetch(`${backup.gh.url}/repos/acme/service/issues/${alert?.number}/comments`, {
          headers: { authorization: `token ${aw.env.GITHUB_TOKEN}` },
        })
      ).json()) as { body: string }[];
      expect(comments.at(-1)?.body).toMatch(/qa is no longer an environment of the policy/);
      const resolved = ofType(await auditLines(), "alert.resolved").at(-1);
      expect(resolved?.subject).toMatchObject({ environment: "qa", issue: alert?.number });
      // Nothing left to close: a second run changes nothing.
      expect((await health([])).alerts.changes).toEqual([]);
    } finally {
      aw.writePolicyBody(BODY);
    }
  });
});
