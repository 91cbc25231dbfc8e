import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { S3StoreClient } from "./s3-store-types.js";

export interface S3ClientSettings {
  bucket: string;
  endpoint?: string;
  region?: string;
}

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function name(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

/**
 * The S3 store's client over the official SDK. Credentials come from the SDK's
 * default chain (environment, profile, web identity). Checksums only when an
 * operation requires them: Ceph RGW before Reef rejects the SDK's default
 * aws-chunked trailing checksums (ADR 1403); AWS accepts both.
 */
export function createS3StoreClient(settings: S3ClientSettings): S3StoreClient {
  const s3 = new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    region: settings.region ?? "us-east-1",
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  return {
    async put(key, body, options = {}) {
      try {
        const out = await s3.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: body,
            ...(options.ifNoneMatch ? { IfNoneMatch: "*" } : {}),
            ...(options.retention
              ? {
                  ObjectLockMode: options.retention.mode,
                  ObjectLockRetainUntilDate: options.retention.until,
                }
              : {}),
            ...(options.legalHold ? { ObjectLockLegalHoldStatus: "ON" as const } : {}),
          }),
        );
        return out.VersionId ? { versionId: out.VersionId } : {};
      } catch (error) {
        if (options.ifNoneMatch && status(error) === 412) return "exists";
        throw error;
      }
    },
    async get(key, versionId) {
      try {
        const out = await s3.send(
          new GetObjectCommand({
            Bucket,
            Key: key,
            ...(versionId ? { VersionId: versionId } : {}),
          }),
        );
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (
          name(error) === "NoSuchKey" ||
          (status(error) === 404 && name(error) !== "NoSuchBucket")
        )
          return null;
        throw error;
      }
    },
    async lockState(key, versionId) {
      try {
        const out = await s3.send(
          new HeadObjectCommand({
            Bucket,
            Key: key,
            ...(versionId ? { VersionId: versionId } : {}),
          }),
        );
        return {
          ...(out.ObjectLockRetainUntilDate ? { retainUntil: out.ObjectLockRetainUntilDate } : {}),
          ...(out.ObjectLockMode ? { mode: out.ObjectLockMode } : {}),
          legalHold: out.ObjectLockLegalHoldStatus === "ON",
        };
      } catch (error) {
        if (status(error) === 404) return null;
        throw error;
      }
    },
    async list(prefix) {
      const found: Array<{ key: string; lastModified?: Date }> = [];
      let token: string | undefined;
      do {
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const item of out.Contents ?? [])
          if (item.Key)
            found.push({
              key: item.Key,
              ...(item.LastModified ? { lastModified: item.LastModified } : {}),
            });
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return found;
    },
    async listVersions(key) {
      const out = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: key }));
      return (out.Versions ?? [])
        .filter((v) => v.Key === key && v.VersionId)
        .map((v) => ({ versionId: v.VersionId as string, isLatest: v.IsLatest === true }));
    },
    async delete(key, versionId) {
      await s3.send(
        new DeleteObjectCommand({
          Bucket,
          Key: key,
          ...(versionId ? { VersionId: versionId } : {}),
        }),
      );
    },
    async objectLockEnabled() {
      try {
        const out = await s3.send(new GetObjectLockConfigurationCommand({ Bucket }));
        return out.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled";
      } catch (error) {
        // No lock configuration (a plain bucket) is a 404 of its own name.
        if (name(error) === "ObjectLockConfigurationNotFoundError" || status(error) === 404) {
          if (name(error) === "NoSuchBucket") throw error;
          return false;
        }
        throw error;
      }
    },
  } satisfies S3StoreClient;
}
