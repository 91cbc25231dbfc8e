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

// core/store/s3/create-s3-bucket-inspector.ts
var import_client_s3 = __toESM(require_dist_cjs(), 1);
function createS3BucketInspector(settings) {
  const s3 = newS3Client(settings);
  const Bucket = settings.bucket;
  return {
    async reach() {
      try {
        await s3.send(new import_client_s3.HeadBucketCommand({ Bucket }));
        return "ok";
      } catch (error) {
        if (s3ErrorOf(error).status === 404) return "missing";
        if (s3ErrorOf(error).status === 403) return "denied";
        throw error;
      }
    },
    async versioning() {
      return (await s3.send(new import_client_s3.GetBucketVersioningCommand({ Bucket }))).Status ?? null;
    },
    async objectLock() {
      try {
        const out = await s3.send(new import_client_s3.GetObjectLockConfigurationCommand({ Bucket }));
        const rule = out.ObjectLockConfiguration?.Rule?.DefaultRetention;
        const days = rule?.Days ?? (rule?.Years !== void 0 ? rule.Years * 365 : void 0);
        return {
          enabled: out.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled",
          defaultRetention: rule && days !== void 0 ? { mode: String(rule.Mode ?? "GOVERNANCE"), days } : null
        };
      } catch (error) {
        if (s3ErrorOf(error).name === "ObjectLockConfigurationNotFoundError" || s3ErrorOf(error).status === 404)
          return null;
        throw error;
      }
    },
    async publicAccessBlock() {
      try {
        const out = await s3.send(new import_client_s3.GetPublicAccessBlockCommand({ Bucket }));
        const c = out.PublicAccessBlockConfiguration ?? {};
        return {
          blockPublicAcls: c.BlockPublicAcls === true,
          ignorePublicAcls: c.IgnorePublicAcls === true,
          blockPublicPolicy: c.BlockPublicPolicy === true,
          restrictPublicBuckets: c.RestrictPublicBuckets === true
        };
      } catch (error) {
        if (s3ErrorOf(error).name === "NoSuchPublicAccessBlockConfiguration" || s3ErrorOf(error).status === 404)
          return "none";
        if (s3ErrorOf(error).name === "NotImplemented" || s3ErrorOf(error).status === 501)
          return "unsupported";
        throw error;
      }
    },
    async putGovernanceProbe(key, retainUntil) {
      try {
        const out = await s3.send(
          new import_client_s3.PutObjectCommand({
            Bucket,
            Key: key,
            Body: "snapgate doctor: governance bypass probe\n",
            ObjectLockMode: "GOVERNANCE",
            ObjectLockRetainUntilDate: retainUntil
          })
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
          new import_client_s3.DeleteObjectCommand({
            Bucket,
            Key: key,
            VersionId: versionId,
            ...bypass ? { BypassGovernanceRetention: true } : {}
          })
        );
        return "deleted";
      } catch (error) {
        if (s3ErrorOf(error).status === 403) return "refused";
        throw error;
      }
    },
    async listVersions(prefix) {
      const out = await s3.send(new import_client_s3.ListObjectVersionsCommand({ Bucket, Prefix: prefix }));
      return (out.Versions ?? []).filter((v) => v.Key && v.VersionId).map((v) => ({ key: v.Key, versionId: v.VersionId }));
    },
    async lockOf(key, versionId) {
      try {
        const out = await s3.send(
          new import_client_s3.GetObjectRetentionCommand({ Bucket, Key: key, VersionId: versionId })
        );
        return {
          ...out.Retention?.Mode ? { mode: out.Retention.Mode } : {},
          ...out.Retention?.RetainUntilDate ? { retainUntil: out.Retention.RetainUntilDate } : {}
        };
      } catch (error) {
        if (s3ErrorOf(error).status === 404) return {};
        throw error;
      }
    }
  };
}
export {
  createS3BucketInspector
};
