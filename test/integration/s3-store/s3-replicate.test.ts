import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { replicationSource } from "../../helpers/replication-source.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

/** Every file of a local store by path -> sha256, without its own lock files and creation stamp. */
function treeOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = name.split("\\").join("/");
    if (path === "snapgate.json" || path.startsWith(".git")) continue;
    if (path === "locks/commit.lock" || path === "locks/prune-epoch") continue;
    if (!statSync(join(dir, name)).isFile()) continue;
    files[path] = createHash("sha256")
      .update(readFileSync(join(dir, name)))
      .digest("hex");
  }
  return files;
}

/**
 * Replication out of S3 (to a local directory) and into S3 (from GitHub), on
 * the real server: what arrives verifies and restores, and round trips give
 * back the source's files. The crash and re-run: s3-replicate-crash.test.ts.
 */
suite("snapgate replicate out of and into an s3:// store", () => {
  let server: S3TestServer;
  let backup: BackupRepo;
  let keys: TestKeys;
  const dir = tempDir("snapgate-s3-replicate-");
  let source = "";

  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { cwd: dir, env: { ...server.env, ...env } });
  beforeAll(async () => {
    server = startS3Server();
    keys = await makeKeys();
    writeFileSync(join(dir, "id.txt"), `${keys.age.identity}\n`, { mode: 0o600 });
    source = (await replicationSource(dir, keys)).location;
    await server.createBucket("replicas", true);
    await server.createBucket("plain");
  });
  afterAll(() => {
    backup?.gh.close();
    server?.stop();
  });

  it("S3 -> local: verified on arrival, the same files as the source, restorable", async () => {
    const up = await cli([
      "replicate",
      "--from",
      source,
      "--to",
      "s3://plain/out",
      "--verify-key",
      keys.verifyKey,
      "--json",
    ]);
    expect(up.code).toBe(0);
    const back = join(dir, "from-s3");
    const down = await cli([
      "replicate",
      "--from",
      "s3://plain/out",
      "--to",
      back,
      "--verify-key",
      keys.verifyKey,
      "--verify",
      "--json",
    ]);
    expect({ code: down.code, report: down.json() }).toMatchObject({
      code: 0,
      report: { copied: { manifests: 4, records: 5, auditEvents: 8 }, verified: true },
    });
    expect(treeOf(back)).toEqual(treeOf(source));
    const restored = await cli([
      "restore",
      "prod@2",
      "--store",
      back,
      "--identity",
      "id.txt",
      "--verify-key",
      keys.verifyKey,
      "--to",
      "restored-from-s3",
    ]);
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "restored-from-s3/app.yaml"), "utf8")).toBe("replicas: 3\n");
  });

  it("GitHub -> S3 (Object Lock): verified on arrival, restorable, and back to local equal to the source", async () => {
    backup = await startBackupRepo();
    const github = `github://${backup.owner}/${backup.repo}`;
    const env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    const run = (...args: string[]) =>
      cli(["replicate", ...args, "--verify-key", keys.verifyKey, "--json"], env);
    expect((await run("--from", source, "--to", github)).code).toBe(0);
    const into = await run(
      "--from",
      github,
      "--to",
      "s3://replicas/from-github",
      "--object-lock-mode",
      "GOVERNANCE",
      "--retain-days",
      "1",
      "--verify",
    );
    expect({ code: into.code, report: into.json() }).toMatchObject({
      code: 0,
      report: { copied: { blobs: 6, manifests: 4, records: 5, auditEvents: 8 }, verified: true },
    });
    const restored = await cli([
      "restore",
      "dev@1",
      "--store",
      "s3://replicas/from-github",
      "--identity",
      "id.txt",
      "--verify-key",
      keys.verifyKey,
      "--to",
      "restored-from-github",
    ]);
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "restored-from-github/app.yaml"), "utf8")).toBe("replicas: 1\n");
    const back = join(dir, "github-s3-local");
    expect((await run("--from", "s3://replicas/from-github", "--to", back)).code).toBe(0);
    expect(treeOf(back)).toEqual(treeOf(source));
  });
});
