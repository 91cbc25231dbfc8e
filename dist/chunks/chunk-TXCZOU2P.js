import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/s3/s3-error.ts
function describe(error) {
  const e = error;
  return {
    name: e?.name ?? e?.code ?? "Error",
    ...e?.$metadata?.httpStatusCode !== void 0 ? { status: e.$metadata.httpStatusCode } : {},
    message: String(e?.message ?? error)
  };
}
function s3Error(error, doing, where) {
  if (error instanceof SnapgateError) return error;
  const { name, status, message } = describe(error);
  if (name === "NoSuchBucket" || status === 404 && /bucket/i.test(message))
    return new SnapgateError("STORE_MISSING", `The bucket of ${where} does not exist (${doing}).`, {
      fix: "Create the bucket (with Object Lock for WORM backups: aws s3api create-bucket --object-lock-enabled-for-bucket), or check the bucket name and --endpoint."
    });
  if (name === "AccessDenied" || name === "InvalidAccessKeyId" || name === "SignatureDoesNotMatch" || name === "CredentialsProviderError" || status === 403)
    return new SnapgateError("PERMISSION", `${where} refused ${doing}: ${name}.`, {
      fix: "Check the credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN) and that they may read, write and list the bucket."
    });
  const code = error?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EAI_AGAIN" || /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(message))
    return new SnapgateError(
      "REMOTE",
      `Could not reach the S3 endpoint of ${where} (${doing}): ${message}.`,
      {
        fix: "Check --endpoint (or SNAPGATE_S3_ENDPOINT / AWS_ENDPOINT_URL_S3) and the network; leave it unset for AWS S3."
      }
    );
  return new SnapgateError(
    "REMOTE",
    `S3 failed ${doing} in ${where}: ${name}${status ? ` (HTTP ${status})` : ""}: ${message}`,
    {
      fix: "Retry; if it persists, check the endpoint's health and the bucket's settings."
    }
  );
}

export {
  s3Error
};
