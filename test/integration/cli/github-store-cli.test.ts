import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { runCli, spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

describe("every CLI command against a GitHub backup repository (sandbox)", () => {
  const work = tempDir("snapgate-ghcli-");
  let backup: BackupRepo;
  let env: NodeJS.ProcessEnv;
  let recipient = "";
  let verifyKey = "";
  let store = "";
  const cli = (...args: string[]) => runCli(args, { cwd: work, env });

  // The Snapgate App, registered once from app.yml for the tests that need it.
  let registered: ReturnType<typeof registerSnapgateApp> | undefined;
  const snapgateApp = () => (registered ??= registerSnapgateApp(backup.gh));

  beforeAll(async () => {
    backup = await startBackupRepo();
    env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    store = `github://${backup.owner}/${backup.repo}`;
    recipient = (await cli("keygen", "--out", "id.txt")).stdout.trim();
    verifyKey = (await cli("keygen", "--writer", "--out", "w.key")).stdout.trim();
    mkdirSync(join(work, "cfg/k8s"), { recursive: true });
    writeFileSync(join(work, "cfg/k8s/app.yaml"), "replicas: 2\n");
    writeFileSync(join(work, "cfg/.env"), "PASSWORD=hunter2\n");
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("snapshot (the bundle, as a workflow runs it), then list, show and diff", async () => {
    const first = await spawnCli(
      [
        "snapshot",
        "--store",
        store,
        "--env",
        "prod",
        "--phase",
        "pre",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "--json",
        "cfg",
      ],
      { cwd: work, env },
    );
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toMatchObject({ seq: 1, files: 2, newBlobs: 2 });
    writeFileSync(join(work, "cfg/k8s/app.yaml"), "replicas: 4\n");
    const second = await cli(
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "post",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--skip-unchanged",
      "--json",
      "cfg",
    );
    expect(second.json()).toMatchObject({ seq: 2, newBlobs: 1 });

    const list = (await cli("list", "--store", store, "--json")).json() as {
      snapshots: Array<{ seq: number; phase: string }>;
    };
    expect(list.snapshots.map((s) => [s.seq, s.phase])).toEqual([
      [1, "pre"],
      [2, "post"],
    ]);
    const shown = (await cli("show", "prod@2", "--store", store, "--json")).json() as {
      files: Array<{ path: string }>;
    };
    expect(shown.files.map((f) => f.path)).toEqual(["cfg/.env", "cfg/k8s/app.yaml"]);
    expect(
      (await cli("diff", "prod@1", "prod@2", "--store", store, "--json")).json(),
    ).toMatchObject({
      changed: [{ path: "cfg/k8s/app.yaml", kinds: ["content"] }],
    });
  });

  it("verify at both levels and restore", async () => {
    const verify = await cli(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--json",
    );
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, level: "restore" });
    const restore = await cli(
      "restore",
      "prod@1",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
      "--json",
    );
    expect(restore.code).toBe(0);
    expect(readFileSync(join(work, "restored/cfg/k8s/app.yaml"), "utf8")).toBe("replicas: 2\n");
    expect(readFileSync(join(work, "restored/cfg/.env"), "utf8")).toBe("PASSWORD=hunter2\n");
  });

  it("drift, verify --record, check, forget and prune against the repository", async () => {
    writeFileSync(
      join(work, "policy.yml"),
      `keys:\n  recipients: [${recipient}]\n  writers:\n    - key: ${verifyKey}\ntiers:\n  tier1:\n    max_age: 24h\n    approvals: 1\n    restore_verification: 30d\nenvironments:\n  prod: { tier: tier1, release_branches: [main] }\n`,
    );
    // A snapshot under the policy records the coverage facts the gate needs.
    const governed = await cli(
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--policy",
      "policy.yml",
      "--writer-key",
      "w.key",
      "--json",
      "cfg",
    );
    expect(governed.json()).toMatchObject({ seq: 3 });
    const drift = await cli(
      "drift",
      "--store",
      store,
      "--env",
      "prod",
      "--writer-key",
      "w.key",
      "--json",
      "cfg",
    );
    expect(drift.code).toBe(0);
    writeFileSync(join(work, "cfg/k8s/app.yaml"), "replicas: 8\n");
    const drifted = await cli(
      "drift",
      "--store",
      store,
      "--env",
      "prod",
      "--writer-key",
      "w.key",
      "--json",
      "cfg",
    );
    expect(drifted.code).toBe(2);
    writeFileSync(join(work, "cfg/k8s/app.yaml"), "replicas: 4\n");

    const before = await cli(
      "check",
      "--store",
      store,
      "--env",
      "prod",
      "--policy",
      "policy.yml",
      "--json",
    );
    expect(before.code).toBe(1);
    backup.gh.resetLog();
    const recorded = await cli(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--record",
      "--json",
    );
    expect(recorded.code).toBe(0);
    // Both snapshots' records land in one commit, not one commit each.
    expect(backup.gh.countCalls("git/update-ref")).toBe(2); // the records, then their audit events
    const after = await cli(
      "check",
      "--store",
      store,
      "--env",
      "prod",
      "--policy",
      "policy.yml",
      "--json",
    );
    const decision = after.json() as {
      conclusion: string;
      conditions: Array<{ name: string; state: string; detail: string }>;
    };
    expect(decision.conditions.filter((c) => c.state !== "pass")).toEqual([]);
    expect(decision.conclusion).toBe("success");
    expect(after.code).toBe(0);

    const forget = await cli(
      "forget",
      "--store",
      store,
      "--env",
      "prod",
      "--policy",
      "policy.yml",
      "--keep-last",
      "1",
      "--json",
    );
    expect(forget.code).toBe(0);
    const listed = (await cli("list", "--store", store, "--json")).json() as {
      snapshots: Array<{ seq: number }>;
    };
    expect(listed.snapshots.map((s) => s.seq)).toEqual([3]);
    // Prune tells tier-0 data (which needs an approved forget request) from the rest by the policy.
    const prune = await cli(
      "prune",
      "--store",
      store,
      "--policy",
      "policy.yml",
      "--grace",
      "0s",
      "--json",
    );
    expect(prune.code).toBe(0);
    expect(JSON.stringify(prune.json())).toContain("deleted");
    const verify = await cli(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--json",
    );
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("a missing token or a bad repository name gets a clear error", async () => {
    const noToken = await runCli(["list", "--store", store], {
      cwd: work,
      env: { GITHUB_API_URL: backup.gh.url },
    });
    expect(noToken.code).toBe(64);
    expect(noToken.stderr).toContain("needs a GitHub token");
    const badSpec = await cli("list", "--store", "github://acme");
    expect(badSpec.stderr).toContain("is not a GitHub store");
    const unknown = await cli("list", "--store", `github://${backup.owner}/nope`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/does not exist or the token cannot see it/);
  });

  it("doctor names what to fix on an unprotected repository", async () => {
    const run = await cli("doctor", "--store", store, "--json");
    expect(run.code).toBe(3);
    const report = run.json() as {
      ok: boolean;
      findings: Array<{ check: string; ok: boolean | null; fix?: string }>;
    };
    expect(report.findings.map((f) => [f.check, f.ok])).toEqual([
      ["repository is private", true],
      ["force pushes are blocked", false],
      ["branch deletion is blocked", false],
      ["pushes are restricted to the Snapgate App", false],
    ]);
    expect(report.findings[1]?.fix).toContain('"Block force pushes"');
  });

  it("doctor accepts a ruleset that only the Snapgate App may bypass, and refuses one people may bypass", async () => {
    const app = snapgateApp();
    const ruleset = (
      bypass: Array<{ actor_id: number; actor_type: "Integration" | "RepositoryRole" }>,
    ) => ({
      name: "protect backups",
      target: "branch" as const,
      enforcement: "active" as const,
      conditions: { ref_name: { include: ["~DEFAULT_BRANCH"] } },
      rules: [
        { type: "non_fast_forward" as const },
        { type: "deletion" as const },
        { type: "update" as const },
      ],
      bypass_actors: bypass,
    });
    const protectedRepo = "protected-backups";
    await backup.gh.createRepo({
      owner: backup.owner,
      name: protectedRepo,
      private: true,
      files: { "snapgate.json": "{}\n" },
    });
    backup.gh.addRuleset(
      backup.owner,
      protectedRepo,
      ruleset([{ actor_id: app.appId, actor_type: "Integration" }]),
    );
    const token = backup.gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { contents: "write", metadata: "read", administration: "write" },
    });
    const good = await runCli(
      [
        "doctor",
        "--store",
        `github://${backup.owner}/${protectedRepo}`,
        "--app-id",
        String(app.appId),
        "--json",
      ],
      { cwd: work, env: { ...env, GITHUB_TOKEN: token } },
    );
    expect(good.json()).toMatchObject({ ok: true });
    expect(good.code).toBe(0);

    const loose = "loose-backups";
    await backup.gh.createRepo({
      owner: backup.owner,
      name: loose,
      private: true,
      files: { "snapgate.json": "{}\n" },
    });
    backup.gh.addRuleset(
      backup.owner,
      loose,
      ruleset([
        { actor_id: app.appId, actor_type: "Integration" },
        { actor_id: 5, actor_type: "RepositoryRole" },
      ]),
    );
    const bad = await runCli(["doctor", "--store", `github://${backup.owner}/${loose}`, "--json"], {
      cwd: work,
      env: { ...env, GITHUB_TOKEN: token },
    });
    expect(bad.code).toBe(3);
    expect(JSON.stringify(bad.json())).toContain("a single person could rewrite backups");

    // And the ruleset really stops a person's token from writing a snapshot.
    const refused = await runCli(
      [
        "snapshot",
        "--store",
        `github://${backup.owner}/${protectedRepo}`,
        "--env",
        "prod",
        "--phase",
        "manual",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "cfg",
      ],
      { cwd: work, env: { ...env, GITHUB_TOKEN: token } },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused the update");
    expect(refused.stderr).toContain("bypass actor");

    // Without administration write, GitHub hides the bypass actors: doctor cannot tell.
    const reader = backup.gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { contents: "read", metadata: "read", administration: "read" },
    });
    const blind = await runCli(
      ["doctor", "--store", `github://${backup.owner}/${protectedRepo}`, "--json"],
      { cwd: work, env: { ...env, GITHUB_TOKEN: reader } },
    );
    expect(blind.code).toBe(3);
    expect(
      (blind.json() as { findings: Array<{ check: string; ok: boolean | null }> }).findings,
    ).toContainEqual(
      expect.objectContaining({ check: "pushes are restricted to the Snapgate App", ok: null }),
    );
  });

  it("doctor flags rules the store cannot satisfy, and a snapshot under them fails saying which", async () => {
    const app = snapgateApp();
    const name = "signed-backups";
    await backup.gh.createRepo({
      owner: backup.owner,
      name,
      private: true,
      files: { "snapgate.json": '{ "format": "snapgate.store/v1" }\n' },
    });
    backup.gh.addRuleset(backup.owner, name, {
      name: "protect backups",
      rules: [{ type: "non_fast_forward" }, { type: "deletion" }, { type: "update" }],
      bypass_actors: [{ actor_id: app.appId, actor_type: "Integration" }],
    });
    const signatures = backup.gh.addRuleset(backup.owner, name, {
      name: "org policy",
      conditions: { ref_name: { include: ["~ALL"] } },
      rules: [{ type: "required_signatures" }],
    });
    const admin = backup.gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { contents: "write", metadata: "read", administration: "write" },
    });
    const storeOf = `github://${backup.owner}/${name}`;
    const doctor = await runCli(
      ["doctor", "--store", storeOf, "--app-id", String(app.appId), "--json"],
      { cwd: work, env: { ...env, GITHUB_TOKEN: admin } },
    );
    expect(doctor.code).toBe(3);
    const report = doctor.json() as {
      findings: Array<{ check: string; ok: boolean | null; detail: string; fix?: string }>;
    };
    const finding = report.findings.find(
      (f) => f.check === "the store can commit under the 'required_signatures' rule",
    );
    expect(finding).toMatchObject({ ok: false });
    expect(finding?.detail).toContain(`ruleset ${signatures} requires signed commits`);
    expect(finding?.detail).toContain("Git Data API, whose commits are unsigned");
    expect(finding?.fix).toContain('Remove "Require signed commits"');
    expect(finding?.fix).toContain('"Always allow" bypass actor');
    // The other findings pass: only the signature rule is in the way.
    expect(report.findings.filter((f) => f.ok !== true)).toEqual([finding]);

    // The app's installation writes, and GitHub refuses its unsigned commit by that rule.
    const installation = backup.gh.createInstallationToken(
      backup.gh.installApp(app.appId, backup.owner, [name]),
    );
    const refused = await runCli(
      [
        "snapshot",
        "--store",
        storeOf,
        "--env",
        "prod",
        "--phase",
        "manual",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "cfg",
      ],
      { cwd: work, env: { ...env, GITHUB_TOKEN: installation } },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Commits must have verified signatures.");
    expect(refused.stderr).toMatch(/remove "Require signed commits"/i);
  });
});

describe("the CLI on a backup repository whose newest manifest was deleted or damaged by hand", () => {
  const work = tempDir("snapgate-ghcli-damage-");
  let backup: BackupRepo;
  let env: NodeJS.ProcessEnv;
  let recipient = "";
  let verifyKey = "";
  let store = "";
  const cli = (...args: string[]) => runCli(args, { cwd: work, env });
  const snapshot = (content: string) => {
    writeFileSync(join(work, "cfg/app.yaml"), content);
    return cli(
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "post",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--json",
      "cfg",
    );
  };
  const verifyAll = () => cli("verify", "--all", "--store", store, "--verify-key", verifyKey);
  const restoreLatest = (to: string) =>
    cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      to,
    );
  /** The manifests of prod on the branch, read from the bare repository. */
  const manifestsOnBranch = () =>
    execFileSync("git", ["ls-tree", "--name-only", "main", "manifests/prod/"], {
      cwd: backup.gh.repoPath(backup.owner, backup.repo),
      encoding: "utf8",
    })
      .trim()
      .split("\n");
  const damage = (files: Record<string, string | null>) =>
    backup.gh.commitFiles(backup.owner, backup.repo, "main", files, "edit by hand");

  beforeAll(async () => {
    backup = await startBackupRepo({ repo: "damaged-backups" });
    env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    store = `github://${backup.owner}/${backup.repo}`;
    recipient = (await cli("keygen", "--out", "id.txt")).stdout.trim();
    verifyKey = (await cli("keygen", "--writer", "--out", "w.key")).stdout.trim();
    mkdirSync(join(work, "cfg"), { recursive: true });
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("a deleted newest manifest: list, verify, restore latest and the next snapshot all say so", async () => {
    for (const content of ["replicas: 1\n", "replicas: 2\n", "replicas: 3\n"])
      expect((await snapshot(content)).code).toBe(0);
    await damage({ "manifests/prod/0000000003.json": null });
    const missing = "heads/prod.json names prod@3, but manifests/prod/0000000003.json is missing";
    for (const run of [await cli("list", "--store", store), await verifyAll()]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(missing);
    }
    const restore = await restoreLatest("out");
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(missing);
    expect(existsSync(join(work, "out", "cfg/app.yaml"))).toBe(false);
    const next = await snapshot("replicas: 4\n");
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(missing);
    expect(next.stderr).toContain("Restore manifests/prod/ from a copy of the store");
    expect(manifestsOnBranch()).toEqual([
      "manifests/prod/0000000001.json",
      "manifests/prod/0000000002.json",
    ]);
  });

  it("a newest manifest that is not JSON: verify reports it and the next snapshot refuses to chain onto it", async () => {
    await damage({ "manifests/prod/0000000003.json": "this is not json" });
    const verify = await verifyAll();
    expect(verify.code).toBe(3);
    expect(verify.stdout).toContain("FAIL prod@3");
    expect(verify.stdout).toContain("is not valid JSON");
    const next = await snapshot("replicas: 4\n");
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(
      `manifests/prod/0000000003.json, the newest manifest of prod in ${store}@main, is not JSON: a snapshot cannot chain onto it.`,
    );
    expect(manifestsOnBranch()).toHaveLength(3);
  });
});
