import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { generateAgeKeyPair } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { computeStoreStats } from "../../../core/operations/compute-store-stats.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const dir = tempDir("snapgate-stats-");
const storeDir = join(dir, "store");
const DAY = 86_400_000;

/**
 * The expected figures, from the files on disk alone: blob sizes from
 * blobs/, file entries from the manifest and node JSON, the blob file name
 * rebuilt from the documented layout (docs/how-it-works.md).
 */
function expectedFromDisk(stream: string) {
  const blobSize = new Map<string, number>();
  for (const name of readdirSync(join(storeDir, "blobs"), { recursive: true, encoding: "utf8" }))
    if (name.endsWith(".age"))
      blobSize.set(name.split("/").at(-1) as string, statSync(join(storeDir, "blobs", name)).size);
  const snapshots: Array<{
    time: number;
    root: number;
    nodes: Map<string, number>;
    files: Array<{ blob: string; size: number; tier: string }>;
  }> = [];
  const manifestDir = join(storeDir, "manifests", stream);
  for (const name of readdirSync(manifestDir).sort()) {
    const text = readFileSync(join(manifestDir, name));
    const root = JSON.parse(text.toString("utf8")) as { time: string; nodes: string[] };
    const nodes = new Map<string, number>();
    const files: Array<{ blob: string; size: number; tier: string }> = [];
    for (const id of root.nodes) {
      // Stored gzip'd (ADR 1106): the stored size counts, the JSON inside is the node.
      const stored = readFileSync(join(storeDir, "nodes", id.slice(0, 2), `${id}.json.gz`));
      const nodeText = gunzipSync(stored);
      nodes.set(id, stored.length);
      const node = JSON.parse(nodeText.toString("utf8")) as {
        files: Array<{
          type: string;
          blob: string;
          ciphertextSha256: string;
          recipientSet?: string;
          encoding: string;
          tier: string;
        }>;
      };
      for (const file of node.files) {
        if (file.type !== "file") continue;
        const name = `${file.blob}-${file.ciphertextSha256}${file.recipientSet ? `-${file.recipientSet}` : ""}${file.encoding === "gzip" ? ".gz" : ""}.age`;
        files.push({ blob: name, size: blobSize.get(name) as number, tier: file.tier });
      }
    }
    snapshots.push({ time: Date.parse(root.time), root: text.length, nodes, files });
  }
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const figures = (picked: typeof snapshots, tier?: string) => {
    const within = picked
      .map((s) => ({ ...s, files: s.files.filter((f) => tier === undefined || f.tier === tier) }))
      .filter((s) => tier === undefined || s.files.length > 0);
    const unique = new Map(within.flatMap((s) => s.files.map((f) => [f.blob, f.size] as const)));
    const blobBytes = sum(unique.values());
    const referenced = sum(within.flatMap((s) => s.files.map((f) => f.size)));
    const allNodes = new Map(within.flatMap((s) => [...s.nodes]));
    const manifestBytes =
      tier === undefined ? sum(within.map((s) => s.root)) + sum(allNodes.values()) : 0;
    const first = within[0];
    const firstBytes = first
      ? sum(new Map(first.files.map((f) => [f.blob, f.size])).values()) +
        (tier === undefined ? first.root + sum(first.nodes.values()) : 0)
      : 0;
    return {
      snapshots: within.length,
      uniqueBlobs: unique.size,
      blobBytes,
      referencedBytes: referenced,
      dedupRatio: referenced / blobBytes,
      growthPerSnapshot: (blobBytes + manifestBytes - firstBytes) / (within.length - 1),
      manifestBytes,
    };
  };
  return { snapshots, figures, blobSize };
}

beforeAll(async () => {
  const keys = await makeKeys();
  const recipient = generateAgeKeyPair(await loadSodium()).recipient;
  const tree = join(dir, "tree");
  mkdirSync(join(tree, "secrets"), { recursive: true });
  const store = new LocalDirStore(storeDir);
  const start = Date.parse("2026-11-01T00:00:00Z");
  const versions = [
    { "app.yaml": "replicas: 2\n".repeat(50), "secrets/db.env": "PASSWORD=one\n" },
    { "app.yaml": "replicas: 3\n".repeat(50), "secrets/db.env": "PASSWORD=one\n" },
    {
      "app.yaml": "replicas: 3\n".repeat(50),
      "secrets/db.env": "PASSWORD=two\n",
      "extra.yaml": "x: 1\n",
    },
    {
      "app.yaml": "replicas: 4\n".repeat(50),
      "secrets/db.env": "PASSWORD=two\n",
      "extra.yaml": "x: 1\n",
    },
  ];
  for (const [index, files] of versions.entries()) {
    for (const [path, content] of Object.entries(files)) writeFileSync(join(tree, path), content);
    await createSnapshot({
      store,
      root: tree,
      paths: Object.keys(files),
      stream: "prod",
      phase: "manual",
      time: new Date(start + index * 2 * DAY),
      recipients: [recipient],
      writerKey: keys.writer,
      classify: (path) =>
        path.startsWith("secrets/") ? { tier: "tier-0", secret: true } : { tier: "tier-2" },
    });
  }
  writeFileSync(join(tree, "app.yaml"), "replicas: 1\n");
  await createSnapshot({
    store,
    root: tree,
    paths: ["app.yaml"],
    stream: "dev",
    phase: "manual",
    recipients: [recipient],
    writerKey: keys.writer,
    classify: () => ({ tier: "tier-2" }),
  });
});

describe("snapgate stats", () => {
  it("reports per environment and tier the figures computed from the files on disk, and the projection formula", async () => {
    const run = await runCli(
      ["stats", "--store", storeDir, "--retention-days", "30", "--churn", "10", "--json"],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const stats = run.json() as {
      environments: Array<
        Record<string, unknown> & {
          tiers: Array<Record<string, unknown>>;
          projection: Record<string, number | string>;
        }
      >;
      store: Record<string, number>;
      warnings: unknown[];
    };
    const { snapshots, figures, blobSize } = expectedFromDisk("prod");
    const prod = stats.environments.find((env) => env.environment === "prod");
    const all = figures(snapshots);
    expect(prod).toMatchObject({
      snapshots: 4,
      forgotten: 0,
      uniqueBlobs: all.uniqueBlobs,
      blobBytes: all.blobBytes,
      referencedBytes: all.referencedBytes,
      manifestBytes: all.manifestBytes,
    });
    expect(prod?.dedupRatio).toBeCloseTo(all.dedupRatio, 10);
    expect(prod?.growthPerSnapshot).toBeCloseTo(all.growthPerSnapshot, 10);
    // 4 snapshots: app.yaml x3 contents, db.env x2, extra.yaml x1.
    expect(all.uniqueBlobs).toBe(6);
    for (const tier of ["tier-0", "tier-2"]) {
      const expected = figures(snapshots, tier);
      const got = prod?.tiers.find((entry) => entry.tier === tier);
      expect(got).toMatchObject({
        snapshots: expected.snapshots,
        uniqueBlobs: expected.uniqueBlobs,
        blobBytes: expected.blobBytes,
        referencedBytes: expected.referencedBytes,
      });
      expect(got?.growthPerSnapshot).toBeCloseTo(expected.growthPerSnapshot, 10);
    }
    // Projection: one snapshot every 2 days observed; N = 30 x 0.5; retained = S + N(cS + M).
    const newest = snapshots.at(-1) as (typeof snapshots)[number];
    const S = newest.files.reduce((sum, file) => sum + file.size, 0);
    const M = all.manifestBytes / 4;
    const N = 30 * 0.5;
    expect(prod?.projection).toMatchObject({
      rateFrom: "observed",
      snapshotsRetained: N,
      currentSnapshotBytes: S,
      retainedBytes: Math.round(S + N * (0.1 * S + M)),
    });
    expect(prod?.projection.snapshotsPerDay).toBeCloseTo(0.5, 10);
    // The store as a whole: every blob, manifest and node on disk.
    const sizeOf = (sub: string, suffix: string) =>
      readdirSync(join(storeDir, sub), { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(suffix))
        .map((name) => statSync(join(storeDir, sub, name)).size);
    const manifests = sizeOf("manifests", ".json");
    const nodes = sizeOf("nodes", ".json.gz");
    expect(stats.store).toEqual({
      blobs: blobSize.size,
      blobBytes: [...blobSize.values()].reduce((a, b) => a + b, 0),
      manifests: manifests.length,
      manifestBytes: manifests.reduce((a, b) => a + b, 0),
      nodes: nodes.length,
      nodeBytes: nodes.reduce((a, b) => a + b, 0),
      bytes: [...blobSize.values(), ...manifests, ...nodes].reduce((a, b) => a + b, 0),
    });
    // A local store has no GitHub size guidance.
    expect(stats.warnings).toEqual([]);

    const text = await runCli(["stats", "--store", storeDir, "--env", "dev"], { cwd: dir });
    expect(text.stdout).toMatch(/^environment\s+tier\s+snapshots/);
    expect(text.stdout).toMatch(/\ndev\s+\(all\)\s+1\s+1\s/);
    expect(text.stdout).not.toMatch(/\nprod/);
  });

  it("warns when a GitHub repository is, or is projected to be, past the size guidance", async () => {
    const store = new LocalDirStore(storeDir);
    const total = (await computeStoreStats({ store })).store.bytes;
    const under = await computeStoreStats({
      store,
      github: true,
      sizeGuidance: { recommended: total + 1, strong: total * 100 },
    });
    expect(under.warnings).toEqual([]);
    const past = await computeStoreStats({
      store,
      github: true,
      sizeGuidance: { recommended: total - 1, strong: total * 100 },
      projection: { retentionDays: 3650, churnPercent: 100, snapshotsPerDay: 24 },
    });
    expect(past.warnings.map((warning) => warning.kind)).toEqual([
      "github-size",
      "github-size-projected",
    ]);
    expect(past.warnings[0]?.message).toMatch(/past GitHub's recommended/);
    expect(past.warnings[1]?.message).toMatch(/strongly recommended/);
    expect(past.warnings[0]?.fix).toMatch(/snapgate replicate/);
    const local = await computeStoreStats({ store, sizeGuidance: { recommended: 1, strong: 2 } });
    expect(local.warnings).toEqual([]);
  });

  it("refuses a half-given projection and a bad number", async () => {
    const half = await runCli(["stats", "--store", storeDir, "--churn", "5"], { cwd: dir });
    expect(half.code).toBe(64);
    expect(half.stderr).toMatch(/both --retention-days and --churn/);
    const bad = await runCli(
      ["stats", "--store", storeDir, "--retention-days", "x", "--churn", "5"],
      { cwd: dir },
    );
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--retention-days 'x' is not a number/);
  });
});
