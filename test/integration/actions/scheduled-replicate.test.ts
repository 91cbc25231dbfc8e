import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { generateAgeKeyPair } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";
import { tempDir } from "../../helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

interface Step {
  uses?: string;
  id?: string;
  name?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
}

const workflow = parse(
  readFileSync(join(ROOT, "docs/examples/scheduled-replicate.yml"), "utf8"),
) as { jobs: { replicate: { steps: Step[] } } };
const steps = workflow.jobs.replicate.steps;

/**
 * Runs docs/examples/scheduled-replicate.yml's job as a runner would, on the
 * sandbox: the checkout of the config repository (the policy) and of snapgate
 * (this checkout, built: dist/cli), the App's installation token narrowed to
 * the repositories the token step names, then each run step's script through
 * bash with its env and the expressions GitHub would substitute.
 */
describe("docs/examples/scheduled-replicate.yml on the sandbox", () => {
  const dir = tempDir("snapgate-schedrepl-");
  let backup: BackupRepo;
  let keys: TestKeys;
  let token = "";
  const replicaRepo = "config-backups-dr";

  const runStep = (step: Step) => {
    const expressions: Record<string, string> = {
      "github.repository_owner": backup.owner,
      "steps.token.outputs.token": token,
    };
    const substitute = (text: string) =>
      text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
        const value = expressions[name];
        if (value === undefined) throw new Error(`the test does not provide ${name}`);
        return value;
      });
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(value)]),
    );
    // Asynchronously: the sandbox serves the step from this process.
    return new Promise<{ status: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn("bash", ["-e", "-c", substitute(step.run ?? "")], {
          cwd: join(dir, "repo"),
          // What a runner sets, and the step's env.
          env: { PATH: process.env.PATH, GITHUB_API_URL: backup.gh.url, ...env },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      },
    );
  };
  const commits = (repo: string) =>
    Number(
      execFileSync("git", ["rev-list", "--count", "main"], {
        cwd: backup.gh.repoPath(backup.owner, repo),
        encoding: "utf8",
      }).trim(),
    );
  const tree = (repo: string) =>
    execFileSync("git", ["ls-tree", "-r", "main"], {
      cwd: backup.gh.repoPath(backup.owner, repo),
      encoding: "utf8",
    })
      .split("\n")
      .filter((line) => line && !line.endsWith("\tsnapgate.json"));

  beforeAll(async () => {
    backup = await startBackupRepo();
    await backup.gh.createRepo({ owner: backup.owner, name: replicaRepo, private: true });
    keys = await makeKeys();
    const recipient = generateAgeKeyPair(await loadSodium()).recipient;
    // The config repository's checkout: the policy names the writer key replicate trusts.
    mkdirSync(join(dir, "repo/.github"), { recursive: true });
    mkdirSync(join(dir, "repo/deploy"), { recursive: true });
    writeFileSync(
      join(dir, "repo/.github/snapgate.yml"),
      `keys:\n  recipients: [${recipient}]\n  writers:\n    - key: ${keys.verifyKey}\n` +
        `tiers:\n  tier1: { max_age: 24h }\nenvironments:\n  prod: { tier: tier1, paths: ["deploy/**"] }\n`,
    );
    // actions/checkout of acme/snapgate at `path`: this repository, as built.
    const checkout = steps.find((step) => step.with?.repository?.endsWith("/snapgate"));
    symlinkSync(ROOT, join(dir, "repo", checkout?.with?.path as string));
    // create-github-app-token: the Snapgate App's installation, narrowed to the step's repositories.
    const app = registerSnapgateApp(backup.gh);
    const installation = backup.gh.installApp(app.appId, backup.owner, "all");
    const tokenStep = steps.find((step) => step.id === "token");
    token = backup.gh.createInstallationToken(installation, {
      repositories: (tokenStep?.with?.repositories as string).split(","),
    });
    for (const content of ["replicas: 2\n", "replicas: 3\n"]) {
      writeFileSync(join(dir, "repo/deploy/app.yaml"), content);
      await createSnapshot({
        store: backup.store,
        root: join(dir, "repo"),
        paths: ["deploy"],
        stream: "prod",
        phase: "scheduled",
        recipients: [recipient],
        writerKey: keys.writer,
      });
    }
  });
  afterAll(() => backup.gh.close());

  it("copies the backup repository into the replica, reports it in step, and writes nothing the second time", async () => {
    const [replicate, lag] = steps.filter((step) => step.run);
    const first = await runStep(replicate as Step);
    expect(first.stderr).toContain("replicate: snapshots 2/2");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("prod: copied 2 snapshot(s)");
    expect(first.stdout).toContain("Verified the replica.");
    expect(tree(replicaRepo)).toEqual(tree(backup.repo));

    const health = await runStep(lag as Step);
    expect(health.stdout).toMatch(/REPLICA/);
    expect(health.stdout).toMatch(/in step/);
    expect(health.status).toBe(0);

    const before = commits(replicaRepo);
    const second = await runStep(replicate as Step);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("prod: up to date");
    expect(commits(replicaRepo)).toBe(before);
  });
});
