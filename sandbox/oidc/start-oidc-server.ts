import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { selfSignedCertificate } from "./self-signed-certificate.js";
import { signRs256Jwt } from "./sign-rs256-jwt.js";

/** The job a token is issued to: what GitHub puts in its claims. */
export interface OidcJob {
  repository: string;
  environment?: string;
  ref?: string;
  sha?: string;
  runId?: number;
  actor?: string;
  workflow?: string;
  eventName?: string;
}

export interface IssuedToken {
  audience: string;
  claims: Record<string, unknown>;
  token: string;
}

/**
 * A stand-in for GitHub Actions' OIDC: the runner's token endpoint
 * (ACTIONS_ID_TOKEN_REQUEST_URL, bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN) and the
 * issuer that relying parties read (/.well-known/openid-configuration, jwks).
 */
export interface OidcServer {
  /** The `iss` of every token, http://127.0.0.1:PORT (GitHub: https://token.actions.githubusercontent.com). */
  issuer: string;
  /** SHA-1 of the signing certificate (the JWKS key's x5c), hex upper case. */
  thumbprint: string;
  /**
   * What the runner gives a job with `permissions: id-token: write`: a request
   * token bound to this job (its claims), and the endpoint's URL.
   */
  runnerEnv(job: OidcJob): {
    ACTIONS_ID_TOKEN_REQUEST_URL: string;
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
  };
  /** Every token issued, in order. */
  issued: IssuedToken[];
  /** Requests to the token endpoint refused (wrong or missing request token). */
  refused: number;
  close(): Promise<void>;
}

/** The claims GitHub's tokens carry for a job (docs: "About security hardening with OpenID Connect"). */
function githubClaims(job: OidcJob, audience: string, issuer: string): Record<string, unknown> {
  const [owner = ""] = job.repository.split("/");
  const ref = job.ref ?? "refs/heads/main";
  const now = Math.floor(Date.now() / 1000);
  const sub = job.environment
    ? `repo:${job.repository}:environment:${job.environment}`
    : `repo:${job.repository}:ref:${ref}`;
  return {
    jti: randomUUID(),
    sub,
    aud: audience,
    ref,
    sha: job.sha ?? "0123456789abcdef0123456789abcdef01234567",
    repository: job.repository,
    repository_owner: owner,
    repository_owner_id: "1001",
    repository_id: "2002",
    repository_visibility: "private",
    run_id: String(job.runId ?? 1000),
    run_number: "7",
    run_attempt: "1",
    actor: job.actor ?? "octocat",
    actor_id: "3003",
    workflow: job.workflow ?? "deploy",
    event_name: job.eventName ?? "push",
    ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
    job_workflow_ref: `${job.repository}/.github/workflows/${job.workflow ?? "deploy"}.yml@${ref}`,
    ...(job.environment ? { environment: job.environment } : {}),
    iss: issuer,
    nbf: now - 5,
    iat: now,
    exp: now + 300,
  };
}

export async function startOidcServer(): Promise<OidcServer> {
  const signing = selfSignedCertificate("snapgate-oidc-sandbox");
  const kid = signing.thumbprint;
  const jobs = new Map<string, OidcJob>();
  const issued: IssuedToken[] = [];
  let refused = 0;
  let issuer = "";

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    if (req.method !== "GET") return json(res, 405, { message: "Method not allowed" });
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks`,
        subject_types_supported: ["public", "pairwise"],
        response_types_supported: ["id_token"],
        claims_supported: ["sub", "aud", "exp", "iat", "iss", "jti", "nbf", "ref", "repository"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid"],
      });
    }
    if (url.pathname === "/.well-known/jwks") {
      const jwk = signing.key.export({ format: "jwk" });
      return json(res, 200, {
        keys: [
          {
            kty: "RSA",
            alg: "RS256",
            use: "sig",
            kid,
            x5t: kid,
            n: jwk.n,
            e: jwk.e,
            x5c: [signing.der],
          },
        ],
      });
    }
    if (url.pathname === "/_apis/idtoken") {
      // The runner's endpoint: a bearer request token that names the job, else 401.
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const job = bearer ? jobs.get(bearer) : undefined;
      if (!job) {
        refused += 1;
        return json(res, 401, {
          message: "Unauthorized: the request token is not valid for a job.",
        });
      }
      const audience =
        url.searchParams.get("audience") ?? `https://github.com/${job.repository.split("/")[0]}`;
      const claims = githubClaims(job, audience, issuer);
      const token = signRs256Jwt(claims, signing.key, kid);
      issued.push({ audience, claims, token });
      return json(res, 200, { count: 1, value: token });
    }
    return json(res, 404, { message: "Not found" });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    thumbprint: signing.thumbprint,
    runnerEnv(job) {
      const requestToken = randomBytes(24).toString("base64url");
      jobs.set(requestToken, job);
      return {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer}/_apis/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      };
    },
    issued,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
