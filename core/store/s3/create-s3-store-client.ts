import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { newS3Client, type S3ClientSettings } from "./new-s3-client.js";
import { s3ErrorOf } from "./s3-error-of.js";
import type { S3StoreClient } from "./s3-store-types.js";

/**
 * The S3 store's client over the official SDK (newS3Client: credentials and
 * checksum settings), or over `s3` when the caller already made (and checked
 * the credentials of) one.
 */
export function createS3StoreClient(
  settings: S3ClientSettings,
  s3: S3Client = newS3Client(settings),
): S3StoreClient {
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
        if (options.ifNoneMatch && s3ErrorOf(error).status === 412) return "exists";
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
          s3ErrorOf(error).name === "NoSuchKey" ||
          (s3ErrorOf(error).status === 404 && s3ErrorOf(error).name !== "NoSuchBucket")
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
        if (s3ErrorOf(error).status === 404) return null;
        throw error;
      }
    },
    async list(prefix, startAfter) {
      const found: Array<{ key: string; lastModified?: Date; size?: number }> = [];
      let token: string | undefined;
      do {
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: prefix,
            ...(startAfter ? { StartAfter: startAfter } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const item of out.Contents ?? [])
          if (item.Key)
            found.push({
              key: item.Key,
              ...(item.LastModified ? { lastModified: item.LastModified } : {}),
              ...(item.Size !== undefined ? { size: item.Size } : {}),
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
    async setLegalHold(key, versionId, on) {
      await s3.send(
        new PutObjectLegalHoldCommand({
          Bucket,
          Key: key,
          VersionId: versionId,
          LegalHold: { Status: on ? "ON" : "OFF" },
        }),
      );
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
        if (
          s3ErrorOf(error).name === "ObjectLockConfigurationNotFoundError" ||
          s3ErrorOf(error).status === 404
        ) {
          if (s3ErrorOf(error).name === "NoSuchBucket") throw error;
          return false;
        }
        throw error;
      }
    },
  } satisfies S3StoreClient;
}
