import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
} from "@aws-sdk/client-s3";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { replicateStore } from "../../../core/replicate/replicate-store.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { S3Store } from "../../../core/store/s3-store.js";
import { createS3StoreClient } from "../../../core/store/s3/create-s3-store-client.js";
import { parseS3StoreSpec } from "../../../core/store/s3/parse-s3-store-spec.js";
import { blobPath, gzipNodePath, type BlobRef } from "../../../core/store/store.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

interface PruneJson {
  deleted: Array<BlobRef & { reason: string }>;
  nodes: { deleted: string[] };
  locked: Array<{ path: string; until: string; legalHold: boolean }>;
}

/** Every version and delete marker under a prefix, by key, as the server lists them. */
async function versionsUnder(
  server: S3TestServer,
  bucket: string,
  prefix: string,
): Promise<Map<string, { versions: string[]; markers: number }>> {
  const found = new Map<string, { versions: string[]; markers: number }>();
  const entry = (key: string) => {
    let item = found.get(key);
    if (!item) found.set(key, (item = { versions: [], markers: 0 }));
    return item;
  };
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (;;) {
    const page = await server.s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: prefix,
        ...(keyMarker ? { KeyMarker: keyMarker } : {}),
        ...(versionMarker ? { VersionIdMarker: versionMarker } : {}),
      }),
    );
    for (const version of page.Versions ?? [])
      entry(version.Key ?? "").versions.push(version.VersionId ?? "");
    for (const marker of page.DeleteMarkers ?? []) entry(marker.Key ?? "").markers += 1;
    if (!page.IsTruncated) return found;
    keyMarker = page.NextKeyMarker;
    versionMarker = page.NextVersionIdMarker;
  }
}

/**
 * forget and prune on S3 around Object Lock: a locked bucket keeps every
 * version and says until when; a versioned bucket without lock, and a locked
 * bucket whose retention has passed, lose exactly what the same prune on a
 * local store deletes, every version of it. What stays verifies at restore level.
 */
suite("forget and prune on an s3:// store around Object Lock retention", () => {
  let server: S3TestServer;
  let ws: PolicyWorkspace;
  const dir = tempDir();
  /** What prune deleted on the local store: the expectation for every S3 bucket. */
  let expected: { blobs: string[]; nodes: string[]; paths: string[] };

  const run = (...args: string[]) => ws.cliWithEnv(server.env, ...args);
  /** What the last forget of forgetAndPrune printed (--json). */
  let lastForget: { remove: string[]; locked: unknown[] } = { remove: [], locked: [] };
  const forgetAndPrune = async (store: string) => {
    const forgot = await run("forget", "--store", store, "--env", "prod", "--json");
    expect({ code: forgot.code, stderr: forgot.stderr }).toEqual({ code: 0, stderr: "" });
    const said = forgot.json() as { remove: string[]; tombstones: unknown[]; locked: unknown[] };
    lastForget = said;
    expect({ remove: said.remove.length, tombstones: said.tombstones.length }).toEqual({
      remove: 1,
      tombstones: 1,
    });
    const pruned = await run("prune", "--store", store, "--grace", "0s", "--json");
    expect({ code: pruned.code, stderr: pruned.stderr }).toEqual({ code: 0, stderr: "" });
    return pruned.json() as PruneJson;
  };
  const replicateTo = async (store: string, ...lock: string[]) => {
    const copied = await run(
      "replicate",
      "--from",
      ws.store,
      "--to",
      store,
      ...lock,
      "--verify-key",
      ws.keys.verifyKey,
      "--json",
    );
    expect({ code: copied.code, copied: copied.json() }).toMatchObject({
      code: 0,
      copied: { copied: { manifests: 3 } },
    });
  };
  /** Remaining snapshots verify at restore level (every blob decrypted) and restore. */
  const stillWhole = async (store: string) => {
    const verified = await run(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      ws.keys.verifyKey,
      "--identity",
      "../id.txt",
      "--json",
    );
    expect({ code: verified.code, ok: (verified.json() as { ok: boolean }).ok }).toEqual({
      code: 0,
      ok: true,
    });
    const out = `../out-${store.replace(/\W/g, "-")}`;
    const restored = await run(
      "restore",
      "prod@2",
      "--store",
      store,
      "--identity",
      "../id.txt",
      "--verify-key",
      ws.keys.verifyKey,
      "--to",
      out,
    );
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(ws.repo, out, "app/a.yaml"), "utf8")).toBe("a: 2\n");
    expect(readFileSync(join(ws.repo, out, "app/b.yaml"), "utf8")).toBe("b: 1\n".repeat(20));
  };

  beforeAll(async () => {
    server = startS3Server();
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 2 } }\nenvironments:\n  prod: { tier: tier1 }\n`,
    );
    ws.write("app/b.yaml", "b: 1\n".repeat(20));
    for (const a of ["a: 1\n", "a: 2\n", "a: 3\n"]) {
      ws.write("app/a.yaml", a);
      const snap = await ws.snapshot("--env", "prod", "--phase", "manual", "app");
      expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    }
    await server.createBucket("locked", true);
    await replicateTo("s3://locked/p", "--object-lock-mode", "COMPLIANCE", "--retain-days", "1");
    await server.createBucket("versioned");
    await server.s3.send(
      new PutBucketVersioningCommand({
        Bucket: "versioned",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    await replicateTo("s3://versioned/p");
    // Retention of a few seconds (the flag takes whole days): past by the time prune runs.
    await server.createBucket("expired", true);
    const spec = parseS3StoreSpec("s3://expired/p");
    await replicateStore({
      from: new LocalDirStore(ws.store),
      to: new S3Store(createS3StoreClient({ bucket: "expired", endpoint: server.endpoint }), spec, {
        lock: { mode: "GOVERNANCE", days: 3 / 86_400 },
      }),
      sodium: await loadSodium(),
      trustedKeys: [ws.keys.verifyKey],
    });

    // The same forget and prune on the local store say what a prune should delete.
    const local = await forgetAndPrune(ws.store);
    expected = {
      blobs: local.deleted.map((blob) => blob.id).sort(),
      nodes: [...local.nodes.deleted].sort(),
      paths: [
        ...local.deleted.map((blob) => blobPath(blob)),
        // Nodes are written gzip'd (ADR 1106).
        ...local.nodes.deleted.map((id) => gzipNodePath(id)),
      ].sort(),
    };
    // Snapshot 1 alone used a.yaml's first content, and at least its root's node.
    expect(expected.blobs).toHaveLength(1);
    expect(expected.nodes.length).toBeGreaterThan(0);
  });
  afterAll(() => server?.stop());

  it("in an Object Lock bucket under retention, prune deletes nothing and reports when each locked object becomes deletable", async () => {
    const before = await versionsUnder(server, "locked", "p/");
    // forget deletes nothing, but says at once until when the lock holds what it forgets.
    const dry = await run("forget", "--store", "s3://locked/p", "--env", "prod", "--dry-run");
    expect(dry.stdout).toMatch(
      /\nS3 Object Lock holds 1 of these snapshots' manifests \(retention until \d{4}-\d{2}-\d{2}T[^)]* at the latest\): prune deletes their objects only after that\.\n$/,
    );
    const pruned = await forgetAndPrune("s3://locked/p");
    const manifest = await server.s3.send(
      new HeadObjectCommand({ Bucket: "locked", Key: "p/manifests/prod/0000000001.json" }),
    );
    expect(lastForget.locked).toEqual([
      {
        id: lastForget.remove[0],
        seq: 1,
        until: manifest.ObjectLockRetainUntilDate?.toISOString(),
        legalHold: false,
      },
    ]);
    expect({ deleted: pruned.deleted, nodes: pruned.nodes.deleted }).toEqual({
      deleted: [],
      nodes: [],
    });
    expect(pruned.locked.map((kept) => kept.path).sort()).toEqual(expected.paths);
    const now = Date.now();
    for (const kept of pruned.locked) {
      expect(kept.legalHold).toBe(false);
      // One day after the replicate wrote it.
      expect(Date.parse(kept.until)).toBeGreaterThan(now + 86_400_000 - 3_600_000);
      expect(Date.parse(kept.until)).toBeLessThanOrEqual(now + 86_400_000);
    }
    // Every version there before is there after (forget added some): the server was asked to delete none.
    const after = await versionsUnder(server, "locked", "p/");
    for (const [key, { versions }] of before)
      expect({ key, versions: after.get(key)?.versions }).toEqual({
        key,
        versions: expect.arrayContaining(versions),
      });
    expect([...after.values()].reduce((n, item) => n + item.markers, 0)).toBe(0);
    // The text form names the first date.
    const again = await run("prune", "--store", "s3://locked/p", "--grace", "0s");
    expect(again.stdout).toMatch(
      /Deleted 0 blob\(s\)[^\n]*\nKept \d+ object version\(s\) under S3 Object Lock; the first becomes deletable at \d{4}-\d{2}-\d{2}T/,
    );
    await stillWhole("s3://locked/p");
  });

  it.each([
    ["a versioned bucket without Object Lock", "versioned"],
    ["an Object Lock bucket whose retention has passed", "expired"],
  ])(
    "in %s, prune deletes every version of the forgotten snapshot's own blobs and nodes, as on a local store",
    async (_name, bucket) => {
      if (bucket === "expired") {
        // Wait out the retention the server holds (to the second).
        const versions = await versionsUnder(server, bucket, "p/");
        let until = 0;
        for (const path of expected.paths) {
          const head = await server.s3.send(
            new HeadObjectCommand({ Bucket: bucket, Key: `p/${path}` }),
          );
          until = Math.max(until, head.ObjectLockRetainUntilDate?.getTime() ?? 0);
          expect(versions.get(`p/${path}`)?.versions).toHaveLength(1);
        }
        expect(until).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()) + 1100));
      }
      const before = await versionsUnder(server, bucket, "p/");
      for (const path of expected.paths) expect(before.has(`p/${path}`)).toBe(true);
      const pruned = await forgetAndPrune(`s3://${bucket}/p`);
      // Nothing locks a versioned bucket's objects: forget names no lock.
      if (bucket === "versioned") expect(lastForget.locked).toEqual([]);
      expect({
        blobs: pruned.deleted.map((blob) => blob.id).sort(),
        nodes: [...pruned.nodes.deleted].sort(),
        locked: pruned.locked,
      }).toEqual({ blobs: expected.blobs, nodes: expected.nodes, locked: [] });
      // Gone for good: no version and no delete marker left of what prune deleted.
      const after = await versionsUnder(server, bucket, "p/");
      for (const path of expected.paths) expect(after.get(`p/${path}`)).toBeUndefined();
      // Everything else under blobs/ and nodes/ kept its versions.
      for (const [key, item] of before)
        if (/^p\/(blobs|nodes)\//.test(key) && !expected.paths.includes(key.slice(2)))
          expect({ key, versions: after.get(key)?.versions }).toEqual({
            key,
            versions: item.versions,
          });
      await stillWhole(`s3://${bucket}/p`);
    },
  );
});
