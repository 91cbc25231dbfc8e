import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  GetObjectCommand,
  HeadObjectCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { S3Store } from "../../../core/store/s3-store.js";
import { createS3StoreClient } from "../../../core/store/s3/create-s3-store-client.js";
import { parseS3StoreSpec } from "../../../core/store/s3/parse-s3-store-spec.js";
import { blobPath } from "../../../core/store/store.js";
import { runCli } from "../../helpers/run-cli.js";
import { makePolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

suite("the S3 store through the CLI, on a real Ceph RGW", () => {
  let server: S3TestServer;
  const work = tempDir();
  const policyDir = tempDir();
  const holdDir = tempDir();
  const forgetDir = tempDir();
  let recipient = "";
  let verifyKey = "";

  beforeAll(async () => {
    server = startS3Server();
    recipient = (await runCli(["keygen", "--out", "id.txt"], { cwd: work })).stdout.trim();
    verifyKey = (
      await runCli(["keygen", "--writer", "--out", "w.key"], { cwd: work })
    ).stdout.trim();
    mkdirSync(join(work, "tree/app/conf"), { recursive: true });
    writeFileSync(join(work, "tree/app/a.yaml"), "a: 1\n".repeat(50));
    writeFileSync(join(work, "tree/app/conf/b.json"), '{"b": 2}\n');
  });
  afterAll(() => server?.stop());

  const cli = (args: string[]) => runCli(args, { cwd: work, env: server.env });

  it("snapshots, lists, verifies and restores an equal tree in an Object Lock bucket, whose blobs the server then refuses to delete", async () => {
    await server.createBucket("roundtrip", true);
    const store = "s3://roundtrip/backups/team-a";
    const lock = ["--object-lock-mode", "COMPLIANCE", "--retain-days", "1"];
    const snap = await cli([
      "snapshot",
      "--store",
      store,
      ...lock,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      "--json",
      "app",
    ]);
    expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    expect(snap.json()).toMatchObject({ seq: 1 });
    writeFileSync(join(work, "tree/app/a.yaml"), "a: 2\n");
    const second = await cli([
      "snapshot",
      "--store",
      store,
      ...lock,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      "--json",
      "app",
    ]);
    expect(second.json()).toMatchObject({ seq: 2 });
    // Nodes are gzip'd objects (ADR 1106) whose JSON hashes to the id in their key.
    const nodeKeys =
      (
        await server.s3.send(
          new ListObjectsV2Command({ Bucket: "roundtrip", Prefix: "backups/team-a/nodes/" }),
        )
      ).Contents?.map((item) => item.Key ?? "") ?? [];
    expect(nodeKeys.length).toBeGreaterThan(1);
    for (const key of nodeKeys) {
      expect(key).toMatch(/^backups\/team-a\/nodes\/[0-9a-f]{2}\/[0-9a-f]{64}\.json\.gz$/);
      const object = await server.s3.send(new GetObjectCommand({ Bucket: "roundtrip", Key: key }));
      const json = gunzipSync(
        await (
          object.Body as { transformToByteArray(): Promise<Uint8Array> }
        ).transformToByteArray(),
      );
      expect(createHash("sha256").update(json).digest("hex")).toBe(
        key.split("/").at(-1)?.slice(0, 64),
      );
    }

    const list = await cli(["list", "--store", store, "--env", "prod", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.stringify(list.json())).toContain('"seq":2');
    const verified = await cli([
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--json",
    ]);
    expect(verified.json()).toMatchObject({ ok: true });
    const restored = await cli([
      "restore",
      "prod@1",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "out",
    ]);
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(work, "out/app/a.yaml"), "utf8")).toBe("a: 1\n".repeat(50));
    expect(readFileSync(join(work, "out/app/conf/b.json"), "utf8")).toBe('{"b": 2}\n');

    const shown = await cli(["show", "prod@2", "--store", store, "--json"]);
    expect(shown.code).toBe(0);
    const diffed = await cli(["diff", "prod@1", "prod@2", "--store", store, "--json"]);
    expect(diffed.code).toBe(0);
    expect(diffed.stdout).toContain("app/a.yaml");
    // The lock is the server's: a direct delete of a blob version is refused.
    const versions = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "roundtrip", Prefix: "backups/team-a/blobs/" }),
    );
    const blob = versions.Versions?.[0];
    expect(blob?.VersionId).toBeDefined();
    await expect(
      server.s3.send(
        new DeleteObjectCommand({
          Bucket: "roundtrip",
          Key: blob?.Key,
          VersionId: blob?.VersionId,
        }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("names a missing bucket and unreachable endpoint with a fix", async () => {
    const missing = await cli([
      "list",
      "--store",
      "s3://no-such-bucket/x",
      "--env",
      "prod",
      "--json",
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("does not exist");
    expect(missing.stderr).toContain("Create the bucket");
    const unreachable = await runCli(
      ["list", "--store", "s3://roundtrip/x", "--endpoint", "http://127.0.0.1:9", "--env", "prod"],
      { cwd: work, env: server.env },
    );
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toContain("--endpoint");
  });

  it("refuses a bad address, a retention without a mode, wrong credentials, a foreign prefix and doctor, each with a fix", async () => {
    const bad = await cli(["list", "--store", "s3://Bad_Bucket/x", "--env", "prod"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("s3://BUCKET/PREFIX");
    const noMode = await cli([
      "list",
      "--store",
      "s3://roundtrip/x",
      "--retain-days",
      "3",
      "--env",
      "prod",
    ]);
    expect(noMode.stderr).toContain("--retain-days needs --object-lock-mode");
    const badMode = await cli([
      "list",
      "--store",
      "s3://roundtrip/x",
      "--object-lock-mode",
      "forever",
      "--retain-days",
      "3",
      "--env",
      "prod",
    ]);
    expect(badMode.stderr).toContain("GOVERNANCE or COMPLIANCE");
    const saved = process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = "not-the-secret";
    try {
      const denied = await cli([
        "list",
        "--store",
        "s3://roundtrip/backups/team-a",
        "--env",
        "prod",
      ]);
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain("SignatureDoesNotMatch");
      expect(denied.stderr).toContain("AWS_ACCESS_KEY_ID");
    } finally {
      process.env.AWS_SECRET_ACCESS_KEY = saved;
    }
    await server.createBucket("foreign");
    await server.s3.send(
      new PutObjectCommand({ Bucket: "foreign", Key: "data/other.txt", Body: "x" }),
    );
    const foreign = await cli([
      "snapshot",
      "--store",
      "s3://foreign/data",
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      "app",
    ]);
    expect(foreign.code).not.toBe(0);
    expect(foreign.stderr).toContain("is not empty and is not a Snapgate store");
  });

  it.each([
    [
      "an Object Lock bucket keeps the locked blob and says when it becomes deletable",
      "prunelock",
      true,
    ],
    ["a plain bucket deletes the orphan", "pruneplain", false],
  ])("prune of an orphaned blob: %s", async (_name, bucket, lock) => {
    await server.createBucket(bucket, lock);
    const spec = `s3://${bucket}/p`;
    const seed = await cli([
      "snapshot",
      "--store",
      spec,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      "--json",
      "app",
    ]);
    expect(seed.code).toBe(0);
    const store = new S3Store(
      createS3StoreClient({ bucket, endpoint: server.endpoint }),
      parseS3StoreSpec(spec),
      { lock: { mode: "COMPLIANCE", days: 1 } },
    );
    const orphan = { id: "ab".repeat(32), sha256: "cd".repeat(32), encoding: "none" as const };
    await store.putBlob({ ...orphan, ciphertext: new TextEncoder().encode("orphan") });
    const pruned = await cli(["prune", "--store", spec, "--grace", "0s", "--json"]);
    expect({ code: pruned.code, stderr: pruned.stderr }).toEqual({ code: 0, stderr: "" });
    const result = pruned.json() as {
      deleted: Array<{ id: string }>;
      locked: Array<{ path: string; until: string; legalHold: boolean }>;
    };
    // A locked version is not deleted, and prune does not count it as deleted.
    expect(result.deleted.map((blob) => blob.id)).toEqual(lock ? [] : [orphan.id]);
    if (lock) {
      expect(result.locked).toEqual([
        { path: blobPath(orphan), until: expect.any(String), legalHold: false },
      ]);
      const until = Date.parse(result.locked[0]?.until ?? "");
      expect(until).toBeGreaterThan(Date.now() + 86_400_000 - 3_600_000);
      expect(await store.readBlob(orphan)).not.toBeNull();
    } else {
      expect(result.locked).toEqual([]);
      expect(await store.readBlob(orphan)).toBeNull();
    }
  });

  it("a writer killed after claiming its manifest leaves a store that lists it and takes the next seq", async () => {
    await server.createBucket("crash");
    const store = "s3://crash/s";
    const snapshot = () =>
      cli([
        "snapshot",
        "--store",
        store,
        "--env",
        "prod",
        "--phase",
        "manual",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "--root",
        "tree",
        "--json",
        "app",
      ]);
    expect((await snapshot()).code).toBe(0);
    // What the writer puts after the manifest claim, gone as if it had been killed there.
    const after = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "crash", Prefix: "s/" }),
    );
    const doomed = (after.Versions ?? [])
      .map((version) => version.Key ?? "")
      .filter((key) => /^s\/(catalog|heads|audit)\//.test(key));
    expect(doomed.length).toBeGreaterThanOrEqual(3);
    for (const key of doomed)
      await server.s3.send(new DeleteObjectCommand({ Bucket: "crash", Key: key }));

    const listed = await cli(["list", "--store", store, "--env", "prod", "--json"]);
    expect(JSON.stringify(listed.json())).toContain('"seq":1');
    writeFileSync(join(work, "tree/app/c.yaml"), "c: 3\n");
    const next = await snapshot();
    expect({ code: next.code, stderr: next.stderr }).toEqual({ code: 0, stderr: "" });
    expect(next.json()).toMatchObject({ seq: 2 });
    const verified = await cli([
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--json",
    ]);
    expect(verified.json()).toMatchObject({ ok: true });
  });

  it("retains for the tier's retention floor when --object-lock-mode comes without --retain-days", async () => {
    await server.createBucket("tierlock", true);
    const ws = await makePolicyWorkspace(policyDir);
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 5 }, floor: { min_age: 3d } }\nenvironments:\n  prod: { tier: tier1 }\n`,
    );
    ws.write("app/x.yaml", "x: 1\n");
    const before = Date.now();
    const snap = await ws.cliWithEnv(
      server.env,
      "snapshot",
      "--store",
      "s3://tierlock/p",
      "--object-lock-mode",
      "GOVERNANCE",
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--env",
      "prod",
      "--phase",
      "manual",
      "--json",
      "app",
    );
    expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    const listed = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "tierlock", Prefix: "p/manifests/" }),
    );
    const head = await server.s3.send(
      new HeadObjectCommand({
        Bucket: "tierlock",
        Key: listed.Versions?.[0]?.Key,
        VersionId: listed.Versions?.[0]?.VersionId,
      }),
    );
    expect(head.ObjectLockMode).toBe("GOVERNANCE");
    // Three days after the write, to the second the server keeps.
    const until = head.ObjectLockRetainUntilDate?.getTime() ?? 0;
    expect(until).toBeGreaterThanOrEqual(before + 3 * 86_400_000 - 1000);
    expect(until).toBeLessThan(before + 4 * 86_400_000);
  });

  it("puts an S3 legal hold when the tier has a legal hold, which even a governance bypass cannot delete", async () => {
    await server.createBucket("holdlock", true);
    const ws = await makePolicyWorkspace(holdDir);
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 5 }, floor: { legal_hold: { reason: "case 7" } } }\nenvironments:\n  prod: { tier: tier1 }\n`,
    );
    ws.write("app/x.yaml", "x: 1\n");
    const snap = await ws.cliWithEnv(
      server.env,
      "snapshot",
      "--store",
      "s3://holdlock/p",
      "--object-lock-mode",
      "GOVERNANCE",
      "--retain-days",
      "1",
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--env",
      "prod",
      "--phase",
      "manual",
      "--json",
      "app",
    );
    expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    const listed = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "holdlock", Prefix: "p/manifests/" }),
    );
    const version = {
      Bucket: "holdlock",
      Key: listed.Versions?.[0]?.Key,
      VersionId: listed.Versions?.[0]?.VersionId,
    };
    const head = await server.s3.send(new HeadObjectCommand(version));
    expect(head.ObjectLockLegalHoldStatus).toBe("ON");
    await expect(
      server.s3.send(new DeleteObjectCommand({ ...version, BypassGovernanceRetention: true })),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("forget writes its tombstone in an Object Lock bucket, and list leaves the forgotten snapshot out", async () => {
    await server.createBucket("forgetlock", true);
    const ws = await makePolicyWorkspace(forgetDir);
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 1 } }\nenvironments:\n  prod: { tier: tier1 }\n`,
    );
    const store = "s3://forgetlock/p";
    for (const text of ["x: 1\n", "x: 2\n"]) {
      ws.write("app/x.yaml", text);
      const snap = await ws.cliWithEnv(
        server.env,
        "snapshot",
        "--store",
        store,
        "--writer-key",
        join(ws.dir, "writer.key"),
        "--env",
        "prod",
        "--phase",
        "manual",
        "--json",
        "app",
      );
      expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    }
    const forgot = await ws.cliWithEnv(
      server.env,
      "forget",
      "--store",
      store,
      "--env",
      "prod",
      "--json",
    );
    expect({ code: forgot.code, stderr: forgot.stderr }).toEqual({ code: 0, stderr: "" });
    expect((forgot.json() as { tombstones: unknown[] }).tombstones).toHaveLength(1);
    const listed = await ws.cliWithEnv(
      server.env,
      "list",
      "--store",
      store,
      "--env",
      "prod",
      "--json",
    );
    const seqs = (listed.json() as { snapshots: Array<{ seq: number }> }).snapshots.map(
      (entry) => entry.seq,
    );
    expect(seqs).toEqual([2]);
  });

  it("reads, reuses and deletes a node kept as plain JSON (written before ADR 1106)", async () => {
    await server.createBucket("plainnodes");
    const spec = "s3://plainnodes/s";
    mkdirSync(join(work, "ptree/app"), { recursive: true });
    writeFileSync(join(work, "ptree/app/p.yaml"), "p: 1\n");
    const snap = () =>
      cli([
        "snapshot",
        "--store",
        spec,
        "--env",
        "prod",
        "--phase",
        "manual",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "--root",
        "ptree",
        "--json",
        "app",
      ]);
    expect((await snap()).code).toBe(0);
    const keys = async () =>
      (
        (
          await server.s3.send(
            new ListObjectsV2Command({ Bucket: "plainnodes", Prefix: "s/nodes/" }),
          )
        ).Contents ?? []
      )
        .map((item) => item.Key ?? "")
        .sort();
    const [gz] = await keys();
    expect(gz).toMatch(/\.json\.gz$/);
    const object = await server.s3.send(new GetObjectCommand({ Bucket: "plainnodes", Key: gz }));
    const json = gunzipSync(
      await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );
    const plain = (gz as string).slice(0, -".gz".length);
    await server.s3.send(new PutObjectCommand({ Bucket: "plainnodes", Key: plain, Body: json }));
    await server.s3.send(new DeleteObjectCommand({ Bucket: "plainnodes", Key: gz }));

    const verified = await cli([
      "verify",
      "--all",
      "--store",
      spec,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--level",
      "restore",
      "--json",
    ]);
    expect({ code: verified.code, ok: (verified.json() as { ok: boolean }).ok }).toEqual({
      code: 0,
      ok: true,
    });
    // The same tree again names the same node: present (plain), so not written gzip'd.
    expect((await snap()).code).toBe(0);
    expect(await keys()).toEqual([plain]);
    const store = new S3Store(
      createS3StoreClient({ bucket: "plainnodes", endpoint: server.endpoint }),
      parseS3StoreSpec(spec),
    );
    const id = plain.split("/").at(-1)?.slice(0, 64) as string;
    expect((await store.listNodes()).map((node) => node.id)).toEqual([id]);
    await store.deleteNodes([id]);
    expect(await keys()).toEqual([]);
  });

  it("replicates a local store into an Object Lock bucket, whose replica verifies, restores and has the source's stats", async () => {
    await server.createBucket("replica", true);
    const local = join(work, "replica-source");
    for (const text of ["r: 1\n", "r: 2\n"]) {
      // Its own tree: the other tests change tree/.
      mkdirSync(join(work, "rtree/app"), { recursive: true });
      writeFileSync(join(work, "rtree/app/r.yaml"), text);
      const snap = await cli([
        "snapshot",
        "--store",
        local,
        "--env",
        "stage",
        "--phase",
        "manual",
        "--recipient",
        recipient,
        "--writer-key",
        "w.key",
        "--root",
        "rtree",
        "app",
      ]);
      expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    }
    const replica = "s3://replica/copy";
    const copy = (...more: string[]) =>
      cli([
        "replicate",
        "--from",
        local,
        "--to",
        replica,
        "--endpoint",
        server.endpoint,
        "--object-lock-mode",
        "GOVERNANCE",
        "--retain-days",
        "1",
        "--verify-key",
        verifyKey,
        ...more,
        "--json",
      ]);
    const first = await copy("--verify");
    expect({ code: first.code, stderr: first.stderr }).toEqual({
      code: 0,
      stderr: "replicate: blobs 2/2\nreplicate: snapshots 2/2\nreplicate: audit 2/2\n",
    });
    expect(first.json()).toMatchObject({ copied: { manifests: 2 }, verified: true });
    // Idempotent: a second run copies nothing.
    const second = await copy();
    expect(second.json()).toMatchObject({
      copied: { blobs: 0, nodes: 0, manifests: 0, records: 0, auditEvents: 0 },
    });

    const verified = await cli([
      "verify",
      "--all",
      "--store",
      replica,
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--json",
    ]);
    expect({ code: verified.code, ok: (verified.json() as { ok: boolean }).ok }).toEqual({
      code: 0,
      ok: true,
    });
    const restored = await cli([
      "restore",
      "stage@1",
      "--store",
      replica,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "replica-out",
    ]);
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(work, "replica-out/app/r.yaml"), "utf8")).toBe("r: 1\n");

    const stats = async (store: string) => {
      const run = await cli(["stats", "--store", store, "--json"]);
      expect(run.code).toBe(0);
      const { location: _where, ...figures } = run.json() as Record<string, unknown>;
      return figures;
    };
    expect(await stats(replica)).toEqual(await stats(local));
    // The replica's blobs carry the retention replicate was given, enforced by the server.
    const versions = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "replica", Prefix: "copy/blobs/" }),
    );
    const blob = versions.Versions?.[0];
    await expect(
      server.s3.send(
        new DeleteObjectCommand({ Bucket: "replica", Key: blob?.Key, VersionId: blob?.VersionId }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });
});
