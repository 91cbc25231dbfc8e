import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { startSandbox, type Sandbox, type CreatedApp } from "../../../sandbox/index.js";
import { octokitFor, statusOf } from "./sandbox-clients.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let gh: Sandbox;
let app: CreatedApp;
let installationId: number;

function jwt(payload: Record<string, unknown>, privateKeyPem: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(payload)}`;
  const signature = sign("RSA-SHA256", Buffer.from(unsigned), createPrivateKey(privateKeyPem));
  return `${unsigned}.${signature.toString("base64url")}`;
}

function appJwt(overrides: Record<string, unknown> = {}, key = app.privateKeyPem): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt({ iat: now - 30, exp: now + 540, iss: app.appId, ...overrides }, key);
}

beforeAll(async () => {
  gh = await startSandbox();
  gh.createUser({ login: "owner" });
  gh.createUser({ login: "reader" });
  gh.createUser({ login: "stranger" });
  gh.createOrg({ login: "acme", admins: ["owner"] });
  await gh.createRepo({ owner: "acme", name: "secret", private: true, files: { "a.txt": "a" } });
  await gh.createRepo({ owner: "acme", name: "open", files: { "b.txt": "b" } });
  await gh.createRepo({ owner: "acme", name: "other", private: true, files: { "c.txt": "c" } });
  gh.addCollaborator("acme", "secret", "reader", "read");
  app = registerSnapgateApp(gh);
  installationId = gh.installApp(app.appId, "acme", ["secret", "open"]);
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

describe("tokens and permissions", () => {
  it("answers 401 to an unknown or expired token", async () => {
    expect(
      await statusOf(octokitFor(gh, "ghp_unknown").repos.get({ owner: "acme", repo: "open" })),
    ).toEqual({
      status: 401,
      message: "Bad credentials",
    });
    const expired = gh.createToken({
      actor: "owner",
      repositories: "all",
      permissions: { contents: "read" },
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(
      (await statusOf(octokitFor(gh, expired).repos.get({ owner: "acme", repo: "secret" }))).status,
    ).toBe(401);
  });

  it("hides a private repository from who cannot see it (404), anonymous or not", async () => {
    expect(
      (await statusOf(octokitFor(gh).repos.get({ owner: "acme", repo: "secret" }))).status,
    ).toBe(404);
    const stranger = gh.createToken({
      actor: "stranger",
      repositories: "all",
      permissions: { contents: "write" },
    });
    expect(
      (await statusOf(octokitFor(gh, stranger).repos.get({ owner: "acme", repo: "secret" })))
        .status,
    ).toBe(404);
    const scoped = gh.createToken({
      actor: "owner",
      repositories: ["acme/open"],
      permissions: { contents: "write" },
    });
    expect(
      (await statusOf(octokitFor(gh, scoped).repos.get({ owner: "acme", repo: "secret" }))).status,
    ).toBe(404);
    expect((await octokitFor(gh).repos.get({ owner: "acme", repo: "open" })).data.private).toBe(
      false,
    );
  });

  it("answers 403 when the token lacks the permission, naming the accepted one", async () => {
    const readOnly = gh.createToken({
      actor: "owner",
      repositories: "all",
      permissions: { contents: "read" },
    });
    const refused = await octokitFor(gh, readOnly)
      .git.createBlob({ owner: "acme", repo: "secret", content: "x" })
      .catch(
        (error: {
          status: number;
          response: { headers: Record<string, string>; data: { message: string } };
        }) => error,
      );
    expect(refused).toMatchObject({
      status: 403,
      response: {
        headers: { "x-accepted-github-permissions": "contents=write" },
        data: { message: "Resource not accessible by personal access token" },
      },
    });
  });

  it("caps a personal token by the person's role", async () => {
    const token = gh.createToken({
      actor: "reader",
      repositories: "all",
      permissions: { contents: "write" },
    });
    const reader = octokitFor(gh, token);
    expect(
      (await reader.repos.getContent({ owner: "acme", repo: "secret", path: "a.txt" })).status,
    ).toBe(200);
    expect(
      (await statusOf(reader.git.createBlob({ owner: "acme", repo: "secret", content: "x" })))
        .status,
    ).toBe(403);
    const permission = await reader.repos.getCollaboratorPermissionLevel({
      owner: "acme",
      repo: "secret",
      username: "reader",
    });
    expect(permission.data).toMatchObject({ permission: "read", role_name: "read" });
  });

  it("lets only GitHub Apps create check runs", async () => {
    const token = gh.createToken({
      actor: "owner",
      repositories: "all",
      permissions: { checks: "write" },
    });
    const sha = (
      await octokitFor(gh, token).git.getRef({ owner: "acme", repo: "open", ref: "heads/main" })
    ).data.object.sha;
    expect(
      await statusOf(
        octokitFor(gh, token).checks.create({
          owner: "acme",
          repo: "open",
          name: "x",
          head_sha: sha,
        }),
      ),
    ).toEqual({
      status: 403,
      message: "You must authenticate via a GitHub App.",
    });
  });
});

describe("GitHub App authentication", () => {
  it("verifies the app's JWT (RS256) and refuses a forged, expired or far-future one", async () => {
    const asApp = (token: string) => octokitFor(gh, token).apps.getAuthenticated();
    expect((await asApp(appJwt())).data).toMatchObject({ id: app.appId, slug: "snapgate" });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = appJwt({}, privateKey.export({ type: "pkcs1", format: "pem" }).toString());
    expect(await statusOf(asApp(forged))).toEqual({
      status: 401,
      message: "A JSON web token could not be decoded",
    });
    const now = Math.floor(Date.now() / 1000);
    expect((await statusOf(asApp(appJwt({ iat: now - 700, exp: now - 100 })))).message).toMatch(
      /'exp'/,
    );
    expect((await statusOf(asApp(appJwt({ exp: now + 3600 })))).message).toBe(
      "'Expiration time' claim ('exp') is too far in the future",
    );
  });

  it("issues installation tokens through Probot's Octokit that reach only the installation's repositories", async () => {
    const octokit = new ProbotOctokit({
      auth: { appId: app.appId, privateKey: app.privateKeyPem, installationId },
      baseUrl: gh.url,
      log: quiet,
    });
    const content = await octokit.rest.repos.getContent({
      owner: "acme",
      repo: "secret",
      path: "a.txt",
    });
    expect(content.status).toBe(200);
    expect((await statusOf(octokit.rest.repos.get({ owner: "acme", repo: "other" }))).status).toBe(
      404,
    );
    expect(
      gh.requests.filter(
        (request) => request.operationId === "apps/create-installation-access-token",
      ),
    ).toEqual([expect.objectContaining({ status: 201, actor: "app:snapgate" })]);
    const blob = octokit.rest.git.createBlob({ owner: "acme", repo: "secret", content: "x" });
    expect((await blob).status).toBe(201);
    // app.yml asks for no secrets permission, so this is refused.
    const publicKey = await statusOf(
      octokit.rest.actions.getRepoPublicKey({ owner: "acme", repo: "secret" }),
    );
    expect(publicKey).toEqual({ status: 403, message: "Resource not accessible by integration" });
  });

  it("narrows an installation token to the permissions and repositories asked for", async () => {
    const asApp = octokitFor(gh, appJwt());
    const narrowed = await asApp.apps.createInstallationAccessToken({
      installation_id: installationId,
      repositories: ["open"],
      permissions: { contents: "read" },
    });
    expect(narrowed.data.permissions).toEqual({ contents: "read", metadata: "read" });
    const client = octokitFor(gh, narrowed.data.token);
    expect((await statusOf(client.repos.get({ owner: "acme", repo: "secret" }))).status).toBe(404);
    expect(
      (await statusOf(client.git.createBlob({ owner: "acme", repo: "open", content: "x" }))).status,
    ).toBe(403);
    expect(
      (
        await statusOf(
          asApp.apps.createInstallationAccessToken({
            installation_id: installationId,
            permissions: { secrets: "read" },
          }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await statusOf(
          asApp.apps.createInstallationAccessToken({
            installation_id: installationId,
            repositories: ["other"],
          }),
        )
      ).status,
    ).toBe(422);
  });

  it("finds the app's installation for a repository, by JWT only", async () => {
    const found = await octokitFor(gh, appJwt()).apps.getRepoInstallation({
      owner: "acme",
      repo: "secret",
    });
    expect(found.data).toMatchObject({
      id: installationId,
      app_id: app.appId,
      account: { login: "acme" },
    });
    expect(
      (
        await statusOf(
          octokitFor(gh, appJwt()).apps.getRepoInstallation({ owner: "acme", repo: "other" }),
        )
      ).status,
    ).toBe(404);
    const token = gh.createToken({ actor: "owner", repositories: "all", permissions: {} });
    expect(
      (
        await statusOf(
          octokitFor(gh, token).apps.getRepoInstallation({ owner: "acme", repo: "secret" }),
        )
      ).status,
    ).toBe(401);
  });
});

describe("a workflow's GITHUB_TOKEN", () => {
  it("acts as github-actions[bot] on its own repository only", async () => {
    const client = octokitFor(
      gh,
      gh.createWorkflowToken({ repository: "acme/open", permissions: { contents: "write" } }),
    );
    const blob = await client.git.createBlob({ owner: "acme", repo: "open", content: "x" });
    expect(blob.status).toBe(201);
    expect(gh.requests.at(-1)).toMatchObject({ actor: "github-actions[bot]", status: 201 });
    expect((await statusOf(client.repos.get({ owner: "acme", repo: "secret" }))).status).toBe(404);
    expect(() =>
      gh.createToken({ actor: "github-actions[bot]", repositories: "all", permissions: {} }),
    ).toThrow(/createInstallationToken/);
  });
});

describe("organization teams", () => {
  it("reports team membership to an installation with members:read, and 404 for non-members", async () => {
    gh.createTeam("acme", "release-managers", [{ login: "reader", role: "maintainer" }]);
    // Snapgate's App (app.yml asks for members:read to check roles live).
    const client = octokitFor(gh, gh.createInstallationToken(installationId));
    const membership = await client.teams.getMembershipForUserInOrg({
      org: "acme",
      team_slug: "release-managers",
      username: "reader",
    });
    expect(membership.data).toMatchObject({ role: "maintainer", state: "active" });
    expect(
      (
        await statusOf(
          client.teams.getMembershipForUserInOrg({
            org: "acme",
            team_slug: "release-managers",
            username: "stranger",
          }),
        )
      ).status,
    ).toBe(404);
    // A third-party app without members:read: the sandbox refuses it, as GitHub does.
    const plain = gh.createApp({
      slug: "third-party-no-members",
      permissions: { contents: "read" },
      events: [],
    });
    const withoutMembers = octokitFor(
      gh,
      gh.createInstallationToken(gh.installApp(plain.appId, "acme", "all")),
    );
    expect(
      (
        await statusOf(
          withoutMembers.teams.getMembershipForUserInOrg({
            org: "acme",
            team_slug: "release-managers",
            username: "reader",
          }),
        )
      ).status,
    ).toBe(403);
  });
});
