import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { runCli } from "../../helpers/run-cli.js";
import { makePolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

interface Finding {
  check: string;
  ok: boolean | null;
  detail: string;
  fix?: string;
}

/** check -> ok, the shape every assertion compares. */
const states = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.check, f.ok]));

suite("doctor on an s3:// store, against a real Ceph RGW", () => {
  let server: S3TestServer;
  const work = tempDir();
  const policyDir = tempDir();

  beforeAll(() => {
    server = startS3Server();
  });
  afterAll(() => server?.stop());

  const doctor = async (store: string, ...more: string[]) => {
    const run = await runCli(["doctor", "--store", store, ...more, "--json"], {
      cwd: work,
      env: server.env,
    });
    expect(run.stderr).toBe("");
    return { code: run.code, ...(run.json() as { ok: boolean; findings: Finding[] }) };
  };

  const lockBucket = async (
    name: string,
    days: number,
    { blockPublic = true, before = async () => {} } = {},
  ) => {
    await server.createBucket(name, true);
    await before();
    await server.s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: name,
        ObjectLockConfiguration: {
          ObjectLockEnabled: "Enabled",
          Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: days } },
        },
      }),
    );
    if (blockPublic)
      await server.s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: name,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      );
  };
  const probes = async (bucket: string, prefix: string) =>
    (
      await server.s3.send(
        new ListObjectVersionsCommand({ Bucket: bucket, Prefix: `${prefix}locks/doctor-probe/` }),
      )
    ).Versions ?? [];

  it("passes a WORM bucket's lock and public access checks, and says it could not check the bypass where RGW drops the probe's lock headers", async () => {
    await lockBucket("worm", 1);
    const found = await doctor("s3://worm/backups");
    expect(states(found.findings)).toEqual({
      "the bucket is reachable": true,
      "versioning is enabled": true,
      "Object Lock is enabled": true,
      "a default retention covers the policy's floor": true,
      "public access is blocked": true,
      // RGW Pacific with BlockPublicAcls ignores a PUT's lock headers: the probe gets the
      // COMPLIANCE default, whose refusal would prove nothing about the bypass (ADR 1405).
      "these credentials cannot bypass governance retention": null,
    });
    expect(found.findings.at(-1)?.detail).toContain("in COMPLIANCE mode");
    expect(found).toMatchObject({ code: 3, ok: false });
  });

  it("finds that the bucket owner can bypass governance, and passes that check once a bucket policy denies it", async () => {
    // An earlier run's probe that is no longer locked, put before the bucket has a default
    // retention (RGW replaces a past retain-until with the default, and keeps none without one).
    const earlier = () =>
      server.s3
        .send(
          new PutObjectCommand({
            Bucket: "gov",
            Key: "backups/locks/doctor-probe/earlier",
            Body: "old",
            ObjectLockMode: "GOVERNANCE",
            ObjectLockRetainUntilDate: new Date(Date.now() - 60_000),
          }),
        )
        .then(() => undefined);
    await lockBucket("gov", 1, { blockPublic: false, before: earlier });
    expect(await probes("gov", "backups/")).toHaveLength(1);
    const first = await doctor("s3://gov/backups");
    const bypass = first.findings.at(-1) as Finding;
    // RGW lets the bucket owner bypass unless a policy denies it (ADR 1403).
    expect(bypass).toMatchObject({
      check: "these credentials cannot bypass governance retention",
      ok: false,
    });
    expect(bypass.fix).toContain("s3:BypassGovernanceRetention");
    // The allowed bypass deleted the probe, and the expired one was removed: nothing is left.
    expect(await probes("gov", "backups/")).toEqual([]);

    await server.s3.send(
      new PutBucketPolicyCommand({
        Bucket: "gov",
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: { AWS: ["arn:aws:iam:::user/snapgate-admin"] },
              Action: ["s3:BypassGovernanceRetention"],
              Resource: ["arn:aws:s3:::gov/*"],
            },
          ],
        }),
      }),
    );
    const second = await doctor("s3://gov/backups");
    expect(states(second.findings)).toEqual({
      "the bucket is reachable": true,
      "versioning is enabled": true,
      "Object Lock is enabled": true,
      "a default retention covers the policy's floor": true,
      "public access is blocked": false,
      "these credentials cannot bypass governance retention": true,
    });
    expect(second.code).toBe(3);
    // The refused probe stays, GOVERNANCE-locked for minutes, under the store's prefix.
    expect(await probes("gov", "backups/")).toHaveLength(1);
  });

  it("finds versioning, Object Lock and public access off in a plain bucket, and cannot check the bypass there", async () => {
    await server.createBucket("plain");
    const found = await doctor("s3://plain/p");
    expect(states(found.findings)).toEqual({
      "the bucket is reachable": true,
      "versioning is enabled": false,
      "Object Lock is enabled": false,
      "a default retention covers the policy's floor": false,
      "public access is blocked": false,
      "these credentials cannot bypass governance retention": null,
    });
    expect(found).toMatchObject({ code: 3, ok: false });
    const byCheck = new Map(found.findings.map((f) => [f.check, f]));
    expect(byCheck.get("Object Lock is enabled")?.fix).toContain(
      "--object-lock-enabled-for-bucket",
    );
    expect(byCheck.get("public access is blocked")?.fix).toContain("put-public-access-block");
  });

  it("finds a default retention shorter than the policy's largest floor", async () => {
    await lockBucket("short", 1);
    const ws = await makePolicyWorkspace(policyDir);
    ws.writePolicy(
      `${ws.keysYaml}tiers:\n  tier0:\n    max_age: 24h\n    retention: { keep: { last: 5 }, floor: { min_age: 30d } }\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 5 }, floor: { min_age: 3d } }\nenvironments:\n  prod: { tier: tier0 }\n  dev: { tier: tier1 }\n`,
    );
    const run = await ws.cliWithEnv(server.env, "doctor", "--store", "s3://short/p", "--json");
    const found = run.json() as { findings: Finding[] };
    const retention = found.findings.find(
      (f) => f.check === "a default retention covers the policy's floor",
    );
    expect(retention).toMatchObject({ ok: false });
    expect(retention?.detail).toContain("COMPLIANCE 1 days");
    expect(retention?.detail).toContain("tier tier0, 30 days");
    expect(retention?.fix).toContain('"Days":30');
    expect(run.code).toBe(3);
  });

  it("names a missing bucket with a fix and checks nothing else", async () => {
    const found = await doctor("s3://no-such-bucket/p");
    expect(found.findings).toEqual([
      expect.objectContaining({ check: "the bucket is reachable", ok: false }),
    ]);
    expect(found.code).toBe(3);
  });
});
