import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/store/s3/prepare-web-identity.ts
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
var ROLE_ARN = /^arn:[\w-]*:iam::\d*:role\/.+$/;
function prepareWebIdentity(token, identity, dir) {
  if (!ROLE_ARN.test(identity.roleArn))
    throw new SnapgateError("USAGE", `'${identity.roleArn}' is not an IAM role ARN.`, {
      fix: "Give the role's ARN as IAM shows it, e.g. arn:aws:iam::123456789012:role/snapgate-backup."
    });
  if (!SESSION_NAME.test(identity.sessionName))
    throw new SnapgateError("USAGE", `'${identity.sessionName}' is not a role session name.`, {
      fix: "Use 2-64 characters of letters, digits and _+=,.@- (STS's rule), or leave it empty for the default."
    });
  const home = mkdtempSync(join(dir, "snapgate-oidc-"));
  chmodSync(home, 448);
  const file = join(home, "token");
  writeFileSync(file, token, { mode: 384 });
  return {
    AWS_WEB_IDENTITY_TOKEN_FILE: file,
    AWS_ROLE_ARN: identity.roleArn,
    AWS_ROLE_SESSION_NAME: identity.sessionName,
    ...identity.stsEndpoint ? { AWS_ENDPOINT_URL_STS: identity.stsEndpoint } : {}
  };
}
export {
  prepareWebIdentity
};
