import {
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  GetObjectRetentionCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { S3ClientSettings } from "./create-s3-store-client.js";
import type { S3BucketInspector } from "./s3-bucket-inspector.js";

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function name(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

/** doctor's bucket inspector over the official SDK (credentials from its default chain; ADR 1403's checksum settings). */
export function createS3BucketInspector(settings: S3ClientSettings): S3BucketInspector {
  const s3 = new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    region: settings.region ?? "us-east-1",
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  return {
    async reach() {
      try {
        await s3.send(new HeadBucketCommand({ Bucket }));
        return "ok";
      } catch (error) {
        if (status(error) === 404) return "missing";
        if (status(error) === 403) return "denied";
        throw error;
      }
    },
    async versioning() {
      return (await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status ?? null;
    },
    async objectLock() {
      try {
        const out = await s3.send(new GetObjectLockConfigurationCommand({ Bucket }));
        const rule = out.ObjectLockConfiguration?.Rule?.DefaultRetention;
        const days = rule?.Days ?? (rule?.Years !== undefined ? rule.Years * 365 : undefined);
        return {
          enabled: out.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled",
          defaultRetention:
            rule && days !== undefined ? { mode: String(rule.Mode ?? "GOVERNANCE"), days } : null,
        };
      } catch (error) {
        if (name(error) === "ObjectLockConfigurationNotFoundError" || status(error) === 404)
          return null;
        throw error;
      }
    },
    async publicAccessBlock() {
      try {
        const out = await s3.send(new GetPublicAccessBlockCommand({ Bucket }));
        const c = out.PublicAccessBlockConfiguration ?? {};
        return {
          blockPublicAcls: c.BlockPublicAcls === true,
          ignorePublicAcls: c.IgnorePublicAcls === true,
          blockPublicPolicy: c.BlockPublicPolicy === true,
          restrictPublicBuckets: c.RestrictPublicBuckets === true,
        };
      } catch (error) {
        if (name(error) === "NoSuchPublicAccessBlockConfiguration" || status(error) === 404)
          return "none";
        if (name(error) === "NotImplemented" || status(error) === 501) return "unsupported";
        throw error;
      }
    },
    async putGovernanceProbe(key, retainUntil) {
      try {
        const out = await s3.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: "snapgate doctor: governance bypass probe\n",
            ObjectLockMode: "GOVERNANCE",
            ObjectLockRetainUntilDate: retainUntil,
          }),
        );
        return out.VersionId ? { versionId: out.VersionId } : {};
      } catch (error) {
        if (status(error) === 403) return "denied";
        throw error;
      }
    },
    async deleteVersion(key, versionId, bypass) {
      try {
        await s3.send(
          new DeleteObjectCommand({
            Bucket,
            Key: key,
            VersionId: versionId,
            ...(bypass ? { BypassGovernanceRetention: true } : {}),
          }),
        );
        return "deleted";
      } catch (error) {
        if (status(error) === 403) return "refused";
        throw error;
      }
    },
    async listVersions(prefix) {
      const out = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: prefix }));
      return (out.Versions ?? [])
        .filter((v) => v.Key && v.VersionId)
        .map((v) => ({ key: v.Key as string, versionId: v.VersionId as string }));
    },
    async lockOf(key, versionId) {
      try {
        const out = await s3.send(
          new GetObjectRetentionCommand({ Bucket, Key: key, VersionId: versionId }),
        );
        return {
          ...(out.Retention?.Mode ? { mode: out.Retention.Mode } : {}),
          ...(out.Retention?.RetainUntilDate ? { retainUntil: out.Retention.RetainUntilDate } : {}),
        };
      } catch (error) {
        // A version with no retention of its own.
        if (status(error) === 404) return {};
        throw error;
      }
    },
  } satisfies S3BucketInspector;
}
