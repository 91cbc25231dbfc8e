import { describe, expect, it } from "@jest/globals";
import { checkS3Bucket } from "../../../core/store/s3/check-s3-bucket.js";
import type { S3BucketInspector } from "../../../core/store/s3/s3-bucket-inspector.js";

/**
 * Answers Ceph RGW cannot give (it implements GetPublicAccessBlock, and its owner's PutObject
 * ignores a bucket policy Deny): the integration suite covers what the real server answers.
 */
function inspector(overrides: Partial<S3BucketInspector>): {
  client: S3BucketInspector;
  calls: string[];
} {
  const calls: string[] = [];
  const client: S3BucketInspector = {
    reach: async () => "ok",
    versioning: async () => "Enabled",
    objectLock: async () => ({
      enabled: true,
      defaultRetention: { mode: "COMPLIANCE", days: 30 },
    }),
    publicAccessBlock: async () => ({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    }),
    putGovernanceProbe: async (key) => {
      calls.push(`put ${key}`);
      return { versionId: "v1" };
    },
    deleteVersion: async (key, versionId, bypass) => {
      calls.push(`delete ${key} ${versionId}${bypass ? " bypass" : ""}`);
      return "refused";
    },
    listVersions: async () => [],
    lockOf: async () => ({ mode: "GOVERNANCE", retainUntil: new Date("2026-03-07T12:10:00Z") }),
    ...overrides,
  };
  return { client, calls };
}

const options = { now: new Date("2026-03-07T12:00:00Z"), probeId: "0123456789abcdef" };
const where = { bucket: "b", prefix: "p/" };

describe("checkS3Bucket's answers for what the test server cannot say", () => {
  it("says it could not check public access when the server does not implement GetPublicAccessBlock", async () => {
    const { client } = inspector({ publicAccessBlock: async () => "unsupported" });
    const findings = await checkS3Bucket(client, where, options);
    expect(findings.find((f) => f.check === "public access is blocked")).toMatchObject({
      ok: null,
      detail: expect.stringContaining("could not check"),
    });
  });

  it("says it could not check the bypass when the probe's put is refused, and deletes nothing", async () => {
    const { client, calls } = inspector({
      putGovernanceProbe: async () => "denied",
    });
    const findings = await checkS3Bucket(client, where, options);
    expect(findings.at(-1)).toMatchObject({
      check: "these credentials cannot bypass governance retention",
      ok: null,
      detail: expect.stringContaining(
        "may not write the probe p/locks/doctor-probe/0123456789abcdef",
      ),
    });
    expect(calls).toEqual([]);
  });

  it("tries the bypass only after a plain delete of the GOVERNANCE probe is refused", async () => {
    const { client, calls } = inspector({});
    const findings = await checkS3Bucket(client, where, options);
    expect(findings.every((f) => f.ok === true)).toBe(true);
    expect(calls).toEqual([
      "put p/locks/doctor-probe/0123456789abcdef",
      "delete p/locks/doctor-probe/0123456789abcdef v1",
      "delete p/locks/doctor-probe/0123456789abcdef v1 bypass",
    ]);
  });
});
