import { readFileSync } from "node:fs";
import type { S3Client } from "@aws-sdk/client-s3";
import { SnapgateError } from "../../errors.js";
import { s3ErrorOf } from "./s3-error-of.js";

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The token's sub and aud, unverified (STS verifies it): to say which identity was refused. */
function tokenClaims(file: string | undefined): string {
  if (!file) return "";
  try {
    const payload = readFileSync(file, "ascii").split(".")[1] ?? "";
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      sub?: unknown;
      aud?: unknown;
    };
    return ` for the token of sub '${String(claims.sub)}', aud '${String(claims.aud)}'`;
  } catch {
    return "";
  }
}

/**
 * Resolves the client's credentials now, through the SDK's default chain
 * (environment, profile, web identity: AssumeRoleWithWebIdentity), so that
 * missing or refused credentials fail before any store work with a fix, not
 * at the first object. The chain caches and refreshes what it resolved.
 */
export async function s3CredentialsOf(
  s3: S3Client,
  where: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<S3Credentials> {
  try {
    const credentials = await s3.config.credentials();
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    };
  } catch (error) {
    const roleArn = env.AWS_ROLE_ARN;
    const message = String((error as Error)?.message ?? error);
    const { name, status } = s3ErrorOf(error);
    const code = (error as { code?: string })?.code;
    if (roleArn && env.AWS_WEB_IDENTITY_TOKEN_FILE) {
      if (code === "ECONNREFUSED" || code === "ENOTFOUND" || /ECONNREFUSED|ENOTFOUND/.test(message))
        throw new SnapgateError(
          "REMOTE",
          `Could not reach STS to assume ${roleArn} for ${where}: ${message}.`,
          {
            fix: "Check the STS endpoint (the actions' sts-endpoint input, or AWS_ENDPOINT_URL_STS); leave it unset for AWS.",
          },
        );
      throw new SnapgateError(
        "PERMISSION",
        `STS refused AssumeRoleWithWebIdentity of ${roleArn}${tokenClaims(env.AWS_WEB_IDENTITY_TOKEN_FILE)} (${where}): ${name ?? "Error"}${status ? ` (HTTP ${status})` : ""}.`,
        {
          fix: "Check the role ARN, and that the role's trust policy allows this token: Principal Federated = the OIDC provider of token.actions.githubusercontent.com, Action sts:AssumeRoleWithWebIdentity, and conditions token.actions.githubusercontent.com:aud = the audience (oidc-audience) and :sub = the token's sub (repo:OWNER/REPO:environment:ENV for a job with an environment). See docs/setup.md.",
        },
      );
    }
    throw new SnapgateError("USAGE", `No AWS credentials for ${where}: ${message}`, {
      fix: "In an action, give aws-role-arn (GitHub OIDC, no stored secret); elsewhere set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE.",
    });
  }
}
