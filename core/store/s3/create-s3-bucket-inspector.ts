import {
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  GetObjectRetentionCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { newS3Client, type S3ClientSettings } from "./new-s3-client.js";
import { s3ErrorOf } from "./s3-error-of.js";
import type { S3BucketInspector } from "./s3-bucket-inspector.js";

/** doctor's bucket inspector over the official SDK (newS3Client: credentials and checksum settings). */
export function createS3BucketInspector(settings: S3ClientSettings): S3BucketInspector {
  const s3 = newS3Client(settings);
  const Bucket = settings.bucket;
  return {
    async reach() {
      try {
        await s3.send(new HeadBucketCommand({ Bucket }));
        return "ok";
      } catch (error) {
        if (s3ErrorOf(error).status === 404) return "missing";
        if (s3ErrorOf(error).status === 403) return "denied";
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
        if (
          s3ErrorOf(error).name === "ObjectLockConfigurationNotFoundError" ||
          s3ErrorOf(error).status === 404
        )
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
        if (
          s3ErrorOf(error).name === "NoSuchPublicAccessBlockConfiguration" ||
          s3ErrorOf(error).status === 404
        )
          return "none";
        if (s3ErrorOf(error).name === "NotImplemented" || s3ErrorOf(error).status === 501)
          return "unsupported";
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
        if (s3ErrorOf(error).status === 403) return "denied";
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
        if (s3ErrorOf(error).status === 403) return "refused";
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
        if (s3ErrorOf(error).status === 404) return {};
        throw error;
      }
    },
  } satisfies S3BucketInspector;
}
