import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import {
  formatIdentityFile,
  generateAgeKeyPair,
  parseIdentities,
  type AgeKeyPair,
} from "../../../core/crypto/age-keys.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { isSnapgateError } from "../../../core/errors.js";
import { rekeyStore, type RekeyOptions } from "../../../core/rekey/rekey-store.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import type { GitHubStore } from "../../../core/store/github-store.js";
import {
  addBackupRepo,
  startBackupRepo,
  type BackupRepo,
} from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const run = promisify(execFile);
const git = async (args: string[], cwd: string) => (await run("git", args, { cwd })).stdout;

/** prod@1 (5 files), prod@2 (one changed), dev@1 (one file): 7 blobs, all sealed to `old`. */
const SNAPSHOTS: Array<[string, Record<string, string>]> = [
  [
    "prod",
    {
      "a.yaml": "a: 1\n",
      "b.yaml": "b: 1\n",
      "c.yaml": "c: 1\n",
      ".env": "K=1\n",
      "d.yaml": "d\n",
    },
  ],
  [
    "prod",
    {
      "a.yaml": "a: 2\n",
      "b.yaml": "b: 1\n",
      "c.yaml": "c: 1\n",
      ".env": "K=1\n",
      "d.yaml": "d\n",
    },
  ],
  ["dev", { "a.yaml": "dev: 1\n" }],
];
const BLOBS = 7;
const SPECS = [
  ["prod", 1],
  ["prod", 2],
  ["dev", 1],
] as const;

describe("snapgate rekey on a GitHub store (sandbox): batches of constant commits", () => {
  const work = tempDir("snapgate-ghrekey-");
  let keys: TestKeys;
  let next: AgeKeyPair;
  let nextOpener: BlobOpener;
  const repos: BackupRepo[] = [];

  beforeAll(async () => {
    keys = await makeKeys();
    next = generateAgeKeyPair(await loadSodium());
    nextOpener = await BlobOpener.create(parseIdentities(next.identity, "test"));
    writeFileSync(join(work, "old.txt"), formatIdentityFile(keys.age, new Date()), { mode: 0o600 });
    writeFileSync(join(work, "new.txt"), formatIdentityFile(next, new Date()), { mode: 0o600 });
    writeFileSync(join(work, "writer.key"), `${keys.writerText}\n`, { mode: 0o600 });
  });
  afterEach(() => {
    for (const repo of repos) repo.gh.assertClean();
  });
  afterAll(async () => {
    for (const repo of repos) await repo.gh.close();
  });

  /** A backup repository holding SNAPSHOTS (one sandbox, a repository per test). */
  const seeded = async (name: string): Promise<BackupRepo> => {
    const backup = repos[0]
      ? await addBackupRepo(repos[0], name)
      : await startBackupRepo({ repo: name });
    if (!repos[0]) repos.push(backup);
    const root = join(work, name);
    for (const [stream, files] of SNAPSHOTS) {
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
      await createSnapshot({
        store: backup.store,
        root,
        paths: Object.keys(files),
        stream,
        phase: "manual",
        recipients: [keys.age.recipient],
        writerKey: keys.writer,
      });
    }
    return backup;
  };
  const options = (store: GitHubStore): RekeyOptions => ({
    store,
    identities: parseIdentities(keys.age.identity, "test"),
    recipients: [next.recipient],
    writerKey: keys.writer,
    batchSize: 3,
  });
  const blobFiles = async (backup: BackupRepo) =>
    (
      await git(
        ["ls-tree", "-r", "--name-only", "main", "blobs/"],
        backup.gh.repoPath(backup.owner, backup.repo),
      )
    )
      .trim()
      .split("\n")
      .filter((line) => line.endsWith(".age"));
  const recordFiles = async (backup: BackupRepo) =>
    (
      await git(
        ["ls-tree", "-r", "--name-only", "main", "rewraps/"],
        backup.gh.repoPath(backup.owner, backup.repo),
      )
    )
      .trim()
      .split("\n")
      .filter((line) => line.endsWith(".json"));
  /** Restores every snapshot with only `opener`; throws what the first failure threw. */
  const restoreAll = async (backup: BackupRepo, opener: BlobOpener, tag: string) => {
    for (const [stream, seq] of SPECS) {
      const entry = (await readCatalog(backup.store, stream)).find((e) => e.seq === seq)!;
      const target = join(work, `out-${backup.repo}-${tag}-${stream}-${seq}`);
      await restoreSnapshot({
        store: backup.store,
        snapshot: await loadSnapshot(backup.store, entry),
        opener,
        trustedKeys: [keys.verifyKey],
        target,
      });
      const files = SNAPSHOTS.filter(([s]) => s === stream)[seq - 1]![1];
      for (const [path, content] of Object.entries(files))
        expect(readFileSync(join(target, path), "utf8")).toBe(content);
    }
  };
  /** The gate's facts of prod by listing (as the app) and by reading blobs (as the CLI), and the API calls of each. */
  const gateReads = async (backup: BackupRepo) => {
    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:\n  recipients: [${next.recipient}]\n  writers:\n    - key: ${keys.verifyKey}\ntiers:\n  tier1: { max_age: 24h, approvals: 1 }\nenvironments:\n  prod: { tier: tier1, release_branches: [main] }\n`,
      }),
    );
    const reads = [];
    for (const blobs of ["list", "read"] as const) {
      backup.gh.resetLog();
      const facts = await gatherGateFacts(backup.store, policy, "prod", new Date(), {
        chain: "catalog",
        blobs,
      });
      reads.push({ missing: facts.snapshot?.missingBlobs, calls: backup.gh.callCounts() });
    }
    return reads;
  };
  const expectNewIdentityOnly = async (backup: BackupRepo, tag: string) => {
    await restoreAll(backup, nextOpener, tag);
    const refused = await restoreAll(backup, keys.opener, `${tag}-old`).catch(
      (error: unknown) => error,
    );
    expect(isSnapgateError(refused, "WRONG_KEY")).toBe(true);
  };

  it("re-wraps 7 blobs in batches of 3: per batch 2 commits and the same API calls; then only the new identity restores", async () => {
    const backup = await seeded("rekey-batches");
    const repoPath = backup.gh.repoPath(backup.owner, backup.repo);
    const before = await blobFiles(backup);
    expect(before).toHaveLength(BLOBS);
    const commitsBefore = Number((await git(["rev-list", "--count", "main"], repoPath)).trim());
    const gateBefore = await gateReads(backup);
    expect(gateBefore.map((g) => g.calls)).toEqual([{ graphql: 2 }, { graphql: 3 }]);
    backup.gh.resetLog();
    const atBatch: Array<Record<string, number>> = [];
    const result = await rekeyStore({
      ...options(backup.store),
      onProgress: () => atBatch.push(backup.gh.callCounts()),
    });
    expect(result.skipped).toEqual([]);
    expect(result.batches).toBe(3);
    expect(result.blobs.map((b) => b.state)).toEqual(Array(BLOBS).fill("rewrapped"));
    // Batches 2 and 3 (3 blobs, then 1) cost exactly the same: the old blobs read (1 query),
    // the write state and the records' absence (2), one commit of the new blobs and records,
    // the new blobs read back (1), the write state (1) and one commit that deletes the old ones.
    const diff = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(Object.keys(b).map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)]));
    const perBatch = {
      graphql: 5,
      "git/create-tree": 2,
      "git/create-commit": 2,
      "git/update-ref": 2,
    };
    expect(atBatch).toHaveLength(3);
    expect(diff(atBatch[0]!, atBatch[1]!)).toEqual(perBatch);
    expect(diff(atBatch[1]!, atBatch[2]!)).toEqual(perBatch);
    // Batch 1 also paid for the scan: the store check, streams, each stream's manifest list,
    // manifests (one query) and nodes, the blob listing and the rewraps/ listing.
    expect(diff({}, atBatch[0]!)).toMatchObject({
      "git/create-tree": 2,
      "git/create-commit": 2,
      "git/update-ref": 2,
    });

    const log = (await git(["log", "--format=%s", `-${3 * 2}`, "main"], repoPath))
      .trim()
      .split("\n");
    expect(log).toEqual([
      "snapgate: prune 1 blob(s)",
      "snapgate: rekey 1 blob(s)",
      "snapgate: prune 3 blob(s)",
      "snapgate: rekey 3 blob(s)",
      "snapgate: prune 3 blob(s)",
      "snapgate: rekey 3 blob(s)",
    ]);
    expect(Number((await git(["rev-list", "--count", "main"], repoPath)).trim())).toBe(
      commitsBefore + 6,
    );
    const after = await blobFiles(backup);
    expect(after).toHaveLength(BLOBS);
    expect(after.filter((file) => before.includes(file))).toEqual([]);
    expect(await recordFiles(backup)).toHaveLength(BLOBS);

    await expectNewIdentityOnly(backup, "batches");
    // The gate follows the records: nothing missing. By listing (the app's check run) it reads
    // the missing blobs' records in one more query; by reading blobs, the records and then the
    // blobs they lead to, one query each per window of 100.
    const gateAfter = await gateReads(backup);
    expect(gateAfter.map((g) => g.missing)).toEqual([[], []]);
    expect(gateAfter.map((g) => g.calls)).toEqual([{ graphql: 3 }, { graphql: 5 }]);
    // verify: with the new identity every blob decrypts; the old one is told where they went.
    const ids = new Map<string, string>();
    for (const [stream] of SPECS)
      for (const entry of await readCatalog(backup.store, stream))
        ids.set(`${stream}@${entry.seq}`, entry.id);
    const snapshots = SPECS.map(([stream, seq]) => ({
      stream,
      seq,
      id: ids.get(`${stream}@${seq}`)!,
    }));
    const withNew = await verifySnapshots({
      store: backup.store,
      snapshots,
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: nextOpener,
    });
    expect(withNew.snapshots.flatMap((v) => v.problems)).toEqual([]);
    expect(withNew.blobsChecked).toBe(BLOBS);
    const withOld = await verifySnapshots({
      store: backup.store,
      snapshots: snapshots.slice(0, 1),
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: keys.opener,
    });
    const problems = withOld.snapshots[0]!.problems;
    expect(problems.map((p) => p.kind)).toEqual(Array(5).fill("rewrapped"));
    expect(problems[0]!.message).toContain(
      `to recipient set ${result.recipientSet} (${next.recipient}); ${keys.age.recipient} is not in it.`,
    );
    expect(problems[0]!.fix).toContain(
      `Verify or restore with the identity of one of ${next.recipient}.`,
    );
    // The old ciphertext is still in the repository's history, and the old identity opens it
    // (what docs/runbooks/rotate-recipients.md warns about): only destroying it removes access.
    const oldBlob = before[0]!;
    const historic = join(work, "historic.age");
    writeFileSync(historic, await git(["show", `main~6:${oldBlob}`], repoPath));
    await expect(run("age", ["-d", "-i", join(work, "old.txt"), historic])).resolves.toBeTruthy();

    // Run again: everything is current, nothing is committed.
    const head = (await git(["rev-parse", "main"], repoPath)).trim();
    const again = await rekeyStore(options(backup.store));
    expect(again.blobs.map((b) => b.state)).toEqual(Array(BLOBS).fill("current"));
    expect((await git(["rev-parse", "main"], repoPath)).trim()).toBe(head);
  });

  it("stopped between a batch's two commits, a second run retires what the first wrote: nothing lost or written twice", async () => {
    const backup = await seeded("rekey-killed");
    let seen = 0;
    await expect(
      rekeyStore({
        ...options(backup.store),
        // The 4th blob is the first of batch 2: its new blobs and records are committed.
        onStep: (step) => {
          if (step === "recorded" && ++seen === 4) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    // In between: batch 2's old and new blobs both exist, and every snapshot still restores.
    expect(await blobFiles(backup)).toHaveLength(BLOBS + 3);
    const both = await BlobOpener.create([
      ...parseIdentities(keys.age.identity, "test"),
      ...parseIdentities(next.identity, "test"),
    ]);
    await restoreAll(backup, both, "between");

    const second = await rekeyStore(options(backup.store));
    expect(second.skipped).toEqual([]);
    expect(second.blobs.map((b) => b.state).sort()).toEqual(
      [...Array(3).fill("current"), ...Array(3).fill("resumed"), "rewrapped"].sort(),
    );
    expect(await blobFiles(backup)).toHaveLength(BLOBS);
    expect(await recordFiles(backup)).toHaveLength(BLOBS);
    await expectNewIdentityOnly(backup, "killed");
  });

  it("GitHub failing the retirement commit (502s) stops the run; the CLI run again finishes, with progress on stderr and --json", async () => {
    const backup = await seeded("rekey-502");
    let injected = false;
    const failed = await rekeyStore({
      ...options(backup.store),
      onStep: (step) => {
        // Once batch 1's new blobs and records are committed, its deletion commit fails every try.
        if (step === "recorded" && !injected) {
          injected = true;
          backup.gh.faults.inject({ route: "git/create-commit", status: 502, times: 5 });
        }
      },
    }).catch((error: unknown) => error);
    expect(isSnapgateError(failed)).toBe(true);
    expect(await blobFiles(backup)).toHaveLength(BLOBS + 3);

    const env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    const cli = await runCli(
      [
        "rekey",
        "--store",
        `github://${backup.owner}/${backup.repo}`,
        "--identity",
        "old.txt",
        "--recipient",
        next.recipient,
        "--writer-key",
        "writer.key",
        "--batch-size",
        "2",
        "--json",
      ],
      { cwd: work, env },
    );
    expect({ code: cli.code, stderr: cli.stderr }).toEqual({
      code: 0,
      stderr:
        "rekey: finished an interrupted run's blobs (3/7)\n" +
        "rekey: batch 1/2 done (5/7 blobs)\n" +
        "rekey: batch 2/2 done (7/7 blobs)\n",
    });
    expect(cli.json()).toMatchObject({ batchSize: 2, batches: 2, skipped: [] });
    expect(await blobFiles(backup)).toHaveLength(BLOBS);
    expect(await recordFiles(backup)).toHaveLength(BLOBS);
    // Every blob on the branch is sealed to the new set (its name says so); the first two tests
    // restore what such a run leaves.
    const { recipientSet } = cli.json() as { recipientSet: string };
    expect(
      (await blobFiles(backup)).filter(
        (f) => !new RegExp(`-${recipientSet}(\\.gz)?\\.age$`).test(f),
      ),
    ).toEqual([]);

    const bad = await runCli(
      [
        "rekey",
        "--store",
        "x",
        "--identity",
        "old.txt",
        "--recipient",
        next.recipient,
        "--batch-size",
        "0",
      ],
      { cwd: work, env },
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--batch-size '0' is not a number of blobs.");
  });
});
