import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { ProbotLogger } from "../../../app/create-snapgate-probot.js";
import {
  BACKUP_REPO,
  createScenario,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
  type Scenario,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { signInThroughGitHub, WebClient } from "../../helpers/web-client.js";

/**
 * The dashboard the app serves behind GitHub sign-in, over HTTP against the
 * sandbox's web flow: the redirect to GitHub with a state bound to a signed
 * cookie, the code exchanged for a user token, GET /user, the access check
 * with that token (the gated repository and its backup repository), the
 * session cookie; and every way in that must fail.
 */
let h: AppHarness;
let prod: Scenario;
const logged: string[] = [];
const work = tempDir("snapgate-app-dashboard-");

/** Every log call at every level, as text. */
function recordingLogger(): ProbotLogger {
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      logged.push(
        `${level}: ${args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")}`,
      );
  const logger: Record<string, unknown> = { level: "trace", child: () => logger };
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal"])
    logger[level] = record(level);
  return logger as unknown as ProbotLogger;
}

beforeAll(async () => {
  h = await startAppHarness({ dashboard: true, log: recordingLogger() });
  // alice reads the (public) gated repositories and, as a collaborator, the private backup repository.
  h.gh.createUser({ login: "alice" });
  h.gh.addCollaborator(OWNER, BACKUP_REPO, "alice", "read");
  // carol may read the gated repository, not the backup repository.
  h.gh.createUser({ login: "carol" });
  h.gh.setUserPassword("alice", "alice-password");
  h.gh.setUserPassword("carol", "carol-password");
  prod = await createScenario(
    h,
    work,
    "prod",
    policyYaml(h.keys, "prod").replace(
      "environments:\n",
      "environments:\n  staging: { tier: tier1, release_branches: [main] }\n",
    ),
  );
  await prod.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
  await h.gh.createRepo({ owner: OWNER, name: "private-svc", private: true });
  h.gh.addCollaborator(OWNER, "private-svc", "carol", "read");
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

const dashboardUrl = (repo: string) => `${h.server.url}/dashboard/${OWNER}/${repo}`;

describe("the dashboard behind GitHub sign-in", () => {
  it("sends an unsigned-in browser to GitHub with a state bound to an HttpOnly cookie", async () => {
    const client = new WebClient();
    const first = await client.request(dashboardUrl(prod.repo));
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(
      `/auth/login?return_to=${encodeURIComponent(`/dashboard/${OWNER}/${prod.repo}`)}`,
    );
    const login = await client.request(`${h.server.url}${first.headers.get("location")}`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${h.gh.url}/login/oauth/authorize`);
    expect(authorize.searchParams.get("client_id")).toBe(h.app.clientId);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${h.server.url}/auth/callback`);
    const state = authorize.searchParams.get("state") ?? "";
    expect(state).toMatch(/^[\w-]{43}$/);
    const [cookie] = login.setCookies;
    expect(cookie).toMatch(
      /^snapgate_oauth_state=[\w-]+\.[\w-]+; Path=\/auth\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    // The state itself is not readable from the cookie's name or path; it is inside the signed value.
    expect(cookie).not.toContain(state);
  });

  it("signs a reader in through GitHub and serves the dashboard built from the backup repository", async () => {
    const client = new WebClient();
    const page = await signInThroughGitHub(client, dashboardUrl(prod.repo), {
      login: "alice",
      password: "alice-password",
    });
    expect(page.status).toBe(200);
    expect(page.url).toBe(dashboardUrl(prod.repo));
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.body).toContain(`Store github://${OWNER}/${BACKUP_REPO}@main`);
    expect(/<tr id="env-prod">.*?<\/tr>/.exec(page.body)?.[0]).toContain("#1 <code>");
    expect(/<tr id="env-staging">.*?<\/tr>/.exec(page.body)?.[0]).toContain("no-snapshot");
    expect(page.body).toContain("Signed in as @alice");
    // One renderer for the CLI and the app: the same table with its caption and headers.
    expect(page.body.match(/<th scope="col">/g)).toHaveLength(10);
    const session = client.history
      .flatMap((answer) => answer.setCookies)
      .find((c) => c.startsWith("snapgate_session="));
    expect(session).toMatch(/; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    // The user token is in no page, cookie or log line.
    const exchanged = h.gh.requests.filter((r) => r.operationId === "users/get-authenticated");
    expect(exchanged).toHaveLength(1);
    const cookiePayloads = client.history
      .flatMap((answer) => answer.setCookies)
      .map((line) => line.split(";")[0]?.split("=")[1]?.split(".")[0] ?? "")
      .map((payload) => Buffer.from(payload, "base64url").toString("utf8"));
    expect(cookiePayloads.some((payload) => payload.includes('"login":"alice"'))).toBe(true);
    const everything = [
      ...client.history.map(
        (a) => `${a.body} ${a.setCookies.join(" ")} ${a.headers.get("location")}`,
      ),
      ...cookiePayloads,
      ...logged,
    ].join("\n");
    expect(everything).not.toMatch(/ghu_|ghr_/);
    expect(everything).not.toContain(h.app.clientSecret);
    expect(logged.some((line) => line.includes("@alice") && line.includes("signed in"))).toBe(true);

    // Signed in: the next visit is served at once, from the build of a moment ago (no GitHub call).
    const calls = h.gh.requests.length;
    const again = await client.request(dashboardUrl(prod.repo));
    expect(again.status).toBe(200);
    expect(h.gh.requests.length).toBe(calls);
    // Signing out deletes the session.
    const out = await client.request(`${h.server.url}/auth/logout`, { method: "POST" });
    expect(out.setCookies[0]).toMatch(/^snapgate_session=; Path=\/; Max-Age=0/);
    expect((await client.request(dashboardUrl(prod.repo))).status).toBe(302);
  });

  it("refuses a person who cannot read the backup repository with a clear 403, and one who cannot read the repository", async () => {
    const carol = await signInThroughGitHub(new WebClient(), dashboardUrl(prod.repo), {
      login: "carol",
      password: "carol-password",
    });
    expect(carol.status).toBe(403);
    expect(carol.body).toContain("You do not have access to this dashboard");
    expect(carol.body).toContain(
      `You are signed in as @carol and can read ${OWNER}/${prod.repo}, but not its backup repository ${OWNER}/${BACKUP_REPO}`,
    );
    expect(carol.body).toContain("<main>");
    expect(carol.setCookies.join(" ")).not.toContain("snapgate_session=");

    const outsider = new WebClient();
    h.gh.createUser({ login: "mallory" });
    h.gh.setUserPassword("mallory", "m");
    const page = await signInThroughGitHub(outsider, dashboardUrl("private-svc"), {
      login: "mallory",
      password: "m",
    });
    expect(page.status).toBe(403);
    expect(page.body).toContain(`you cannot read ${OWNER}/private-svc`);

    // carol reads private-svc, which has no policy: a clear error, no session.
    const noPolicy = await signInThroughGitHub(new WebClient(), dashboardUrl("private-svc"), {
      login: "carol",
      password: "carol-password",
    });
    expect(noPolicy.status).toBe(502);
    expect(noPolicy.body).toContain("Access could not be checked");
    expect(noPolicy.body).toMatch(/snapgate\.yml/);
    expect(noPolicy.setCookies.join(" ")).not.toContain("snapgate_session=");
  });

  it("uses nothing it did not start: a callback without its state cookie, or with another state, exchanges no code", async () => {
    const before = h.gh.requests.filter((r) => r.operationId === "oauth/access-token").length;
    const stranger = new WebClient();
    const forged = await stranger.request(`${h.server.url}/auth/callback?code=abc&state=xyz`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain("The sign-in could not be verified");

    const client = new WebClient();
    await client.follow(dashboardUrl(prod.repo)); // sets the state cookie, stops at GitHub's sign-in form
    const other = await client.request(
      `${h.server.url}/auth/callback?code=abc&state=not-the-state`,
    );
    expect(other.status).toBe(400);
    // A tampered cookie is no cookie.
    const tampered = new WebClient();
    tampered.jar.set("127.0.0.1", new Map([["snapgate_session", "eyJsb2dpbiI6ImFsaWNlIn0.AAAA"]]));
    expect((await tampered.request(dashboardUrl(prod.repo))).status).toBe(302);
    expect(h.gh.requests.filter((r) => r.operationId === "oauth/access-token").length).toBe(before);
  });

  it("says so when GitHub refuses: a denied authorization, a bad code", async () => {
    h.gh.createUser({ login: "dora" });
    h.gh.setUserPassword("dora", "d");
    const client = new WebClient();
    const denied = await signInThroughGitHub(client, dashboardUrl(prod.repo), {
      login: "dora",
      password: "d",
      authorize: false,
    });
    expect(denied.status).toBe(401);
    expect(denied.body).toContain(
      "GitHub answered access_denied: The user has denied your application access.",
    );

    // A code GitHub never issued, with this browser's genuine state.
    const start = await client.request(
      `${h.server.url}/auth/login?return_to=${encodeURIComponent(`/dashboard/${OWNER}/${prod.repo}`)}`,
    );
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const bad = await client.request(`${h.server.url}/auth/callback?code=0000&state=${state}`);
    expect(bad.status).toBe(401);
    expect(bad.body).toContain("GitHub refused the sign-in: bad_verification_code");
    expect(bad.body).toContain("Sign in again");
  });

  it("keeps a session per repository: another dashboard asks GitHub again, which answers without a page", async () => {
    const client = new WebClient();
    await signInThroughGitHub(client, dashboardUrl(prod.repo), {
      login: "alice",
      password: "alice-password",
    });
    const other = await createScenario(h, work, "qa");
    const page = await client.follow(dashboardUrl(other.repo));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<tr id="env-qa">');
    expect(
      client.history.filter((a) => a.url.startsWith(`${h.server.url}/auth/callback`)),
    ).toHaveLength(2);
    // Both stay readable with the one cookie.
    expect((await client.request(dashboardUrl(prod.repo))).status).toBe(200);
  });
});
