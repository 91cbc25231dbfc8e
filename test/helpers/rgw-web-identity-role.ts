import { signV4Form } from "../../sandbox/s3/sign-v4-form.js";
import type { S3TestServer } from "./s3-server.js";

/** One IAM query-API call to the test server as its admin user; the XML answer, or throws. */
async function iam(server: S3TestServer, params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ ...params, Version: "2010-05-08" }).toString();
  const credentials = {
    accessKeyId: server.env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: server.env.AWS_SECRET_ACCESS_KEY as string,
  };
  const response = await fetch(`${server.endpoint}/`, {
    method: "POST",
    headers: signV4Form(server.endpoint, body, credentials, "iam"),
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`IAM ${params.Action} failed: ${response.status} ${text}`);
  return text;
}

/**
 * What docs/setup.md has an AWS user do, on the test server's own IAM API:
 * registers the OIDC issuer (its URL, the audience, the signing certificate's
 * thumbprint) and creates a role that only tokens of `subjects` with
 * `audience` may assume, allowed everything on `bucket` and nothing else.
 * Returns the role's ARN.
 */
export async function createWebIdentityRole(
  server: S3TestServer,
  role: {
    name: string;
    issuer: string;
    thumbprint: string;
    audience: string;
    subjects: string[];
    bucket: string;
  },
): Promise<string> {
  const idp = role.issuer.replace(/^https?:\/\//, "");
  try {
    await iam(server, {
      Action: "CreateOpenIDConnectProvider",
      Url: role.issuer,
      "ClientIDList.member.1": role.audience,
      "ThumbprintList.member.1": role.thumbprint,
    });
  } catch (error) {
    if (!/EntityAlreadyExists/.test(String(error))) throw error;
  }
  const trust = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: [`arn:aws:iam:::oidc-provider/${idp}`] },
        Action: ["sts:AssumeRoleWithWebIdentity"],
        Condition: {
          StringEquals: { [`${idp}:aud`]: role.audience, [`${idp}:sub`]: role.subjects },
        },
      },
    ],
  };
  await iam(server, {
    Action: "CreateRole",
    RoleName: role.name,
    Path: "/",
    AssumeRolePolicyDocument: JSON.stringify(trust),
  });
  await iam(server, {
    Action: "PutRolePolicy",
    RoleName: role.name,
    PolicyName: "snapgate-bucket",
    PolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["s3:*"],
          Resource: [`arn:aws:s3:::${role.bucket}`, `arn:aws:s3:::${role.bucket}/*`],
        },
      ],
    }),
  });
  return `arn:aws:iam:::role/${role.name}`;
}
