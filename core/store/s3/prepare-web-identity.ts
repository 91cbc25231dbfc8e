import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SnapgateError } from "../../errors.js";

/** A role to assume with an OIDC token (GitHub Actions' id token), through the SDK's default chain. */
export interface WebIdentity {
  roleArn: string;
  sessionName: string;
  /** An STS other than AWS's (Ceph RGW, MinIO): AWS_ENDPOINT_URL_STS. */
  stsEndpoint?: string;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN = /^arn:[\w-]*:iam::\d*:role\/.+$/;

/**
 * Writes the token to a new 0600 file in a new 0700 directory under `dir`
 * and returns the variables with which the SDK's default credential chain
 * calls AssumeRoleWithWebIdentity itself (AWS_WEB_IDENTITY_TOKEN_FILE,
 * AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, AWS_ENDPOINT_URL_STS). The caller sets
 * them; the token never goes into the environment itself.
 */
export function prepareWebIdentity(
  token: string,
  identity: WebIdentity,
  dir: string,
): Record<string, string> {
  if (!ROLE_ARN.test(identity.roleArn))
    throw new SnapgateError("USAGE", `'${identity.roleArn}' is not an IAM role ARN.`, {
      fix: "Give the role's ARN as IAM shows it, e.g. arn:aws:iam::123456789012:role/snapgate-backup.",
    });
  if (!SESSION_NAME.test(identity.sessionName))
    throw new SnapgateError("USAGE", `'${identity.sessionName}' is not a role session name.`, {
      fix: "Use 2-64 characters of letters, digits and _+=,.@- (STS's rule), or leave it empty for the default.",
    });
  const home = mkdtempSync(join(dir, "snapgate-oidc-"));
  chmodSync(home, 0o700);
  const file = join(home, "token");
  writeFileSync(file, token, { mode: 0o600 });
  return {
    AWS_WEB_IDENTITY_TOKEN_FILE: file,
    AWS_ROLE_ARN: identity.roleArn,
    AWS_ROLE_SESSION_NAME: identity.sessionName,
    ...(identity.stsEndpoint ? { AWS_ENDPOINT_URL_STS: identity.stsEndpoint } : {}),
  };
}
