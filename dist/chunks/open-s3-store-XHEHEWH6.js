import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  newS3Client,
  require_dist_cjs,
  s3ErrorOf
} from "./chunk-O332QOTC.js";
import {
  S3Store
} from "./chunk-6DYNTZOJ.js";
import "./chunk-TXCZOU2P.js";
import "./chunk-2Y6IUYOO.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-K3D2YTSH.js";
import {
  parseS3StoreSpec
} from "./chunk-RB7WNJM7.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/store/s3/create-s3-store-client.ts
var import_client_s3 = __toESM(require_dist_cjs(), 1);
function createS3StoreClient(settings, s3 = newS3Client(settings)) {
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
    async list(prefix, startAfter) {
      const found = [];
      let token;
      do {
        const out = await s3.send(
          new import_client_s3.ListObjectsV2Command({
            Bucket,
            Prefix: prefix,
            ...startAfter ? { StartAfter: startAfter } : {},
            ...token ? { ContinuationToken: token } : {}
          })
        );
        for (const item of out.Contents ?? [])
          if (item.Key)
            found.push({
              key: item.Key,
              ...item.LastModified ? { lastModified: item.LastModified } : {},
              ...item.Size !== void 0 ? { size: item.Size } : {}
            });
        token = out.IsTruncated ? out.NextContinuationToken : void 0;
      } while (token);
      return found;
    },
    async listVersions(key) {
      const out = await s3.send(new import_client_s3.ListObjectVersionsCommand({ Bucket, Prefix: key }));
      return (out.Versions ?? []).filter((v) => v.Key === key && v.VersionId).map((v) => ({ versionId: v.VersionId, isLatest: v.IsLatest === true }));
    },
    async setLegalHold(key, versionId, on) {
      await s3.send(
        new import_client_s3.PutObjectLegalHoldCommand({
          Bucket,
          Key: key,
          VersionId: versionId,
          LegalHold: { Status: on ? "ON" : "OFF" }
        })
      );
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

// core/store/s3/s3-credentials-of.ts
import { readFileSync } from "node:fs";
function tokenClaims(file) {
  if (!file) return "";
  try {
    const payload = readFileSync(file, "ascii").split(".")[1] ?? "";
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return ` for the token of sub '${String(claims.sub)}', aud '${String(claims.aud)}'`;
  } catch {
    return "";
  }
}
async function s3CredentialsOf(s3, where, env = process.env) {
  try {
    const credentials = await s3.config.credentials();
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}
    };
  } catch (error) {
    const roleArn = env.AWS_ROLE_ARN;
    const message = String(error?.message ?? error);
    const { name, status } = s3ErrorOf(error);
    const code = error?.code;
    if (roleArn && env.AWS_WEB_IDENTITY_TOKEN_FILE) {
      if (code === "ECONNREFUSED" || code === "ENOTFOUND" || /ECONNREFUSED|ENOTFOUND/.test(message))
        throw new SnapgateError(
          "REMOTE",
          `Could not reach STS to assume ${roleArn} for ${where}: ${message}.`,
          {
            fix: "Check the STS endpoint (the actions' sts-endpoint input, or AWS_ENDPOINT_URL_STS); leave it unset for AWS."
          }
        );
      throw new SnapgateError(
        "PERMISSION",
        `STS refused AssumeRoleWithWebIdentity of ${roleArn}${tokenClaims(env.AWS_WEB_IDENTITY_TOKEN_FILE)} (${where}): ${name ?? "Error"}${status ? ` (HTTP ${status})` : ""}.`,
        {
          fix: "Check the role ARN, and that the role's trust policy allows this token: Principal Federated = the OIDC provider of token.actions.githubusercontent.com, Action sts:AssumeRoleWithWebIdentity, and conditions token.actions.githubusercontent.com:aud = the audience (oidc-audience) and :sub = the token's sub (repo:OWNER/REPO:environment:ENV for a job with an environment). See docs/setup.md."
        }
      );
    }
    throw new SnapgateError("USAGE", `No AWS credentials for ${where}: ${message}`, {
      fix: "In an action, give aws-role-arn (GitHub OIDC, no stored secret); elsewhere set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE."
    });
  }
}

// core/store/s3/open-s3-store.ts
async function openS3Store(spec, settings, options = {}) {
  const location = parseS3StoreSpec(spec);
  const clientSettings = { ...settings, bucket: location.bucket };
  const s3 = newS3Client(clientSettings);
  const where = `s3://${location.bucket}/${location.prefix}`;
  const credentials = await s3CredentialsOf(s3, where);
  return {
    store: new S3Store(createS3StoreClient(clientSettings, s3), location, options),
    credentials
  };
}
export {
  openS3Store
};
