import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startSandbox, type CreatedApp, type Sandbox } from "../../../sandbox/index.js";
import { formOf, WebClient } from "../../helpers/web-client.js";

let gh: Sandbox;
let app: CreatedApp;
const CALLBACK = "http://127.0.0.1:9/auth/callback";

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "alice" });
  gh.createUser({ login: "bob" });
  gh.createOrg({ login: "acme", admins: ["alice"] });
  gh.createOrg({ login: "other", admins: ["alice"] });
  await gh.createRepo({ owner: "acme", name: "backups", private: true, files: { a: "a\n" } });
  await gh.createRepo({ owner: "other", name: "secret", private: true, files: { a: "a\n" } });
  gh.setUserPassword("alice", "correct horse");
  app = gh.createApp({
    slug: "fixture-dashboard",
    permissions: { contents: "read" },
    events: [],
    callbackUrls: [CALLBACK],
  });
  gh.installApp(app.appId, "acme", "all");
});

afterAll(async () => {
  gh.assertClean();
  await gh.close();
});

function authorizeUrl(params: Record<string, string>): string {
  return `${gh.url}/login/oauth/authorize?${new URLSearchParams({ client_id: app.clientId, redirect_uri: CALLBACK, ...params }).toString()}`;
}

/** Signs alice in and authorizes the app; returns the code the callback receives. */
async function codeFor(client: WebClient, state: string): Promise<string> {
  let page = await client.follow(authorizeUrl({ state }));
  if (page.body.includes('action="/session"')) {
    const form = formOf(page, "/session");
    page = await client.request(form.url, {
      form: { ...form.fields, login: "alice", password: "correct horse" },
    });
    page = await client.request(new URL(page.headers.get("location") ?? "", gh.url).toString());
  }
  if (page.status === 200) {
    const form = formOf(page, "/login/oauth/authorize");
    page = await client.request(form.url, { form: { ...form.fields, authorize: "1" } });
  }
  expect(page.status).toBe(302);
  const back = new URL(page.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  expect(back.searchParams.get("state")).toBe(state);
  return back.searchParams.get("code") ?? "";
}

async function exchange(
  fields: Record<string, string>,
  accept = "application/json",
): Promise<{ type: string; text: string }> {
  const response = await fetch(`${gh.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept, "content-type": "application/json" },
    body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, ...fields }),
  });
  // GitHub answers the token exchange's errors with 200 too.
  expect(response.status).toBe(200);
  return { type: response.headers.get("content-type") ?? "", text: await response.text() };
}

describe("the sandbox's OAuth web flow (a GitHub App's user authorization)", () => {
  it("sends a browser that is not signed in to the sign-in form, and refuses a wrong password", async () => {
    const client = new WebClient();
    const first = await client.request(authorizeUrl({ state: "s1" }));
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toMatch(
      /^\/login\?client_id=.*&return_to=%2Flogin%2Foauth%2Fauthorize/,
    );
    const form = formOf(await client.follow(first.url), "/session");
    const wrong = await client.request(form.url, {
      form: { ...form.fields, login: "alice", password: "wrong" },
    });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toContain("Incorrect username or password.");
    // bob has no password: he cannot sign in at all.
    const bob = await client.request(form.url, {
      form: { ...form.fields, login: "bob", password: "" },
    });
    expect(bob.body).toContain("Incorrect username or password.");
    expect(client.cookie(gh.url, "user_session")).toBeUndefined();
  });

  it("asks once for authorization, then redirects with a code and the state; the code is good once", async () => {
    const client = new WebClient();
    const code = await codeFor(client, "state-1");
    expect(code).toMatch(/^[0-9a-f]{20}$/);
    const token = JSON.parse((await exchange({ code, redirect_uri: CALLBACK })).text) as Record<
      string,
      unknown
    >;
    expect(token).toEqual({
      access_token: expect.stringMatching(/^ghu_[\w-]{36}$/),
      expires_in: 28800,
      refresh_token: expect.stringMatching(/^ghr_[\w-]{36}$/),
      refresh_token_expires_in: 15897600,
      scope: "",
      token_type: "bearer",
    });
    expect(JSON.parse((await exchange({ code })).text)).toMatchObject({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
    });
    // Already authorized: the next authorization redirects at once, without a page.
    const again = await client.request(authorizeUrl({ state: "state-2" }));
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get("location") ?? "").searchParams.get("state")).toBe("state-2");
  });

  it("answers errors as GitHub does: credentials, redirect_uri, and form encoding without Accept JSON", async () => {
    const client = new WebClient();
    const code = await codeFor(client, "s");
    expect(JSON.parse((await exchange({ code, client_secret: "nope" })).text)).toMatchObject({
      error: "incorrect_client_credentials",
    });
    expect(
      JSON.parse((await exchange({ code, redirect_uri: "http://127.0.0.1:9/elsewhere" })).text),
    ).toMatchObject({ error: "redirect_uri_mismatch" });
    const form = await exchange({ code }, "*/*");
    expect(form.type).toContain("application/x-www-form-urlencoded");
    expect(new URLSearchParams(form.text).get("token_type")).toBe("bearer");
    // An unregistered redirect_uri at authorize goes back to the registered one with the error.
    const mismatch = await client.request(
      authorizeUrl({ state: "m", redirect_uri: "http://127.0.0.1:9/evil" }),
    );
    const back = new URL(mismatch.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get("error")).toBe("redirect_uri_mismatch");
    expect(back.searchParams.get("state")).toBe("m");
    // An unknown client is GitHub's 404 page.
    expect(
      (await client.request(`${gh.url}/login/oauth/authorize?client_id=Iv1.unknown`)).status,
    ).toBe(404);
  });

  it("refreshes a user token once", async () => {
    const client = new WebClient();
    const first = JSON.parse((await exchange({ code: await codeFor(client, "r") })).text) as {
      refresh_token: string;
    };
    const refreshed = JSON.parse(
      (await exchange({ grant_type: "refresh_token", refresh_token: first.refresh_token })).text,
    ) as Record<string, unknown>;
    expect(refreshed["access_token"]).toMatch(/^ghu_/);
    expect(
      JSON.parse(
        (await exchange({ grant_type: "refresh_token", refresh_token: first.refresh_token })).text,
      ),
    ).toMatchObject({ error: "bad_refresh_token" });
  });

  it("a user token reaches what the person can read where the app is installed, and GET /user says who", async () => {
    const token = gh.createUserAccessToken(app.appId, "alice");
    const get = (path: string, auth = token) =>
      fetch(`${gh.url}${path}`, { headers: { authorization: `Bearer ${auth}` } });
    const me = (await (await get("/user")).json()) as { login: string; id: number };
    expect(me.login).toBe("alice");
    expect((await get("/repos/acme/backups")).status).toBe(200);
    // alice administers other, but the app is not installed there.
    expect((await get("/repos/other/secret")).status).toBe(404);
    const bob = gh.createUserAccessToken(app.appId, "bob");
    expect((await get("/repos/acme/backups", bob)).status).toBe(404);
    // An installation token is no person.
    const installation = gh.createInstallationToken(gh.installApp(app.appId, "other", "all"));
    expect((await get("/user", installation)).status).toBe(403);
    expect((await fetch(`${gh.url}/user`)).status).toBe(401);
  });
});
