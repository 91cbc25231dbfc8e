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
 * thumbprint), creates the role with `trust` and puts `permissions` on it.
 * Both documents are AWS's, as docs/setup.md gives them: GitHub's issuer
 * (`token.actions.githubusercontent.com`, in the provider ARN and the
 * condition keys) and the account id are rewritten to the test issuer's
 * host:port and RGW's empty account. Returns the role's ARN.
 */
export async function createWebIdentityRole(
  server: S3TestServer,
  role: {
    name: string;
    issuer: string;
    thumbprint: string;
    audience: string;
    trust: string;
    permissions: string;
  },
): Promise<string> {
  const idp = role.issuer.replace(/^https?:\/\//, "");
  await iam(server, {
    Action: "CreateOpenIDConnectProvider",
    Url: role.issuer,
    "ClientIDList.member.1": role.audience,
    "ThumbprintList.member.1": role.thumbprint,
  });
  // Compact, as a client sends a parsed document.
  const trust = JSON.stringify(JSON.parse(role.trust))
    .replace(/arn:aws:iam::\d+:oidc-provider\//g, "arn:aws:iam:::oidc-provider/")
    .replaceAll("token.actions.githubusercontent.com", idp);
  await iam(server, {
    Action: "CreateRole",
    RoleName: role.name,
    Path: "/",
    AssumeRolePolicyDocument: trust,
  });
  await iam(server, {
    Action: "PutRolePolicy",
    RoleName: role.name,
    PolicyName: "snapgate-bucket",
    PolicyDocument: JSON.stringify(JSON.parse(role.permissions)),
  });
  return `arn:aws:iam:::role/${role.name}`;
}
