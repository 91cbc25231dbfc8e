import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { CreateSnapshotOptions } from "../../../core/snapshot/create-snapshot.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { verifyAuditLog } from "../../../core/audit/verify-audit-log.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { StatCache } from "../../../core/snapshot/stat-cache.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { auditPath, catalogPath, type Store } from "../../../core/store/store.js";
import type { GitHubClient } from "../../../core/github/github-client.js";
import { GitHubStore } from "../../../core/store/github-store.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotTree } from "../../helpers/snapshot-tree.js";
import { storeThatLosesOneRace } from "../../helpers/store-that-loses-one-race.js";
import { tempDir } from "../../helpers/temp-dir.js";

const run = promisify(execFile);
const git = async (args: string[], cwd?: string) => (await run("git", args, { cwd })).stdout;

describe("GitHub store on the sandbox", () => {
  const work = tempDir("snapgate-ghstore-");
  let backup: BackupRepo;
  let keys: TestKeys;

  beforeAll(async () => {
    backup = await startBackupRepo();
    keys = await makeKeys();
    writeFileSync(join(work, "identity.txt"), keys.age.identity + "\n");
  });
  afterEach(() => {
    backup.gh.assertClean();
    backup.gh.resetLog();
  });
  afterAll(() => backup.gh.close());

  const tree = (name: string, files: Record<string, string>) => {
    const root = join(work, name);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  };
  const snapshot = (
    store: Store,
    root: string,
    stream: string,
    extra: Partial<CreateSnapshotOptions> = {},
  ) => snapshotTree(store, root, keys, { stream, phase: "pre", ...extra });
  const clone = async () => {
    const target = join(work, `clone-${Date.now()}-${Math.random().toString(16).slice(2)}`);
    await git(["clone", "--quiet", backup.gh.repoPath(backup.owner, backup.repo), target]);
    return target;
  };

  it("creates the store in an empty repository and commits one snapshot as one commit", async () => {
    const root = tree("first", {
      "deploy/app.yaml": "replicas: 3\n",
      "deploy/.env": "TOKEN=secret-value\n",
    });
    const result = await snapshot(backup.store, root, "prod");
    expect(result).toMatchObject({ seq: 1, newBlobs: 2 });
    const clone1 = await clone();
    const log = (await git(["log", "--format=%s"], clone1)).trim().split("\n");
    expect(log).toEqual([
      `snapgate: snapshot prod@1 ${result.id?.slice(0, 12)}`,
      "snapgate: initialise the backup store",
    ]);
    const files = (await git(["show", "--name-only", "--format=", "HEAD"], clone1))
      .trim()
      .split("\n")
      .sort();
    expect(files).toEqual(
      [
        ...result.manifest!.files.flatMap((f) =>
          f.type === "file"
            ? [
                `blobs/${f.blob.slice(0, 2)}/${f.blob}-${f.ciphertextSha256}-${f.recipientSet}${f.encoding === "gzip" ? ".gz" : ""}.age`,
              ]
            : [],
        ),
        "manifests/prod/0000000001.json",
        // The root's nodes (format v2): plain JSON, named by their sha256.
        ...(result.manifest!.nodes ?? []).map((id) => `nodes/${id.slice(0, 2)}/${id}.json`),
        "heads/prod.json",
        `catalog/prod/${result.manifest!.writtenAt.slice(0, 7)}.jsonl`,
        `audit/${result.manifest!.writtenAt.slice(0, 4)}/${result.manifest!.writtenAt.slice(5, 7)}.jsonl`,
        "audit/head.json",
      ].sort(),
    );
    // No plaintext in the repository, and a blob is a plain (armored) age file: break-glass works.
    await expect(git(["grep", "-q", "secret-value"], clone1)).rejects.toBeTruthy();
    const env = result.manifest!.files.find((f) => f.path === "deploy/.env");
    if (env?.type !== "file") throw new Error("no .env");
    const blobFile = join(
      clone1,
      `blobs/${env.blob.slice(0, 2)}/${env.blob}-${env.ciphertextSha256}-${env.recipientSet}.age`,
    );
    expect(readFileSync(blobFile, "utf8")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    const plain = await run("age", ["-d", "-i", join(work, "identity.txt"), blobFile]);
    expect(plain.stdout).toBe("TOKEN=secret-value\n");
  });

  it("costs the same few API calls for 1 file and for 2,000 files", async () => {
    const small = tree("one-file", { "app.yaml": "a: 1\n" });
    const many = tree(
      "many-files",
      Object.fromEntries(
        Array.from({ length: 2000 }, (_, i) => [
          `k8s/svc-${i % 40}/cm-${i}.yaml`,
          `key: value-${i}\n`,
        ]),
      ),
    );
    backup.gh.resetLog();
    await snapshot(backup.store, small, "calls-one");
    const one = backup.gh.callCounts();
    backup.gh.resetLog();
    await snapshot(backup.store, many, "calls-many");
    const thousands = backup.gh.callCounts();
    expect(one).toEqual({
      graphql: 1,
      "git/create-tree": 1,
      "git/create-commit": 1,
      "git/update-ref": 1,
    });
    expect(thousands).toEqual(one);
  });

  it("with --skip-unchanged, an unchanged tree costs 3 reads and writes nothing", async () => {
    const root = tree("skip", { "a.yaml": "a: 1\n", "b.yaml": "b: 2\n" });
    await snapshot(backup.store, root, "skip", { skipUnchanged: true });
    backup.gh.resetLog();
    const again = await snapshot(backup.store, root, "skip", { skipUnchanged: true });
    expect(again.skipped).toBe(true);
    // The write state, the head's root, and its nodes (one query per 100 nodes; here one).
    expect(backup.gh.callCounts()).toEqual({ graphql: 3 });
  });

  it("never sends an unchanged blob again: the commit of a 1-file change touches one blob", async () => {
    const root = tree(
      "incremental",
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.yaml`, `v: ${i}\n`])),
    );
    await snapshot(backup.store, root, "incr");
    writeFileSync(join(root, "f7.yaml"), "v: changed\n");
    backup.gh.resetLog();
    const second = await snapshot(backup.store, root, "incr", { skipUnchanged: true });
    expect(second).toMatchObject({ seq: 2, newBlobs: 1, reusedBlobs: 49 });
    // --skip-unchanged reads the head's root and its nodes (one query per 100 nodes).
    expect(backup.gh.callCounts()).toEqual({
      graphql: 3,
      "git/create-tree": 1,
      "git/create-commit": 1,
      "git/update-ref": 1,
    });
    const changed = (await git(["show", "--name-only", "--format=", "HEAD"], await clone()))
      .trim()
      .split("\n");
    expect(changed.filter((path) => path.startsWith("blobs/"))).toHaveLength(1);
  });

  it("sends content that cannot go inline through the blobs API", async () => {
    const big = randomBytes(700 * 1024);
    const root = tree("large", { "small.yaml": "a: 1\n" });
    writeFileSync(join(root, "keystore.p12"), big);
    backup.gh.resetLog();
    const result = await snapshot(backup.store, root, "large");
    expect(backup.gh.callCounts()).toMatchObject({ "git/create-blob": 1, "git/create-tree": 1 });
    const restored = join(work, "large-restored");
    await restoreSnapshot({
      store: backup.store,
      snapshot: await loadSnapshot(backup.store, (await readCatalog(backup.store, "large"))[0]!),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target: restored,
    });
    expect(readFileSync(join(restored, "keystore.p12")).equals(big)).toBe(true);
    // small.yaml's content is already stored by an earlier stream: deduplicated across environments.
    expect(result).toMatchObject({ newBlobs: 1, reusedBlobs: 1 });
  });

  it("10 writers at once all land, and the chain and audit log stay valid", async () => {
    const roots = Array.from({ length: 10 }, (_, i) =>
      tree(`writer${i}`, { "shared.yaml": "shared: true\n", "own.yaml": `writer: ${i}\n` }),
    );
    const results = await Promise.all(
      roots.map((root) => snapshot(backup.newStore(), root, "race")),
    );
    expect(results.map((r) => r.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(Math.max(...results.map((r) => r.attempts))).toBeGreaterThan(1);
    const catalog = await readCatalog(backup.store, "race");
    const report = await verifySnapshots({
      store: backup.store,
      snapshots: catalog,
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: keys.opener,
    });
    expect(report.ok).toBe(true);
    expect(verifyAuditChain(await backup.store.readAuditLines()).problems).toEqual([]);
    // The whole log verifies: head.json, committed with the racing writers' events, names the last one.
    const audit = await verifyAuditLog(backup.store);
    expect(audit).toMatchObject({ ok: true, problems: [] });
    expect(audit.recordedHead).toEqual(audit.head);
    expect(audit.snapshotsChecked).toBeGreaterThanOrEqual(catalog.length);
  });

  it("a packed snapshot that loses its commit race lands with the packs it staged, and restores", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 48; i++)
      files[`k8s/cm-${i}.yaml`] = `key: race-pack-${i}\n`.repeat(1 + (i % 7));
    const root = tree("race-packs", files);
    // Another writer takes a snapshot between this snapshot's view and its commit.
    const other = tree("race-packs-winner", { "winner.yaml": "winner: true\n" });
    const { racing, winner } = storeThatLosesOneRace(
      backup.newStore(),
      keys,
      "race-packs",
      async () => (await snapshot(backup.newStore(), other, "race-packs")).id ?? "",
    );
    const result = await snapshot(racing, root, "race-packs");
    expect(result).toMatchObject({ attempts: 2, seq: 2, previousId: winner() });
    const entries = result.manifest?.files ?? [];
    expect(entries.every((file) => file.type === "file" && file.pack)).toBe(true);
    // Each content sealed once: the retry reused the packs the first attempt staged.
    const contents = new Set(entries.map((file) => (file.type === "file" ? file.blob : "")));
    expect(result).toMatchObject({ newBlobs: contents.size, reusedBlobs: 0 });
    const packs = new Set(entries.map((file) => (file.type === "file" ? file.pack?.blob : "")));
    const stored = (await backup.store.listBlobs()).filter((blob) => packs.has(blob.id));
    expect(stored).toHaveLength(packs.size);

    const restored = join(work, "race-packs-restored");
    const [, latest] = await readCatalog(backup.store, "race-packs");
    await restoreSnapshot({
      store: backup.store,
      snapshot: await loadSnapshot(backup.store, latest!),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target: restored,
    });
    for (const [path, text] of Object.entries(files))
      expect(readFileSync(join(restored, path), "utf8")).toBe(text);
  });

  it("a snapshot begun in one month and written in the next starts that month's catalog and audit files afresh", async () => {
    const root = tree("month-edge", { "a.yaml": "a: 1\n" });
    const first = await snapshot(backup.store, root, "month-edge");
    writeFileSync(join(root, "a.yaml"), "a: 2\n");
    // The store reads its state now; the snapshot is written in the first second of next month.
    const real = new Date();
    const next = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth() + 1, 1, 0, 0, 1));
    const second = await snapshot(backup.store, root, "month-edge", { now: () => next });
    expect([first.seq, second.seq]).toEqual([1, 2]);

    const clone1 = await clone();
    const lines = (path: string) =>
      readFileSync(join(clone1, path), "utf8").trim().split("\n").filter(Boolean);
    // Only the second snapshot's line: this month's lines are not copied into next month's file.
    expect(lines(catalogPath("month-edge", real))).toHaveLength(1);
    const nextLines = lines(catalogPath("month-edge", next));
    expect(nextLines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([2]);
    expect((await readCatalog(backup.store, "month-edge")).map((entry) => entry.seq)).toEqual([
      1, 2,
    ]);
    const auditNext = lines(auditPath(next));
    const auditNow = lines(auditPath(real));
    expect(auditNext.every((line) => !auditNow.includes(line))).toBe(true);
    expect(verifyAuditChain(await backup.store.readAuditLines()).problems).toEqual([]);
    expect(await verifyAuditLog(backup.store)).toMatchObject({ ok: true, problems: [] });
  });

  it("rebases and retries when another writer moves the branch before the ref update", async () => {
    const root = tree("moved", { "a.yaml": "a: 1\n" });
    backup.gh.faults.inject({ route: "git/update-ref", concurrentRefMove: true });
    const result = await snapshot(backup.store, root, "moved");
    expect(result.attempts).toBe(2);
    const counts = backup.gh.callCounts();
    expect(counts["git/update-ref"]).toBe(2);
    // The other writer's commit survives under ours.
    const clone1 = await clone();
    expect((await git(["log", "--format=%s", "-2"], clone1)).trim().split("\n")[0]).toContain(
      "snapshot moved@1",
    );
    expect(Number((await git(["rev-list", "--count", "HEAD"], clone1)).trim())).toBeGreaterThan(2);
  });

  it("rides out 5xx and a secondary rate limit", async () => {
    const root = tree("flaky", { "a.yaml": "a: 1\n" });
    backup.gh.faults.inject({ route: "git/create-tree", status: 502, times: 2 });
    backup.gh.faults.inject({
      route: "graphql",
      rateLimit: "secondary",
      rateLimitStatus: 429,
      retryAfterSeconds: 2,
    });
    const result = await snapshot(backup.store, root, "flaky");
    expect(result.seq).toBe(1);
    expect(backup.gh.requests.filter((r) => r.fault).length).toBe(3);
  });

  it("a permanent failure leaves the repository unchanged and says so", async () => {
    const root = tree("broken", { "a.yaml": "a: 1\n" });
    const before = (
      await git(["rev-parse", "main"], backup.gh.repoPath(backup.owner, backup.repo))
    ).trim();
    backup.gh.faults.inject({ route: "git/create-commit", status: 503, times: 5 });
    const error = await snapshot(backup.store, root, "broken").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "REMOTE" });
    expect((error as Error).message).toContain(
      `Nothing was changed in github://${backup.owner}/${backup.repo}@main`,
    );
    expect(
      (await git(["rev-parse", "main"], backup.gh.repoPath(backup.owner, backup.repo))).trim(),
    ).toBe(before);
  });

  describe("a write that lands but whose answer is lost", () => {
    const repoPath = () => backup.gh.repoPath(backup.owner, backup.repo);
    /** The snapshot commits of a stream on the branch, newest first. */
    const snapshotCommits = async (stream: string) =>
      (await git(["log", "--format=%s", "main"], repoPath()))
        .split("\n")
        .filter((subject) => subject.startsWith(`snapgate: snapshot ${stream}@`));
    const expectOneSnapshot = async (stream: string, result: { seq: number | null }) => {
      expect(result.seq).toBe(1);
      expect(await snapshotCommits(stream)).toEqual([expect.stringContaining(`${stream}@1 `)]);
      expect((await readCatalog(backup.store, stream)).map((entry) => entry.seq)).toEqual([1]);
      expect(await backup.store.listManifestSeqs(stream)).toEqual([1]);
    };

    it("a ref update that lands and answers 502 every time is a commit, not a failure", async () => {
      const root = tree("lost-502", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({
        route: "git/update-ref",
        status: 502,
        afterHandling: true,
        times: 5,
      });
      const result = await snapshot(backup.store, root, "lost-502");
      expect(result.attempts).toBe(1);
      await expectOneSnapshot("lost-502", result);
    });

    it("a landed ref update answered 502, retried after another writer moved on, is not written twice", async () => {
      const root = tree("lost-then-moved", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({ route: "git/update-ref", status: 502, afterHandling: true });
      backup.gh.faults.inject({ route: "git/update-ref", concurrentRefMove: true });
      const result = await snapshot(backup.store, root, "lost-then-moved");
      await expectOneSnapshot("lost-then-moved", result);
      // The retried update met the other writer's commit on top of ours: a 422 the store saw through.
      expect(
        backup.gh.requests.filter((r) => r.operationId === "git/update-ref").map((r) => r.status),
      ).toEqual([502, 422]);
    });

    it("a landed ref update whose connection drops, then meets another writer, is not written twice", async () => {
      const root = tree("lost-dropped", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({ route: "git/update-ref", drop: true, afterHandling: true });
      backup.gh.faults.inject({ route: "git/update-ref", concurrentRefMove: true });
      const result = await snapshot(backup.store, root, "lost-dropped");
      await expectOneSnapshot("lost-dropped", result);
    });

    it("a landed ref update whose connection drops on every attempt is a commit", async () => {
      const root = tree("lost-dropped-always", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({
        route: "git/update-ref",
        drop: true,
        afterHandling: true,
        // Every attempt: a failed connection is tried three times in all (core/github/github-client.ts).
        times: 3,
      });
      const result = await snapshot(backup.store, root, "lost-dropped-always");
      await expectOneSnapshot("lost-dropped-always", result);
    });

    it("a create-commit that lands and answers 502, or drops, is retried into one snapshot", async () => {
      const root = tree("lost-commit", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({ route: "git/create-commit", status: 502, afterHandling: true });
      backup.gh.faults.inject({ route: "git/create-commit", drop: true, afterHandling: true });
      const result = await snapshot(backup.store, root, "lost-commit");
      expect(result.attempts).toBe(1);
      await expectOneSnapshot("lost-commit", result);
      // Both lost answers were retried (by plugin-retry and by the brief connection retry),
      // and only one of the commits they made became the branch's.
      expect(backup.gh.countCalls("git/create-commit")).toBeGreaterThanOrEqual(3);
      expect(backup.gh.countCalls("git/update-ref")).toBe(1);
    });

    it("records whose landed commit is answered 502 and then raced are written once, without a conflict", async () => {
      backup.gh.faults.inject({ route: "git/update-ref", status: 502, afterHandling: true });
      backup.gh.faults.inject({ route: "git/update-ref", concurrentRefMove: true });
      const record = { path: "requests/lost/r1.json", bytes: new TextEncoder().encode("{}\n") };
      await backup.store.writeRecords([record]);
      expect(await backup.store.listRecords("requests/lost")).toEqual([record.path]);
      expect(
        (await git(["log", "--format=%s", "main"], repoPath()))
          .split("\n")
          .filter((subject) => subject === `snapgate: record ${record.path}`),
      ).toHaveLength(1);
    });

    it("a store initialised by a contents write that lands and answers 502 is created once", async () => {
      const empty = await startBackupRepo({ repo: "init-lost" });
      try {
        empty.gh.faults.inject({
          route: "repos/create-or-update-file-contents",
          status: 502,
          afterHandling: true,
        });
        const root = tree("init-lost", { "a.yaml": "a: 1\n" });
        const result = await snapshot(empty.store, root, "prod");
        expect(result.seq).toBe(1);
        const subjects = (
          await git(["log", "--format=%s", "main"], empty.gh.repoPath(empty.owner, empty.repo))
        )
          .trim()
          .split("\n");
        expect(subjects).toEqual([
          expect.stringContaining("snapgate: snapshot prod@1 "),
          "snapgate: initialise the backup store",
        ]);
        empty.gh.assertClean();
      } finally {
        await empty.gh.close();
      }
    });

    it("when the outcome cannot be read back, the error does not claim nothing changed", async () => {
      const root = tree("lost-unknown", { "a.yaml": "a: 1\n" });
      backup.gh.faults.inject({
        route: "git/update-ref",
        status: 502,
        afterHandling: true,
        times: 5,
      });
      // GitHub is down for reads too from the ref update on: the read-back and its retries fail.
      const { client } = backup;
      const failingReads: GitHubClient = {
        ...client,
        rest: {
          ...client.rest,
          git: {
            ...client.rest.git,
            updateRef: ((params: Parameters<GitHubClient["rest"]["git"]["updateRef"]>[0]) => {
              backup.gh.faults.inject({ route: "graphql", status: 502, times: 5 });
              return client.rest.git.updateRef(params);
            }) as GitHubClient["rest"]["git"]["updateRef"],
          },
        },
      };
      const store = new GitHubStore(failingReads, {
        owner: backup.owner,
        repo: backup.repo,
        branch: "main",
      });
      const error = await snapshot(store, root, "lost-unknown").catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "REMOTE" });
      expect((error as Error).message).not.toContain("Nothing was changed");
      expect((error as Error).message).toContain("may have landed");
      // It did land: a later read sees it.
      expect((await readCatalog(backup.store, "lost-unknown")).map((entry) => entry.seq)).toEqual([
        1,
      ]);
    });
  });

  it("refuses a file over 100 MB before anything is written", async () => {
    const root = tree("huge", { "a.yaml": "a: 1\n" });
    const fd = join(root, "dump.bin");
    writeFileSync(fd, "");
    await run("truncate", ["-s", "101M", fd]);
    const repoPath = backup.gh.repoPath(backup.owner, backup.repo);
    const before = (await git(["rev-parse", "main"], repoPath)).trim();
    backup.gh.resetLog();
    await expect(snapshot(backup.store, root, "huge")).rejects.toMatchObject({ code: "TOO_LARGE" });
    // The stream head may be read first (one GraphQL query); no blob, tree, commit or ref is sent.
    expect(
      backup.gh.requests.filter((r) => r.method !== "GET" && r.operationId !== "graphql"),
    ).toEqual([]);
    expect(backup.gh.requests.length).toBeLessThanOrEqual(1);
    expect((await git(["rev-parse", "main"], repoPath)).trim()).toBe(before);
  });

  it("restores and verifies with about one read per 100 files", async () => {
    const root = tree(
      "bulk",
      Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`conf/${i}.yaml`, `n: ${i}\n`])),
    );
    await snapshot(backup.store, root, "bulk");
    const entry = (await readCatalog(backup.store, "bulk"))[0]!;
    backup.gh.resetLog();
    const loaded = await loadSnapshot(backup.store, entry);
    const result = await restoreSnapshot({
      store: backup.store,
      snapshot: loaded,
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target: join(work, "bulk-restored"),
    });
    expect(result.files).toBe(250);
    expect(readFileSync(join(work, "bulk-restored/conf/42.yaml"), "utf8")).toBe("n: 42\n");
    // The root, its nodes (one query per 100 nodes: here 1), one blob listing (every blob is
    // there before anything is decrypted), a read per window.
    const nodes = new Set(loaded.manifest.nodes).size;
    expect(nodes).toBeLessThanOrEqual(100);
    expect(backup.gh.countCalls("graphql")).toBeLessThanOrEqual(3 + Math.ceil(250 / 100));
  });
});

describe("the release gate's reads of a GitHub store", () => {
  const work = tempDir("snapgate-ghgate-");
  let backup: BackupRepo;
  let keys: TestKeys;

  beforeAll(async () => {
    backup = await startBackupRepo({ repo: "gate-backups" });
    keys = await makeKeys();
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("gathers the gate's facts in two reads, whatever the chain's length", async () => {
    const root = join(work, "tree");
    mkdirSync(root, { recursive: true });
    for (let i = 1; i <= 6; i++) {
      writeFileSync(join(root, "app.yaml"), `version: ${i}\n`);
      await snapshotTree(backup.store, root, keys);
    }
    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:\n  recipients: [${keys.age.recipient}]\n  writers:\n    - key: ${keys.verifyKey}\ntiers:\n  tier1: { max_age: 24h, approvals: 1 }\nenvironments:\n  prod: { tier: tier1, release_branches: [main] }\n`,
      }),
    );
    backup.gh.resetLog();
    const facts = await gatherGateFacts(backup.store, policy, "prod", new Date(), {
      chain: "catalog",
      blobs: "list",
    });
    // The stream index (with the head pointer, which names the head root's nodes), then the
    // root and those nodes in one query.
    expect(backup.gh.callCounts()).toEqual({ graphql: 2 });
    expect(facts.snapshot).toMatchObject({
      seq: 6,
      signature: { state: "ok" },
      chain: { state: "ok" },
      missingBlobs: [],
    });
  });
});

describe("a 2,000-file environment on a GitHub store, 1% changed per snapshot", () => {
  const work = tempDir("snapgate-ghnodes-");
  let backup: BackupRepo;
  let keys: TestKeys;

  beforeAll(async () => {
    backup = await startBackupRepo({ repo: "node-backups" });
    keys = await makeKeys();
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  it("commits only the changed nodes in 5 calls, and the gate reads 1 + one query per 100 of root and nodes", async () => {
    const root = join(work, "tree");
    const path = (i: number) => join(root, `k8s/svc-${i % 40}/cm-${i}.yaml`);
    for (let i = 0; i < 2000; i++) {
      mkdirSync(join(path(i), ".."), { recursive: true });
      writeFileSync(path(i), `key: value-${i}\n`);
    }
    const cache = () => StatCache.open(join(work, "cache"), root, keys.writer.macKey);
    const take = (statCache?: StatCache) =>
      snapshotTree(backup.store, root, keys, statCache ? { statCache } : {});
    const first = await take(cache());
    // 2,000 new small files: sealed in packs (ADR 1114) of up to 64, ending where a member's
    // content id says (1 in 32): ~80 git blobs instead of 2,000.
    const packs = new Set(
      first.manifest!.files.map((file) => file.type === "file" && file.pack?.blob),
    );
    expect(packs.size).toBeGreaterThanOrEqual(Math.ceil(2000 / 64));
    expect(packs.size).toBeLessThan(2000 / 12);
    for (let i = 0; i < 2000; i += 100) writeFileSync(path(i), `key: changed-${i}\n`);
    backup.gh.resetLog();
    const second = await take(cache());
    // The write state and the head's root (its hash is the next prev): no node is read to write.
    // The stat cache says which packs hold the unchanged files; the listing confirms them.
    expect(backup.gh.callCounts()).toEqual({
      graphql: 2,
      "git/create-tree": 1,
      "git/create-commit": 1,
      "git/update-ref": 1,
    });
    expect(second.newBlobs).toBe(20);
    expect(second.reusedBlobs).toBe(1980);
    const repoPath = backup.gh.repoPath(backup.owner, backup.repo);
    const changed = (await git(["show", "--name-only", "--format=", "main"], repoPath))
      .trim()
      .split("\n");
    const nodeIds = new Set(second.manifest!.nodes);
    const newNodes = changed.filter((file) => file.startsWith("nodes/"));
    // One node per changed file at most; the other ~100 are the first snapshot's, reused by id.
    expect(newNodes.length).toBeGreaterThan(0);
    expect(newNodes.length).toBeLessThanOrEqual(20);
    expect(nodeIds.size).toBeGreaterThan(100);

    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:\n  recipients: [${keys.age.recipient}]\n  writers:\n    - key: ${keys.verifyKey}\ntiers:\n  tier1: { max_age: 24h, approvals: 1 }\nenvironments:\n  prod: { tier: tier1, release_branches: [main] }\n`,
      }),
    );
    backup.gh.resetLog();
    const facts = await gatherGateFacts(backup.store, policy, "prod", new Date(), {
      chain: "catalog",
      blobs: "list",
    });
    // The index (its head pointer names the nodes), then the root and every node (missing blobs
    // and recipients are per file), 100 files per query: 1 + 2 for ~125 nodes.
    expect(nodeIds.size).toBeGreaterThan(99);
    expect(backup.gh.callCounts()).toEqual({ graphql: 1 + Math.ceil((nodeIds.size + 1) / 100) });
    expect(facts.snapshot).toMatchObject({ seq: 2, signature: { state: "ok" }, missingBlobs: [] });

    // Without a stat cache (a fresh CI runner) the packs are found through the head's nodes:
    // one more query per 100 nodes, and still only the changed files are sealed.
    for (let i = 50; i < 2000; i += 100) writeFileSync(path(i), `key: changed-${i}\n`);
    backup.gh.resetLog();
    const third = await take();
    expect(backup.gh.callCounts()).toEqual({
      graphql: 2 + Math.ceil(nodeIds.size / 100),
      "git/create-tree": 1,
      "git/create-commit": 1,
      "git/update-ref": 1,
    });
    expect(third.newBlobs).toBe(20);
    expect(third.reusedBlobs).toBe(1980);
  });
});

describe("a GitHub store whose newest manifest was deleted or damaged by hand", () => {
  const work = tempDir("snapgate-ghdamage-");
  let backup: BackupRepo;
  let keys: TestKeys;

  beforeAll(async () => {
    backup = await startBackupRepo({ repo: "damaged-backups" });
    keys = await makeKeys();
  });
  afterEach(() => backup.gh.assertClean());
  afterAll(() => backup.gh.close());

  const repoPath = () => backup.gh.repoPath(backup.owner, backup.repo);
  const head = async () => (await git(["rev-parse", "main"], repoPath())).trim();
  /** Three snapshots of `stream`; returns the catalog shard they were written to. */
  const threeSnapshots = async (stream: string) => {
    const root = join(work, stream);
    mkdirSync(root, { recursive: true });
    for (let i = 1; i <= 3; i++) {
      writeFileSync(join(root, "app.yaml"), `version: ${i}\n`);
      await snapshotTree(backup.store, root, keys, { stream });
    }
    return (await git(["ls-tree", "--name-only", "main", `catalog/${stream}/`], repoPath())).trim();
  };
  /** Changes the backup repository as a person pushing by hand would (null deletes). */
  const damage = (files: Record<string, string | null>) =>
    backup.gh.commitFiles(backup.owner, backup.repo, "main", files, "edit by hand");
  const nextSnapshot = (stream: string) => {
    writeFileSync(join(work, stream, "app.yaml"), "version: 4\n");
    return snapshotTree(backup.store, join(work, stream), keys, { stream });
  };

  it("a deleted newest manifest is an integrity error for readers, the gate and the next snapshot, with or without its catalog line", async () => {
    const shard = await threeSnapshots("lost");
    const lines = (await git(["show", `main:${shard}`], repoPath())).trim().split("\n");
    const missing = "heads/lost.json names lost@3, but manifests/lost/0000000003.json is missing";
    await damage({ "manifests/lost/0000000003.json": null });
    for (const kept of [lines, lines.slice(0, 2)]) {
      await damage({ [shard]: kept.join("\n") + "\n" });
      const expected = {
        code: "INTEGRITY",
        summary: `${missing} from github://${backup.owner}/${backup.repo}@main: the newest snapshot was deleted.`,
      };
      // list, verify and restore read the catalog; the release gate reads the stream index.
      await expect(readCatalog(backup.store, "lost")).rejects.toMatchObject(expected);
      await expect(backup.store.readStreamIndex("lost")).rejects.toMatchObject(expected);
      const before = await head();
      const error = await nextSnapshot("lost").catch((caught: unknown) => caught);
      expect(error).toMatchObject(expected);
      expect((error as { fix: string }).fix).toContain(
        'Restore manifests/lost/ from a copy of the store. If lost@3 is lost for good, accept the loss: delete its catalog line(s) in catalog/lost/ and write {"seq":2} to heads/lost.json.',
      );
      expect(await head()).toBe(before);
    }
  });

  it("a newest manifest that is not JSON, or names another snapshot, is not chained onto", async () => {
    await threeSnapshots("junk");
    for (const [content, says] of [
      ["this is not json", "is not JSON"],
      [JSON.stringify({ stream: "junk", seq: 7 }), "says it is junk@7"],
    ] as const) {
      await damage({ "manifests/junk/0000000003.json": content });
      const before = await head();
      await expect(nextSnapshot("junk")).rejects.toMatchObject({
        code: "INTEGRITY",
        summary: `manifests/junk/0000000003.json, the newest manifest of junk in github://${backup.owner}/${backup.repo}@main, ${says}: a snapshot cannot chain onto it.`,
      });
      expect(await head()).toBe(before);
    }
  });

  it("a snapshot onto an intact head chains onto the manifest's own hash", async () => {
    await threeSnapshots("intact");
    const third = (await readCatalog(backup.store, "intact"))[2]!;
    const next = await nextSnapshot("intact");
    expect(next.manifest).toMatchObject({ seq: 4, prev: third.id });
  });
});
