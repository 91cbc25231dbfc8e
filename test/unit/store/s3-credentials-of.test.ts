import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "@jest/globals";
import { s3CredentialsOf } from "../../../core/store/s3/s3-credentials-of.js";

/** A client whose default chain answers `resolve` (narrow: only config.credentials is read). */
const clientWith = (resolve: () => Promise<unknown>) =>
  ({ config: { credentials: resolve } }) as unknown as S3Client;

describe("s3CredentialsOf: credentials resolved up front, each refusal with its fix", () => {
  const dir = mkdtempSync(join(tmpdir(), "snapgate-creds-"));
  const tokenFile = join(dir, "token");
  const claims = { sub: "repo:acme/other:environment:prod", aud: "sts.amazonaws.com" };
  writeFileSync(tokenFile, `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`);
  const webIdentity = {
    AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/snapgate",
    AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
  };

  it("returns the keys (for masking)", async () => {
    const client = clientWith(async () => ({
      accessKeyId: "ASIA1",
      secretAccessKey: "secret",
      sessionToken: "session",
    }));
    await expect(s3CredentialsOf(client, "s3://b/", {})).resolves.toEqual({
      accessKeyId: "ASIA1",
      secretAccessKey: "secret",
      sessionToken: "session",
    });
  });

  it("no credentials at all: USAGE, naming the ways to give them", async () => {
    const error = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    await expect(
      s3CredentialsOf(
        clientWith(() => Promise.reject(error)),
        "s3://b/",
        {},
      ),
    ).rejects.toMatchObject({
      code: "USAGE",
      summary: "No AWS credentials for s3://b/: Could not load credentials from any providers",
      fix: expect.stringContaining("give aws-role-arn"),
    });
  });

  it("STS refusing the role: PERMISSION with the token's sub and aud and the trust-policy fix", async () => {
    const error = Object.assign(new Error("AccessDenied"), {
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      s3CredentialsOf(
        clientWith(() => Promise.reject(error)),
        "s3://b/",
        webIdentity,
      ),
    ).rejects.toMatchObject({
      code: "PERMISSION",
      summary:
        "STS refused AssumeRoleWithWebIdentity of arn:aws:iam::123456789012:role/snapgate for the token of sub 'repo:acme/other:environment:prod', aud 'sts.amazonaws.com' (s3://b/): AccessDenied (HTTP 403).",
      fix: expect.stringContaining("trust policy allows this token"),
    });
  });

  it("STS unreachable: REMOTE, naming sts-endpoint", async () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
    });
    await expect(
      s3CredentialsOf(
        clientWith(() => Promise.reject(error)),
        "s3://b/",
        webIdentity,
      ),
    ).rejects.toMatchObject({
      code: "REMOTE",
      fix: expect.stringContaining("sts-endpoint"),
    });
  });
});
