import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GetObjectCommand, ListObjectVersionsCommand } from "@aws-sdk/client-s3";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { replicateStore } from "../../../core/replicate/replicate-store.js";
import type { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { S3Store } from "../../../core/store/s3-store.js";
import { createS3StoreClient } from "../../../core/store/s3/create-s3-store-client.js";
import { parseS3StoreSpec } from "../../../core/store/s3/parse-s3-store-spec.js";
import { replicationSource } from "../../helpers/replication-source.js";
import { countedStore } from "../../helpers/counted-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

/**
 * Replication into an Object Lock bucket with a crash at the three points of
 * the local replicate test (before any blob, between snapshots, before the
 * audit), then re-runs, on the real server: what the crashed run left
 * verifies, a re-run copies only what is missing and leaves the objects of a
 * run that never crashed, and a run with nothing to copy writes no object version.
 */
suite("snapgate replicate into an s3:// store, crashed and re-run", () => {
  let server: S3TestServer;
  let keys: TestKeys;
  const dir = tempDir("snapgate-s3-replicate-");
  let from: LocalDirStore;

  const s3Store = (bucket: string, prefix: string) =>
    new S3Store(
      createS3StoreClient({ bucket, endpoint: server.endpoint }),
      parseS3StoreSpec(`s3://${bucket}/${prefix}`),
    );
  const replicate = async (
    from: Parameters<typeof replicateStore>[0]["from"],
    to: Parameters<typeof replicateStore>[0]["to"],
  ) =>
    replicateStore({
      from,
      to,
      sodium: await loadSodium(),
      trustedKeys: [keys.verifyKey],
      blobBatch: 2,
    });
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { cwd: dir, env: { ...server.env, ...env } });
  /** Every version and delete marker under a prefix: each write adds one. */
  const versionCount = async (bucket: string, prefix: string) => {
    const out = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }),
    );
    expect(out.IsTruncated).not.toBe(true);
    return (out.Versions?.length ?? 0) + (out.DeleteMarkers?.length ?? 0);
  };
  /** The newest bytes of every key under a prefix but the claim probes and creation stamp; commit intents by content. */
  const objectsOf = async (bucket: string, prefix: string) => {
    const out = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: `${prefix}/` }),
    );
    const latest = (out.Versions ?? []).filter((version) => {
      const key = (version.Key ?? "").slice(prefix.length + 1);
      return version.IsLatest && key !== "snapgate.json" && !key.startsWith("locks/cas-probe/");
    });
    const objects: Record<string, string> = {};
    await Promise.all(
      latest.map(async (version) => {
        const got = await server.s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: version.Key, VersionId: version.VersionId }),
        );
        const bytes = await (
          got.Body as { transformToByteArray(): Promise<Uint8Array> }
        ).transformToByteArray();
        objects[(version.Key ?? "").slice(prefix.length + 1)] = createHash("sha256")
          .update(bytes)
          .digest("hex");
      }),
    );
    // A commit intent's key holds its time and a nonce (ADR 1408): compare what they name.
    const intents = Object.keys(objects).filter((key) => key.startsWith("locks/_commit/"));
    const named = intents.map((key) => objects[key]).sort();
    for (const key of intents) delete objects[key];
    return { ...objects, "locks/_commit/*": named.join(",") };
  };

  beforeAll(async () => {
    server = startS3Server();
    keys = await makeKeys();
    writeFileSync(join(dir, "id.txt"), `${keys.age.identity}\n`, { mode: 0o600 });
    from = await replicationSource(dir, keys);
    await server.createBucket("replicas", true);
  });
  afterAll(() => server?.stop());

  it("into S3 with a crash (before any blob, between snapshots, before the audit): the part verifies, a re-run copies only what is missing, a second re-run writes no object", async () => {
    // Writes of a whole run: initialise, 3 blob batches, 4 snapshots, the records, the audit lines.
    const whole = countedStore(s3Store("replicas", "whole"));
    const report = await replicate(from, whole.store);
    expect(report.copied).toMatchObject({ blobs: 6, manifests: 4, records: 5, auditEvents: 8 });
    expect(whole.writes()).toBe(10);
    const complete = await objectsOf("replicas", "whole");

    for (const [crashAfter, snapshotsThen] of [
      [1, 0],
      [6, 2],
      [9, 4],
    ] as const) {
      const prefix = `crash-${crashAfter}`;
      const crashing = countedStore(s3Store("replicas", prefix), crashAfter);
      await expect(replicate(from, crashing.store)).rejects.toThrow(/injected crash/);
      expect(crashing.writes()).toBe(crashAfter);
      const part = s3Store("replicas", prefix);
      const seqs = await Promise.all(
        (await part.listStreams()).map((stream) => part.listManifestSeqs(stream)),
      );
      expect(seqs.flat()).toHaveLength(snapshotsThen);
      const blobsThen = (await part.listBlobs()).length;
      if (snapshotsThen > 0) {
        const half = await cli([
          "verify",
          "--all",
          "--store",
          `s3://replicas/${prefix}`,
          "--verify-key",
          keys.verifyKey,
        ]);
        expect(half.stdout).toContain(`Verified ${snapshotsThen} snapshot(s)`);
        expect(half.code).toBe(0);
      }

      const rerun = await replicate(from, s3Store("replicas", prefix));
      expect({ prefix, copied: rerun.copied }).toMatchObject({
        prefix,
        copied: { blobs: 6 - blobsThen, manifests: 4 - snapshotsThen },
      });
      expect({ prefix, objects: await objectsOf("replicas", prefix) }).toEqual({
        prefix,
        objects: complete,
      });

      const before = await versionCount("replicas", `${prefix}/`);
      const again = await replicate(from, s3Store("replicas", prefix));
      expect(again.copied).toMatchObject({
        blobs: 0,
        nodes: 0,
        manifests: 0,
        records: 0,
        auditEvents: 0,
      });
      expect(await versionCount("replicas", `${prefix}/`)).toBe(before);
    }
    const verified = await cli([
      "verify",
      "--all",
      "--store",
      "s3://replicas/crash-6",
      "--verify-key",
      keys.verifyKey,
      "--identity",
      "id.txt",
      "--json",
    ]);
    expect({ code: verified.code, ok: (verified.json() as { ok: boolean }).ok }).toEqual({
      code: 0,
      ok: true,
    });
  });
});
