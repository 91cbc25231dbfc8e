import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { GATE_LOCK_PREFIX } from "../../../core/github/prune-gate-locks.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** `snapgate prune` on a GitHub backup repository also deletes the app's dead gate lock refs (ADR 0611). */
describe("prune: the gate's lock refs", () => {
  const work = tempDir("snapgate-prune-locks-");
  let backup: BackupRepo;
  let env: NodeJS.ProcessEnv;
  const day = (offset: number) =>
    new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const prune = (...extra: string[]) =>
    runCli(["prune", "--store", `github://${backup.owner}/${backup.repo}`, "--json", ...extra], {
      cwd: work,
      env,
    });

  beforeAll(async () => {
    backup = await startBackupRepo();
    await backup.store.initialize();
    env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  async function lock(name: string): Promise<string> {
    const head = await backup.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner: backup.owner,
      repo: backup.repo,
      ref: "heads/main",
    });
    const ref = `${GATE_LOCK_PREFIX}${name}`;
    await backup.client.rest.git.createRef({
      owner: backup.owner,
      repo: backup.repo,
      ref,
      sha: head.data.object.sha,
    });
    return ref;
  }

  async function locksLeft(): Promise<string[]> {
    const refs = await backup.client.graphql<{
      repository: { refs: { nodes: { name: string }[] } };
    }>(
      `query($owner: String!, $name: String!, $prefix: String!) {
        repository(owner: $owner, name: $name) { refs(refPrefix: $prefix, first: 100) { nodes { name } } }
      }`,
      { owner: backup.owner, name: backup.repo, prefix: GATE_LOCK_PREFIX },
    );
    return refs.repository.refs.nodes.map((node) => node.name.replace(GATE_LOCK_PREFIX, "")).sort();
  }

  it("deletes the namespaces of days before yesterday, keeps today's and yesterday's, one request each", async () => {
    const sha = "a".repeat(40);
    const old = [await lock(`${day(-30)}/${sha}-1`), await lock(`${day(-2)}/${sha}-2`)];
    await lock(`${day(-1)}/${sha}-3`);
    await lock(`${day(0)}/${sha}-4`);

    const dry = await prune("--dry-run");
    expect(dry.code).toBe(0);
    expect((dry.json() as { gateLocks: unknown }).gateLocks).toEqual({ deleted: old, kept: 2 });
    expect(await locksLeft()).toHaveLength(4);

    backup.gh.resetLog();
    const run = await prune();
    expect(run.code).toBe(0);
    expect((run.json() as { gateLocks: unknown }).gateLocks).toEqual({ deleted: old, kept: 2 });
    expect(backup.gh.countCalls("git/delete-ref")).toBe(2);
    expect(await locksLeft()).toEqual([`${day(-1)}/${sha}-3`, `${day(0)}/${sha}-4`]);

    const text = await runCli(["prune", "--store", `github://${backup.owner}/${backup.repo}`], {
      cwd: work,
      env,
    });
    expect(text.stdout).not.toContain("gate lock");
  });

  it("a local store has no lock refs", async () => {
    const local = (...args: string[]) => runCli(args, { cwd: work, env: {} });
    const recipient = (await local("keygen", "--out", "id.txt")).stdout.trim();
    await local("keygen", "--writer", "--out", "w.key");
    writeFileSync(join(work, "app.yaml"), "x: 1\n");
    const snapshot = await local(
      "snapshot",
      "--store",
      "local-store",
      "--env",
      "dev",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "app.yaml",
    );
    expect(snapshot.code).toBe(0);
    const pruned = await local("prune", "--store", "local-store", "--json");
    expect(pruned.code).toBe(0);
    expect((pruned.json() as { gateLocks: unknown }).gateLocks).toBeNull();
  });
});
