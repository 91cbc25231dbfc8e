import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  newS3Client,
  require_dist_cjs,
  s3ErrorOf
} from "./chunk-O332QOTC.js";
import "./chunk-2Y6IUYOO.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/store/s3/create-s3-store-client.ts
var import_client_s3 = __toESM(require_dist_cjs(), 1);
function createS3StoreClient(settings) {
  const s3 = newS3Client(settings);
  const Bucket = settings.bucket;
  return {
    async put(key, body, options = {}) {
      try {
        const out = await s3.send(
          new import_client_s3.PutObjectCommand({
            Bucket,
            Key: key,
            Body: body,
            ...options.ifNoneMatch ? { IfNoneMatch: "*" } : {},
            ...options.retention ? {
              ObjectLockMode: options.retention.mode,
              ObjectLockRetainUntilDate: options.retention.until
            } : {},
            ...options.legalHold ? { ObjectLockLegalHoldStatus: "ON" } : {}
          })
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
          new import_client_s3.GetObjectCommand({
            Bucket,
            Key: key,
            ...versionId ? { VersionId: versionId } : {}
          })
        );
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (s3ErrorOf(error).name === "NoSuchKey" || s3ErrorOf(error).status === 404 && s3ErrorOf(error).name !== "NoSuchBucket")
          return null;
        throw error;
      }
    },
    async lockState(key, versionId) {
      try {
        const out = await s3.send(
          new import_client_s3.HeadObjectCommand({
            Bucket,
            Key: key,
            ...versionId ? { VersionId: versionId } : {}
          })
        );
        return {
          ...out.ObjectLockRetainUntilDate ? { retainUntil: out.ObjectLockRetainUntilDate } : {},
          ...out.ObjectLockMode ? { mode: out.ObjectLockMode } : {},
          legalHold: out.ObjectLockLegalHoldStatus === "ON"
        };
      } catch (error) {
        if (s3ErrorOf(error).status === 404) return null;
        throw error;
      }
    },
    async list(prefix) {
      const found = [];
      let token;
      do {
        const out = await s3.send(
          new import_client_s3.ListObjectsV2Command({
            Bucket,
            Prefix: prefix,
            ...token ? { ContinuationToken: token } : {}
          })
        );
        for (const item of out.Contents ?? [])
          if (item.Key)
            found.push({
              key: item.Key,
              ...item.LastModified ? { lastModified: item.LastModified } : {}
            });
        token = out.IsTruncated ? out.NextContinuationToken : void 0;
      } while (token);
      return found;
    },
    async listVersions(key) {
      const out = await s3.send(new import_client_s3.ListObjectVersionsCommand({ Bucket, Prefix: key }));
      return (out.Versions ?? []).filter((v) => v.Key === key && v.VersionId).map((v) => ({ versionId: v.VersionId, isLatest: v.IsLatest === true }));
    },
    async delete(key, versionId) {
      await s3.send(
        new import_client_s3.DeleteObjectCommand({
          Bucket,
          Key: key,
          ...versionId ? { VersionId: versionId } : {}
        })
      );
    },
    async objectLockEnabled() {
      try {
        const out = await s3.send(new import_client_s3.GetObjectLockConfigurationCommand({ Bucket }));
        return out.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled";
      } catch (error) {
        if (s3ErrorOf(error).name === "ObjectLockConfigurationNotFoundError" || s3ErrorOf(error).status === 404) {
          if (s3ErrorOf(error).name === "NoSuchBucket") throw error;
          return false;
        }
        throw error;
      }
    }
  };
}
export {
  createS3StoreClient
};
