import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { isSnapgateError } from "../../../core/errors.js";
import { S3Store } from "../../../core/store/s3-store.js";
import { createS3StoreClient } from "../../../core/store/s3/create-s3-store-client.js";
import { parseS3StoreSpec } from "../../../core/store/s3/parse-s3-store-spec.js";
import { blobPath, s3CommitIntentPath } from "../../../core/store/store.js";
import type { S3StoreClient } from "../../../core/store/s3/s3-store-types.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;
const DAY = 86_400_000;

/** A real SDK client whose calls are counted by method: what the store sends, not what it says. */
function countingClient(bucket: string, endpoint: string) {
  const real = createS3StoreClient({ bucket, endpoint });
  const calls: Record<string, number> = {};
  const client = Object.fromEntries(
    Object.entries(real).map(([name, method]) => [
      name,
      (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (method as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as S3StoreClient;
  return { client, calls };
}

suite("S3 Object Lock from the policy, read back after writing, on a real Ceph RGW", () => {
  let server: S3TestServer;
  let ws: PolicyWorkspace;
  const dir = tempDir();

  beforeAll(async () => {
    server = startS3Server();
    ws = await makePolicyWorkspace(dir);
  });
  afterAll(() => server?.stop());

  const policy = (retention: string) =>
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier1:\n    max_age: 72h\n    retention: ${retention}\nenvironments:\n  prod: { tier: tier1 }\n`,
    );
  const snapshotOf = (env: string, path: string, store: string, ...flags: string[]) =>
    ws.cliWithEnv(
      server.env,
      "snapshot",
      "--store",
      store,
      ...flags,
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--env",
      env,
      "--phase",
      "manual",
      "--json",
      path,
    );
  const snapshot = (store: string, ...flags: string[]) =>
    snapshotOf("prod", "app", store, ...flags);
  /** Mode and retain-until of the (single) version of manifest `seq`, as the server reports it. */
  const manifestLock = async (bucket: string, prefix: string, seq: number) => {
    const key = `${prefix}/manifests/prod/${String(seq).padStart(10, "0")}.json`;
    const listed = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }),
    );
    expect(listed.Versions).toHaveLength(1);
    const head = await server.s3.send(
      new HeadObjectCommand({
        Bucket: bucket,
        Key: key,
        VersionId: listed.Versions?.[0]?.VersionId,
      }),
    );
    return {
      mode: head.ObjectLockMode,
      days: ((head.ObjectLockRetainUntilDate?.getTime() ?? 0) - Date.now()) / DAY,
      legalHold: head.ObjectLockLegalHoldStatus,
    };
  };

  it("takes the mode from the tier's retention.object_lock and the days from its floor; each flag overrides its own part", async () => {
    await server.createBucket("polmode", true);
    policy("{ floor: { min_age: 2d }, object_lock: { mode: COMPLIANCE } }");
    ws.write("app/x.yaml", "x: 1\n");
    const first = await snapshot("s3://polmode/p");
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    const one = await manifestLock("polmode", "p", 1);
    expect(one.mode).toBe("COMPLIANCE");
    expect(one.days).toBeGreaterThan(2 - 0.01);
    expect(one.days).toBeLessThanOrEqual(2);

    ws.write("app/x.yaml", "x: 2\n");
    const governance = await snapshot("s3://polmode/p", "--object-lock-mode", "GOVERNANCE");
    expect({ code: governance.code, stderr: governance.stderr }).toEqual({ code: 0, stderr: "" });
    const two = await manifestLock("polmode", "p", 2);
    expect(two.mode).toBe("GOVERNANCE");
    expect(two.days).toBeGreaterThan(2 - 0.01);

    ws.write("app/x.yaml", "x: 3\n");
    const oneDay = await snapshot("s3://polmode/p", "--retain-days", "1");
    expect({ code: oneDay.code, stderr: oneDay.stderr }).toEqual({ code: 0, stderr: "" });
    const three = await manifestLock("polmode", "p", 3);
    expect(three.mode).toBe("COMPLIANCE");
    expect(three.days).toBeGreaterThan(1 - 0.01);
    expect(three.days).toBeLessThanOrEqual(1);
  });

  it("refuses before committing anything when the server drops the lock headers (BlockPublicAcls on Pacific), and snapshots once it is off", async () => {
    await server.createBucket("blockacls", true);
    // A one-day GOVERNANCE default: what the objects get instead of the three days asked.
    await server.s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: "blockacls",
        ObjectLockConfiguration: {
          ObjectLockEnabled: "Enabled",
          Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 1 } },
        },
      }),
    );
    const block = (on: boolean) =>
      server.s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: "blockacls",
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: on,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      );
    await block(true);
    policy("{ floor: { min_age: 3d }, object_lock: { mode: COMPLIANCE } }");
    ws.write("app/x.yaml", "x: blocked\n");
    const refused = await snapshot("s3://blockacls/p");
    expect(refused.code).not.toBe(0);
    const { error } = refused.json() as { error: { code: string; message: string; fix: string } };
    expect(error.code).toBe("CONFIG");
    expect(error.message).toContain("did not apply the Object Lock it was asked for");
    expect(error.message).toContain("mode none instead of COMPLIANCE");
    expect(error.fix).toContain("turn BlockPublicAcls off");
    const manifests = await server.s3.send(
      new ListObjectVersionsCommand({ Bucket: "blockacls", Prefix: "p/manifests/" }),
    );
    expect(manifests.Versions ?? []).toEqual([]);

    await block(false);
    const taken = await snapshot("s3://blockacls/p");
    expect({ code: taken.code, stderr: taken.stderr }).toEqual({ code: 0, stderr: "" });
    expect(taken.json()).toMatchObject({ seq: 1 });
    expect((await manifestLock("blockacls", "p", 1)).mode).toBe("COMPLIANCE");
  });

  it("reads back one locked write per opened store, none without a lock, and fails every put of a store whose read-back failed", async () => {
    await server.createBucket("counted", true);
    const blob = (n: number) => ({
      id: n.toString(16).padStart(64, "0"),
      sha256: "cd".repeat(32),
      encoding: "none" as const,
      ciphertext: new TextEncoder().encode(`blob ${n}`),
    });
    const locked = countingClient("counted", server.endpoint);
    const store = new S3Store(locked.client, parseS3StoreSpec("s3://counted/c"), {
      lock: { mode: "GOVERNANCE", days: 1 },
    });
    for (const n of [1, 2, 3]) await store.putBlob(blob(n));
    expect({ put: locked.calls.put, lockState: locked.calls.lockState }).toEqual({
      put: 3,
      lockState: 1,
    });
    const plain = countingClient("counted", server.endpoint);
    const unlocked = new S3Store(plain.client, parseS3StoreSpec("s3://counted/u"));
    for (const n of [4, 5]) await unlocked.putBlob(blob(n));
    expect({ put: plain.calls.put, lockState: plain.calls.lockState }).toEqual({
      put: 2,
      lockState: undefined,
    });

    await server.createBucket("dropped", true);
    await server.s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: "dropped",
        PublicAccessBlockConfiguration: { BlockPublicAcls: true },
      }),
    );
    const held = countingClient("dropped", server.endpoint);
    const holding = new S3Store(held.client, parseS3StoreSpec("s3://dropped/h"), {
      legalHold: true,
    });
    const settled = await Promise.allSettled([6, 7, 8].map((n) => holding.putBlob(blob(n))));
    for (const outcome of settled) {
      expect(outcome.status).toBe("rejected");
      const reason = (outcome as PromiseRejectedResult).reason as Error;
      expect(isSnapgateError(reason, "CONFIG")).toBe(true);
      expect(reason.message).toContain("no legal hold where one was asked");
    }
    expect(held.calls.lockState).toBe(1);
  });

  it("lifts an environment's S3 legal holds once the policy drops them, audited, keeping a blob a held environment shares; a governance-bypass delete then succeeds where it was refused", async () => {
    await server.createBucket("lifthold", true);
    const store = "s3://lifthold/p";
    const tier = (reason: string | null) =>
      `{ max_age: 72h, retention: { floor: { min_age: 1d${reason ? `, legal_hold: { reason: "${reason}" }` : ""} }, object_lock: { mode: GOVERNANCE } } }`;
    const holdPolicy = (prodReason: string | null) =>
      ws.writePolicy(
        `${ws.keysYaml}tiers:\n  tier1: ${tier(prodReason)}\n  tier2: ${tier("case 9")}\nenvironments:\n  prod: { tier: tier1 }\n  keep: { tier: tier2 }\n`,
      );
    holdPolicy("case 7");
    ws.write("app/x.yaml", "shared: 1\n");
    ws.write("app/only.yaml", "prod only\n");
    for (const [env, path] of [
      ["prod", "app"],
      ["keep", "app/x.yaml"],
    ] as const) {
      const snap = await snapshotOf(env, path, store);
      expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    }
    const lift = (...more: string[]) =>
      ws.cliWithEnv(
        server.env,
        "lift-legal-hold",
        "--store",
        store,
        "--env",
        "prod",
        ...more,
        "--json",
      );
    const refused = await lift();
    expect(refused.code).not.toBe(0);
    expect(refused.json()).toMatchObject({
      error: { code: "POLICY", message: expect.stringContaining("case 7") },
    });

    const blobs =
      (
        await server.s3.send(
          new ListObjectVersionsCommand({ Bucket: "lifthold", Prefix: "p/blobs/" }),
        )
      ).Versions ?? [];
    expect(blobs).toHaveLength(2);
    const version = (item: (typeof blobs)[number]) => ({
      Bucket: "lifthold",
      Key: item.Key,
      VersionId: item.VersionId,
    });
    const holdOf = async (item: (typeof blobs)[number]) =>
      (await server.s3.send(new HeadObjectCommand(version(item)))).ObjectLockLegalHoldStatus;
    const bypassDelete = (item: (typeof blobs)[number]) =>
      server.s3.send(
        new DeleteObjectCommand({ ...version(item), BypassGovernanceRetention: true }),
      );
    // Held: even a governance bypass is refused.
    for (const item of blobs)
      await expect(bypassDelete(item)).rejects.toMatchObject({ name: "AccessDenied" });

    holdPolicy(null);
    const dry = await lift("--dry-run");
    expect(dry.code).toBe(0);
    const planned = dry.json() as { lifted: Array<{ path: string }> };
    expect(planned.lifted.length).toBeGreaterThan(0);
    expect(await Promise.all(blobs.map(holdOf))).toEqual(["ON", "ON"]);

    const lifted = await lift();
    expect({ code: lifted.code, stderr: lifted.stderr }).toEqual({ code: 0, stderr: "" });
    const result = lifted.json() as {
      released: number[];
      held: unknown[];
      lifted: Array<{ path: string; versionId: string }>;
    };
    expect(result).toMatchObject({ released: [1], held: [], lifted: planned.lifted });
    const paths = result.lifted.map((item) => item.path);
    expect(paths).toContain("manifests/prod/0000000001.json");
    expect(paths.filter((path) => path.startsWith("nodes/")).length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.startsWith("blobs/"))).toHaveLength(1);

    // The blob only prod names lost its hold; the one keep shares kept it.
    const states = await Promise.all(blobs.map(holdOf));
    expect([...states].sort()).toEqual(["OFF", "ON"]);
    const free = blobs[states.indexOf("OFF")] as (typeof blobs)[number];
    const shared = blobs[states.indexOf("ON")] as (typeof blobs)[number];
    expect(paths).toContain((free.Key ?? "").slice("p/".length));
    await expect(bypassDelete(shared)).rejects.toMatchObject({ name: "AccessDenied" });
    await bypassDelete(free);
    expect(
      (
        await server.s3.send(
          new ListObjectVersionsCommand({ Bucket: "lifthold", Prefix: free.Key }),
        )
      ).Versions ?? [],
    ).toEqual([]);

    const audit = await new S3Store(
      createS3StoreClient({ bucket: "lifthold", endpoint: server.endpoint }),
      parseS3StoreSpec(store),
    ).readAuditLines();
    const event = JSON.parse(audit.at(-1) ?? "{}") as {
      type: string;
      subject: unknown;
      details: { versions: number; snapshots: number[]; policyDigest: string };
    };
    expect(event).toMatchObject({
      type: "legal-hold.lifted",
      subject: { stream: "prod" },
      details: { versions: result.lifted.length, snapshots: [1] },
    });
    expect(event.details.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("lift-legal-hold refuses a local store and a bucket without Object Lock, each with a fix", async () => {
    policy("{ floor: { min_age: 1d } }");
    await server.createBucket("plainhold");
    ws.write("app/x.yaml", "x: plain\n");
    expect((await snapshot("s3://plainhold/p")).code).toBe(0);
    for (const [store, says] of [
      [join(ws.dir, "local-store"), "not an s3:// store"],
      ["s3://plainhold/p", "has no Object Lock"],
    ] as const) {
      const run = await ws.cliWithEnv(
        server.env,
        "lift-legal-hold",
        "--store",
        store,
        "--env",
        "prod",
        "--json",
      );
      expect(run.code).not.toBe(0);
      const { error } = run.json() as { error: { code: string; message: string; fix: string } };
      expect(error).toMatchObject({ code: "USAGE", message: expect.stringContaining(says) });
      expect(error.fix).toContain("removing");
    }
  });

  it("serialises prune with a concurrent snapshot: a snapshot reusing blobs a prune is deleting retries and writes them again; prune spares what an in-flight commit names", async () => {
    await server.createBucket("race");
    const spec = "s3://race/r";
    policy("{ floor: { min_age: 1d } }");
    ws.write("app/x.yaml", "race: shared\n");
    ws.write("app/y.yaml", "race: 1\n");
    expect((await snapshot(spec)).code).toBe(0);
    // The seed's commit intent, as if it were taken over an hour ago (a prune spares what commits of
    // the last hour name): this prune is to race the next snapshot only.
    for (const item of (
      await server.s3.send(new ListObjectsV2Command({ Bucket: "race", Prefix: "r/locks/_commit/" }))
    ).Contents ?? [])
      await server.s3.send(new DeleteObjectCommand({ Bucket: "race", Key: item.Key }));

    // A prune whose deletes wait at a gate: it has put its mark and read the commit intents.
    const real = createS3StoreClient({ bucket: "race", endpoint: server.endpoint });
    let reached: () => void = () => {};
    const atDelete = new Promise<void>((resolve) => (reached = resolve));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let deletes = 0;
    const pruner = new S3Store(
      {
        ...real,
        async delete(key, versionId) {
          reached();
          await gate;
          deletes++;
          return real.delete(key, versionId);
        },
      },
      parseS3StoreSpec(spec),
    );
    const doomed = (await pruner.listBlobs()).map(({ modifiedAt: _at, ...ref }) => ref);
    // As prune calls it: with a recheck (here one that keeps every offered blob doomed).
    const pruning = pruner.deleteBlobs(doomed, (offered) => Promise.resolve(offered));
    await atDelete;

    ws.write("app/y.yaml", "race: 2\n");
    let settled = false;
    const snapshotting = snapshot(spec).finally(() => (settled = true));
    // Let the prune go on once the snapshot has committed, or has retried (a second commit intent):
    // committing while the prune waits to delete what it reuses is the race the fence closes.
    const count = async (prefix: string) =>
      (await server.s3.send(new ListObjectsV2Command({ Bucket: "race", Prefix: prefix })))
        .KeyCount ?? 0;
    for (let poll = 0; poll < 400 && !settled; poll++) {
      if ((await count("r/locks/_commit/")) >= 2) break;
      if ((await count("r/manifests/prod/0000000002.json")) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    release();
    await pruning;
    const second = await snapshotting;
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: "" });
    expect(deletes).toBe(doomed.length);
    expect((second.json() as { attempts: number }).attempts).toBeGreaterThanOrEqual(2);
    const verified = await ws.cliWithEnv(
      server.env,
      "verify",
      // prod@1's blobs are the ones this prune took (as if prod@1 had been forgotten).
      "prod@2",
      "--store",
      spec,
      "--verify-key",
      ws.keys.verifyKey,
      "--identity",
      join(ws.dir, "id.txt"),
      "--json",
    );
    expect({ code: verified.code, ok: (verified.json() as { ok: boolean }).ok }).toEqual({
      code: 0,
      ok: true,
    });

    // A commit between its intent and its claim: prune spares what it names, and says so.
    const orphan = { id: "ee".repeat(32), sha256: "ff".repeat(32), encoding: "none" as const };
    const inFlight = new S3Store(real, parseS3StoreSpec(spec));
    await inFlight.putBlob({ ...orphan, ciphertext: new TextEncoder().encode("in flight") });
    await server.s3.send(
      new PutObjectCommand({
        Bucket: "race",
        Key: `r/${s3CommitIntentPath(new Date(), "00000000000000aa")}`,
        Body: JSON.stringify({ stream: "prod", seq: 3, paths: [blobPath(orphan)] }),
      }),
    );
    const pruned = await ws.cliWithEnv(
      server.env,
      "prune",
      "--store",
      spec,
      "--grace",
      "0s",
      "--json",
    );
    expect({ code: pruned.code, stderr: pruned.stderr }).toEqual({ code: 0, stderr: "" });
    const report = pruned.json() as { deleted: Array<{ id: string }>; spared: string[] };
    expect(report.spared).toEqual([orphan.id]);
    expect(report.deleted.map((blob) => blob.id)).not.toContain(orphan.id);
    expect(await inFlight.readBlob(orphan)).not.toBeNull();
    const marks = await server.s3.send(
      new ListObjectsV2Command({ Bucket: "race", Prefix: "r/locks/_prune/" }),
    );
    // Every prune finished: each mark has its done twin.
    const keys = (marks.Contents ?? []).map((item) => item.Key ?? "");
    const open = keys.filter((key) => !key.endsWith("-done"));
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(keys.filter((key) => key.endsWith("-done")).sort()).toEqual(
      open.map((key) => `${key}-done`).sort(),
    );
  });
});
