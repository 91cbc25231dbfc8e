import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CreateBucketCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from "@aws-sdk/client-s3";

const SCRIPT = fileURLToPath(new URL("../../sandbox/s3/start-s3-server.sh", import.meta.url));

/**
 * Whether the real S3 test server (Ceph RGW, ADR 1403) can run here. Absent
 * radosgw skips S3 suites with a message on a developer machine and fails
 * them in CI, where `.ci/run` installs it.
 */
export function s3ServerAvailable(): boolean {
  const found =
    spawnSync("/bin/sh", ["-c", "command -v radosgw"], {
      encoding: "utf8",
      env: process.env,
    }).status === 0;
  if (found) return true;
  if (process.env.CI)
    throw new Error(
      "radosgw is not installed, and CI must run the S3 store suites: apt-get install --no-install-recommends ceph-mon ceph-osd radosgw ceph-common (see .ci/run).",
    );
  console.warn(
    "SKIPPED: the S3 store suites need Ceph's radosgw (apt-get install --no-install-recommends ceph-mon ceph-osd radosgw ceph-common); see docs/adr/1403-s3-test-server.md.",
  );
  return false;
}

export interface S3TestServer {
  endpoint: string;
  /** AWS_* and SNAPGATE_S3_ENDPOINT for a CLI run against this server. */
  env: Record<string, string>;
  /** An SDK client for direct calls (ADR 1403's checksum settings). */
  s3: S3Client;
  /** Creates a fresh bucket; with Object Lock when `lock` (versioned, WORM). */
  createBucket(name: string, lock?: boolean): Promise<void>;
  stop(): void;
}

/**
 * Starts one throwaway server (3-9 s) for a suite file (`sts`: with RGW's STS
 * and the admin user's IAM caps, ADR 1406): call in beforeAll,
 * stop() in afterAll. Its AWS_* variables are also set on process.env, where
 * the SDK's default credential chain reads them for in-process CLI runs.
 */
export function startS3Server(options: { sts?: boolean } = {}): S3TestServer {
  const parent = mkdtempSync(join(tmpdir(), "snapgate-s3-"));
  const dir = join(parent, "cluster");
  const out = execFileSync(SCRIPT, ["start", dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    // With sts: RGW's STS (AssumeRoleWithWebIdentity) on, keyed by a random 16-character key.
    env: options.sts ? { ...process.env, S3_STS_KEY: randomBytes(8).toString("hex") } : process.env,
  });
  const vars = Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] as string, m[2] as string]),
  );
  const endpoint = vars.S3_ENDPOINT as string;
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: vars.AWS_ACCESS_KEY_ID as string,
    AWS_SECRET_ACCESS_KEY: vars.AWS_SECRET_ACCESS_KEY as string,
    AWS_REGION: vars.AWS_REGION ?? "us-east-1",
    SNAPGATE_S3_ENDPOINT: endpoint,
  };
  Object.assign(process.env, env);
  const s3 = new S3Client({
    endpoint,
    region: env.AWS_REGION,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID as string,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string,
    },
  });
  return {
    endpoint,
    env,
    s3,
    async createBucket(name, lock = false) {
      await s3.send(
        new CreateBucketCommand({
          Bucket: name,
          ...(lock ? { ObjectLockEnabledForBucket: true } : {}),
        }),
      );
      if (lock)
        await s3.send(
          new PutObjectLockConfigurationCommand({
            Bucket: name,
            ObjectLockConfiguration: { ObjectLockEnabled: "Enabled" },
          }),
        );
    },
    stop() {
      s3.destroy();
      execFileSync(SCRIPT, ["stop", dir], { stdio: "ignore" });
      rmdirSync(parent);
    },
  };
}
