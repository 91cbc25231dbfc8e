import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { storeSettings } from "../../../actions/lib/store-settings.js";
import { prepareWebIdentity } from "../../../core/store/s3/prepare-web-identity.js";

describe("storeSettings with an s3:// store", () => {
  const context = (env: NodeJS.ProcessEnv = {}, lockDefaults = {}) => ({
    apiUrl: "https://api.example",
    cwd: "/work",
    env: { GITHUB_RUN_ID: "4242", GITHUB_RUN_ATTEMPT: "2", ...env },
    lockDefaults,
  });

  it("store, endpoint, region, lock and the role to assume by OIDC (STS at the S3 endpoint by default)", () => {
    expect(
      storeSettings(
        {
          store: "s3://backups/acme",
          "s3-endpoint": "http://127.0.0.1:7480",
          "aws-region": "eu-west-1",
          "aws-role-arn": "arn:aws:iam::123456789012:role/snapgate",
          "oidc-audience": "sts.amazonaws.com",
          "object-lock-mode": "COMPLIANCE",
          "retain-days": "30",
        },
        null,
        context(),
      ),
    ).toEqual({
      kind: "s3",
      spec: "s3://backups/acme",
      endpoint: "http://127.0.0.1:7480",
      region: "eu-west-1",
      options: { lock: { mode: "COMPLIANCE", days: 30 } },
      oidc: {
        roleArn: "arn:aws:iam::123456789012:role/snapgate",
        sessionName: "snapgate-4242-2",
        audience: "sts.amazonaws.com",
        stsEndpoint: "http://127.0.0.1:7480",
      },
    });
  });

  it("AWS: no endpoints; region from AWS_REGION; the tier's floor and legal hold for a snapshot", () => {
    expect(
      storeSettings(
        {
          store: "s3://backups",
          "aws-role-arn": "arn:aws:iam::123456789012:role/snapgate",
          "aws-role-session-name": "deploy-prod",
          "oidc-audience": "sts.amazonaws.com",
          "object-lock-mode": "GOVERNANCE",
        },
        null,
        context({ AWS_REGION: "us-west-2" }, { retainDays: 7, legalHold: true }),
      ),
    ).toEqual({
      kind: "s3",
      spec: "s3://backups",
      region: "us-west-2",
      options: { lock: { mode: "GOVERNANCE", days: 7 }, legalHold: true },
      oidc: {
        roleArn: "arn:aws:iam::123456789012:role/snapgate",
        sessionName: "deploy-prod",
        audience: "sts.amazonaws.com",
      },
    });
  });

  it.each([
    [{ store: "s3://b/p", "store-dir": "d" }, {}, "Both store-dir and store were given."],
    [{ store: "/srv/backups" }, {}, "is not an s3:// address"],
    [{ store: "s3://B_AD/p" }, {}, "is not an S3 store address"],
    [{ "store-dir": "d", "aws-role-arn": "arn:aws:iam::1:role/r" }, {}, "need an S3 store"],
    [{ store: "s3://bucket", "retain-days": "3" }, {}, "retain-days needs object-lock-mode."],
    [
      { store: "s3://bucket", "object-lock-mode": "COMPLIANCE" },
      {},
      "object-lock-mode COMPLIANCE retain-days (none) is not a retention.",
    ],
    [{ store: "s3://bucket", "sts-endpoint": "http://x" }, {}, "need aws-role-arn"],
    [
      { store: "s3://bucket", "aws-role-arn": "arn:aws:iam::1:role/r" },
      { AWS_ACCESS_KEY_ID: "AKIA" },
      "the SDK would use the stored key, not the role",
    ],
  ])("refuses %p", (inputs, env, message) => {
    expect(() => storeSettings(inputs, null, context(env))).toThrow(
      expect.objectContaining({ code: "USAGE", summary: expect.stringContaining(message) }),
    );
  });
});

describe("prepareWebIdentity", () => {
  it("writes the token to a 0600 file in a 0700 directory and names it for the SDK's chain", () => {
    const dir = mkdtempSync(join(tmpdir(), "snapgate-webid-"));
    const env = prepareWebIdentity(
      "header.payload.signature",
      {
        roleArn: "arn:aws:iam:::role/snapgate",
        sessionName: "snapgate-1-1",
        stsEndpoint: "http://127.0.0.1:1",
      },
      dir,
    );
    const file = env.AWS_WEB_IDENTITY_TOKEN_FILE as string;
    expect(env).toEqual({
      AWS_WEB_IDENTITY_TOKEN_FILE: file,
      AWS_ROLE_ARN: "arn:aws:iam:::role/snapgate",
      AWS_ROLE_SESSION_NAME: "snapgate-1-1",
      AWS_ENDPOINT_URL_STS: "http://127.0.0.1:1",
    });
    expect(readFileSync(file, "utf8")).toBe("header.payload.signature");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    expect(dirname(dirname(file))).toBe(dir);
  });

  it.each([
    [{ roleArn: "snapgate", sessionName: "ok-name" }, "is not an IAM role ARN"],
    [{ roleArn: "arn:aws:iam::1:role/r", sessionName: "has space" }, "is not a role session name"],
  ])("refuses %p", (identity, message) => {
    expect(() => prepareWebIdentity("t", identity, tmpdir())).toThrow(message);
  });
});
