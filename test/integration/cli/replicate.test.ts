import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { generateAgeKeyPair } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { SnapgateError } from "../../../core/errors.js";
import { replicateStore } from "../../../core/replicate/replicate-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { Store } from "../../../core/store/store.js";
import { countedStore as counted } from "../../helpers/counted-store.js";
import { replicationSource } from "../../helpers/replication-source.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotTree } from "../../helpers/snapshot-tree.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const root = tempDir("snapgate-replicate-");
let keys: TestKeys;
let recipient = "";
let counter = 0;

/** Every file of a local store by path -> sha256, without its own lock files and creation stamp. */
function treeOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = name.split("\\").join("/");
    if (path === "snapgate.json" || path.startsWith(".git")) continue;
    if (path === "locks/commit.lock" || path === "locks/prune-epoch") continue;
    if (!statSync(join(dir, name)).isFile()) continue;
    // A local store keeps nodes gzip'd, GitHub as plain JSON (ADR 1106): the same node either way.
    const bytes = readFileSync(join(dir, name));
    const node = /^nodes\/.*\.json\.gz$/.test(path);
    files[node ? path.slice(0, -".gz".length) : path] = createHash("sha256")
      .update(node ? gunzipSync(bytes) : bytes)
      .digest("hex");
  }
  return files;
}

/** A source store: two environments, four snapshots (v2, shared blobs), a verification record, a lock record, audit lines. */
async function sourceStore(): Promise<{ dir: string; store: LocalDirStore }> {
  const dir = join(root, `src${++counter}`);
  await replicationSource(dir, keys, { recipient, storeDir: "store" });
  return { dir, store: new LocalDirStore(join(dir, "store")) };
}

beforeAll(async () => {
  keys = await makeKeys();
  recipient = generateAgeKeyPair(await loadSodium()).recipient;
});

const replicate = async (
  from: Store,
  to: Store,
  extra: { stream?: string; blobBatch?: number } = {},
) =>
  replicateStore({
    from,
    to,
    sodium: await loadSodium(),
    trustedKeys: [keys.verifyKey],
    ...extra,
  });

describe("snapgate replicate between local stores", () => {
  it("copies everything the replica lacks, which then verifies; a second run writes nothing", async () => {
    const { dir, store } = await sourceStore();
    const target = join(dir, "replica");
    const first = await runCli(
      [
        "replicate",
        "--from",
        store.location,
        "--to",
        target,
        "--verify-key",
        keys.verifyKey,
        "--verify",
        "--json",
      ],
      { cwd: dir },
    );
    expect(first.stderr).toContain("replicate: snapshots 4/4");
    expect(first.code).toBe(0);
    const report = first.json() as {
      copied: Record<string, number>;
      verified: boolean;
      streams: Array<{ stream: string; copied: number }>;
    };
    expect(report.verified).toBe(true);
    expect(report.streams).toEqual([
      { stream: "dev", from: 1, to: 0, copied: 1 },
      { stream: "prod", from: 3, to: 0, copied: 3 },
    ]);
    // 6 distinct contents, 4 verification records and the lock, an audit event per snapshot and per verification.
    expect(report.copied).toMatchObject({ blobs: 6, manifests: 4, records: 5, auditEvents: 8 });
    expect(treeOf(target)).toEqual(treeOf(store.location));
    // The replica stands on its own: the chain, signatures, blobs and audit log check out.
    const verify = await runCli(
      ["verify", "--all", "--store", target, "--verify-key", keys.verifyKey],
      { cwd: dir },
    );
    expect(verify.code).toBe(0);
    expect((await runCli(["audit", "verify", "--store", target], { cwd: dir })).code).toBe(0);

    const again = counted(new LocalDirStore(target));
    const second = await replicate(store, again.store);
    expect(again.writes()).toBe(0);
    expect(second.copied).toEqual({ blobs: 0, nodes: 0, manifests: 0, records: 0, auditEvents: 0 });
    const cli = await runCli(
      ["replicate", "--from", store.location, "--to", target, "--verify-key", keys.verifyKey],
      { cwd: dir },
    );
    expect(cli.stdout).toContain("prod: up to date");
  });

  it("resumes after a crash (before any blob, between snapshots, before the audit): what the replica holds verifies, and a re-run completes it", async () => {
    const { dir, store } = await sourceStore();
    const complete = await (async () => {
      const probe = counted(new LocalDirStore(join(dir, "probe")));
      await replicate(store, probe.store, { blobBatch: 2 });
      return probe.writes();
    })();
    // Writes: initialise, 3 blob batches, 4 snapshots, the records, the audit lines.
    expect(complete).toBe(10);
    // Crash before any blob, after 2 of the 4 snapshots, and before the audit lines.
    for (const [crashAfter, snapshotsThen] of [
      [1, 0],
      [6, 2],
      [9, 4],
    ] as const) {
      const target = join(dir, `crash-${crashAfter}`);
      const crashing = counted(new LocalDirStore(target), crashAfter);
      await expect(replicate(store, crashing.store, { blobBatch: 2 })).rejects.toThrow(
        /injected crash/,
      );
      expect(crashing.writes()).toBe(crashAfter);
      const replica = new LocalDirStore(target);
      const seqs = await Promise.all(
        (await replica.listStreams()).map((stream) => replica.listManifestSeqs(stream)),
      );
      expect(seqs.flat()).toHaveLength(snapshotsThen);
      // What the replica claims is whole: every snapshot it has verifies (its blobs are there).
      if (snapshotsThen > 0) {
        const half = await runCli(
          ["verify", "--all", "--store", target, "--verify-key", keys.verifyKey],
          { cwd: dir },
        );
        expect(half.stdout).toContain(`Verified ${snapshotsThen} snapshot(s)`);
        expect(half.code).toBe(0);
      }
      await replicate(store, new LocalDirStore(target), { blobBatch: 2 });
      expect(treeOf(target)).toEqual(treeOf(store.location));
    }
  });

  it("copies one environment with --env", async () => {
    const { dir, store } = await sourceStore();
    const target = join(dir, "dev-only");
    const report = await replicate(store, new LocalDirStore(target), { stream: "dev" });
    expect(report.copied).toMatchObject({ manifests: 1, blobs: 1, records: 1, auditEvents: 8 });
    const replica = new LocalDirStore(target);
    expect(await replica.listStreams()).toEqual(["dev"]);
    expect(await replica.listRecords("verifications")).toEqual(
      await store.listRecords("verifications/dev"),
    );
  });

  it("copies forgotten snapshots whose blobs and nodes prune removed as they are: root and tombstone", async () => {
    const { dir, store } = await sourceStore();
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(
      join(dir, ".github/snapgate.yml"),
      `keys:\n  recipients: [${recipient}]\n  writers:\n    - key: ${keys.verifyKey}\n` +
        `tiers:\n  tier2: { max_age: 72h, retention: { keep: { last: 1 } } }\n` +
        `environments:\n  prod: { tier: tier2 }\n  dev: { tier: tier2 }\n`,
    );
    const forget = await runCli(["forget", "--store", store.location, "--env", "prod"], {
      cwd: dir,
    });
    expect(forget.code).toBe(0);
    const prune = await runCli(["prune", "--store", store.location, "--grace", "0s", "--json"], {
      cwd: dir,
    });
    expect(prune.code).toBe(0);
    const pruned = prune.json() as { deleted: unknown[]; nodes: { deleted: unknown[] } };
    expect(pruned.deleted.length).toBeGreaterThan(0);
    expect(pruned.nodes.deleted.length).toBeGreaterThan(0);
    // prod@1's own blobs are gone from the source (replicas: 2, pool: 5 went with prod@1 and @2).
    const target = join(dir, "after-prune");
    const copied = await runCli(
      ["replicate", "--from", store.location, "--to", target, "--verify", "--json"],
      {
        cwd: dir,
      },
    );
    expect(copied.code).toBe(0);
    expect(copied.json()).toMatchObject({ copied: { manifests: 4 }, verified: true });
    expect(treeOf(target)).toEqual(treeOf(store.location));
    const verify = await runCli(["verify", "--all", "--store", target, "--json"], { cwd: dir });
    expect(verify.code).toBe(0);
    const result = verify.json() as {
      snapshots: Array<{ seq: number; stream: string; forgotten: boolean }>;
    };
    expect(result.snapshots.filter((s) => s.forgotten).map((s) => `${s.stream}@${s.seq}`)).toEqual([
      "prod@1",
      "prod@2",
    ]);
  });

  it("refuses a diverged replica and writes nothing to it", async () => {
    const { dir, store } = await sourceStore();
    const target = join(dir, "diverged");
    await replicate(store, new LocalDirStore(target));
    // Someone snapshots straight into the replica: its prod chain no longer follows the source's.
    writeFileSync(join(dir, "tree", "app.yaml"), "replicas: 9\n");
    await createSnapshot({
      store: new LocalDirStore(target),
      root: join(dir, "tree"),
      paths: ["app.yaml"],
      stream: "prod",
      phase: "manual",
      recipients: [recipient],
      writerKey: keys.writer,
    });
    const before = treeOf(target);
    const watched = counted(new LocalDirStore(target));
    const refused = await replicate(store, watched.store).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SnapgateError);
    expect((refused as SnapgateError).code).toBe("CONFLICT");
    expect((refused as SnapgateError).message).toMatch(/diverged/);
    expect((refused as SnapgateError).fix).toMatch(/new, empty store/);
    expect(watched.writes()).toBe(0);
    expect(treeOf(target)).toEqual(before);
    const cli = await runCli(
      ["replicate", "--from", store.location, "--to", target, "--verify-key", keys.verifyKey],
      { cwd: dir },
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/diverged/);
  });

  it("refuses manifests it cannot trust: an unknown writer, an altered manifest, a damaged blob", async () => {
    const { dir, store } = await sourceStore();
    const stranger = await makeKeys();
    const untrusted = await replicateStore({
      from: store,
      to: new LocalDirStore(join(dir, "untrusted")),
      sodium: await loadSodium(),
      trustedKeys: [stranger.verifyKey],
    }).catch((error: unknown) => error as SnapgateError);
    expect(untrusted).toBeInstanceOf(SnapgateError);
    expect((untrusted as SnapgateError).message).toMatch(/dev@1 .* not a trusted writer key/);
    expect(await new LocalDirStore(join(dir, "untrusted")).listStreams()).toEqual([]);

    const noKey = await runCli(
      ["replicate", "--from", store.location, "--to", join(dir, "nokey")],
      { cwd: dir },
    );
    expect(noKey.code).toBe(64);
    expect(noKey.stderr).toMatch(/--verify-key/);

    // A manifest altered after it was signed: refused, and nothing of its environment from it on is copied.
    const altered = await sourceStore();
    const devManifest = join(altered.store.location, "manifests/dev/0000000001.json");
    execFileSync("chmod", ["u+w", devManifest]);
    writeFileSync(
      devManifest,
      readFileSync(devManifest, "utf8").replace('"phase":"manual"', '"phase":"pre"'),
    );
    const tampered = await replicate(
      altered.store,
      new LocalDirStore(join(altered.dir, "tampered")),
    ).catch((error: unknown) => error as SnapgateError);
    expect((tampered as SnapgateError).code).toBe("INTEGRITY");
    expect((tampered as SnapgateError).message).toMatch(
      /dev@1 .* invalid signature .* Nothing from dev@1 on was copied/,
    );
    expect(await new LocalDirStore(join(altered.dir, "tampered")).listStreams()).toEqual([]);

    // A blob altered in place: its hash no longer matches its name. Nothing naming it is copied.
    const blobDir = join(store.location, "blobs");
    const blob = readdirSync(blobDir, { recursive: true, encoding: "utf8" }).find((name) =>
      name.endsWith(".age"),
    ) as string;
    const path = join(blobDir, blob);
    execFileSync("chmod", ["u+w", path]);
    writeFileSync(path, "not the ciphertext");
    const damaged = await replicate(store, new LocalDirStore(join(dir, "damaged"))).catch(
      (error: unknown) => error as SnapgateError,
    );
    expect((damaged as SnapgateError).code).toBe("INTEGRITY");
    expect((damaged as SnapgateError).message).toMatch(/damaged/);
    expect(await new LocalDirStore(join(dir, "damaged")).listStreams()).toEqual([]);
  });
});

describe("snapgate replicate with a GitHub backup repository (sandbox)", () => {
  let backup: BackupRepo;
  beforeAll(async () => {
    backup = await startBackupRepo();
  });
  afterAll(() => backup.gh.close());
  const commits = () =>
    Number(
      execFileSync("git", ["rev-list", "--count", "main"], {
        cwd: backup.gh.repoPath(backup.owner, backup.repo),
        encoding: "utf8",
      }).trim(),
    );

  it("local -> GitHub in a few commits, idempotent, and GitHub -> local back to the same store", async () => {
    const { dir, store } = await sourceStore();
    const env = {
      GITHUB_TOKEN: backup.token,
      GITHUB_API_URL: backup.gh.url,
      SNAPGATE_RETRY_AFTER_MS: "1",
    };
    const github = `github://${backup.owner}/${backup.repo}`;
    const run = (...args: string[]) =>
      runCli(["replicate", ...args, "--verify-key", keys.verifyKey, "--json"], { cwd: dir, env });
    const up = await run("--from", store.location, "--to", github);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({
      copied: { blobs: 6, manifests: 4, records: 5, auditEvents: 8 },
    });
    // initialise (1) + the blobs (1) + one per environment for its snapshots (2) + the records (1) + the audit (1).
    expect(commits()).toBe(6);
    const again = await run("--from", store.location, "--to", github);
    expect(again.json()).toMatchObject({
      copied: { blobs: 0, manifests: 0, records: 0, auditEvents: 0 },
    });
    expect(commits()).toBe(6);

    // stats reads the same figures from the GitHub replica as from the local source.
    const statsOf = async (store: string) => {
      const run = await runCli(["stats", "--store", store, "--json"], { cwd: dir, env });
      expect(run.code).toBe(0);
      const { location: _location, ...figures } = run.json() as Record<string, unknown>;
      return figures;
    };
    // Except the nodes' bytes: gzip'd in the local store, plain JSON on GitHub (ADR 1106).
    const local = await statsOf(store.location);
    const remote = await statsOf(github);
    const nodeFiles = readdirSync(join(store.location, "nodes"), {
      recursive: true,
      encoding: "utf8",
    }).filter((name) => name.endsWith(".json.gz"));
    expect(nodeFiles.length).toBeGreaterThan(0);
    const read = (name: string) => readFileSync(join(store.location, "nodes", name));
    const gzipBytes = nodeFiles.reduce((sum, name) => sum + read(name).length, 0);
    const jsonBytes = nodeFiles.reduce((sum, name) => sum + gunzipSync(read(name)).length, 0);
    type Figures = { store: { nodeBytes: number; bytes: number } };
    expect((local as Figures).store.nodeBytes).toBe(gzipBytes);
    expect((remote as Figures).store.nodeBytes).toBe(jsonBytes);
    expect((remote as Figures).store.bytes - (local as Figures).store.bytes).toBe(
      jsonBytes - gzipBytes,
    );
    const nodeBytesAside = (figures: Record<string, unknown>) =>
      JSON.parse(
        JSON.stringify(
          { ...figures, store: { ...(figures as Figures).store, bytes: 0 } },
          (key, value: unknown) =>
            ["nodeBytes", "manifestBytes", "growthPerSnapshot"].includes(key) ? undefined : value,
        ),
      ) as unknown;
    expect(nodeBytesAside(remote)).toEqual(nodeBytesAside(local));

    const clone = join(dir, "clone");
    execFileSync("git", ["clone", "--quiet", backup.gh.repoPath(backup.owner, backup.repo), clone]);
    expect(treeOf(clone)).toEqual(treeOf(store.location));

    const back = join(dir, "back");
    const down = await run("--from", github, "--to", back, "--verify");
    expect(down.stderr).toMatch(/^replicate: blobs 6\/6\n/);
    expect(down.code).toBe(0);
    expect(treeOf(back)).toEqual(treeOf(store.location));
  });
});

describe("replicating packed snapshots (ADR 1114)", () => {
  let backup: BackupRepo;
  beforeAll(async () => {
    backup = await startBackupRepo({ repo: "packed-backups" });
  });
  afterAll(() => backup.gh.close());

  it("copies the packs to a GitHub backup repository, whose snapshot restores the same files", async () => {
    const dir = join(root, `packed${++counter}`);
    const tree = join(dir, "tree");
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++)
      files[`k8s/d${i % 5}/cm-${i}.yaml`] = `key: value-${i}\n`.repeat(i % 9);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(tree, path, ".."), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    const store = new LocalDirStore(join(dir, "store"));
    const taken = await snapshotTree(store, tree, keys);
    const packs = new Set(
      taken.manifest?.files.map((file) => (file.type === "file" ? file.pack?.blob : "")),
    );
    expect(packs.has(undefined)).toBe(false);
    await replicate(store, backup.store);
    const { loadSnapshot } = await import("../../../core/snapshot/load-snapshot.js");
    const { resolveSnapshot } = await import("../../../core/snapshot/resolve-snapshot.js");
    const { restoreSnapshot } = await import("../../../core/snapshot/restore-snapshot.js");
    const target = join(dir, "restored");
    await restoreSnapshot({
      store: backup.store,
      snapshot: await loadSnapshot(backup.store, await resolveSnapshot(backup.store, "prod@1")),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target,
    });
    for (const [path, text] of Object.entries(files))
      expect(readFileSync(join(target, path), "utf8")).toBe(text);
  });
});
