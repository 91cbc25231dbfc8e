import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppRecord, UserRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { issueUserAccessToken } from "./issue-user-access-token.js";

/**
 * github.com's side of a GitHub App's user authorization (the OAuth web
 * flow), which is not in the REST description: modelled on GitHub's
 * "Generating a user access token for a GitHub App" and its troubleshooting
 * pages. Served on the sandbox's own origin, as on GitHub Enterprise Server
 * (https://HOST/login/oauth/...).
 *
 *   GET  /login                      the sign-in form (people given a password: setUserPassword)
 *   POST /session                    signs in: the user_session cookie
 *   GET  /login/oauth/authorize      client_id, redirect_uri, state: sign-in, then the
 *                                    "Authorize" page once per user, then a redirect with code+state
 *   POST /login/oauth/authorize      the "Authorize"/"Cancel" buttons
 *   POST /login/oauth/access_token   code (or refresh_token) for a ghu_ token; errors are 200s
 *                                    whose format follows Accept (JSON or form encoding)
 */
const CODE_LIFETIME_MS = 10 * 60_000;
const TROUBLESHOOT_AUTHORIZE =
  "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors";
const TROUBLESHOOT_TOKEN =
  "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

type Params = Record<string, string>;

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · GitHub (sandbox)</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function hidden(params: Params): string {
  return Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
}

function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
  response.end(html);
}

function redirect(response: ServerResponse, location: string, cookie?: string): void {
  response.writeHead(302, { location, ...(cookie ? { "set-cookie": cookie } : {}) });
  response.end();
}

function cookiesOf(request: IncomingMessage): Params {
  const cookies: Params = {};
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return cookies;
}

/** The parameters of a POST: query, then a form-encoded or JSON body (GitHub takes all three). */
function paramsOf(url: URL, request: IncomingMessage, body: Buffer): Params {
  const params: Params = Object.fromEntries(url.searchParams);
  const text = body.toString("utf8");
  if (text.length === 0) return params;
  if (String(request.headers["content-type"] ?? "").includes("application/json")) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      for (const [key, value] of Object.entries(parsed))
        if (typeof value === "string" || typeof value === "number") params[key] = String(value);
    } catch {
      // GitHub answers an unparsable body as if the parameters were missing.
    }
    return params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(text)) };
}

function equalSecrets(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The consent form's CSRF token: derived from the browser's session. */
function authenticityToken(session: string): string {
  return createHash("sha256").update(`authenticity:${session}`).digest("base64url");
}

function appByClientId(world: World, clientId: string | undefined): AppRecord | undefined {
  return [...world.apps.values()].find((app) => app.clientId === clientId);
}

function withQuery(base: string, params: Params): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

class WebFlow {
  constructor(
    private readonly world: World,
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
    private readonly url: URL,
    private readonly body: Buffer,
    private readonly now: Date,
  ) {}

  private signedIn(): { user: UserRecord; session: string } | null {
    const session = cookiesOf(this.request)["user_session"];
    const user = session ? this.world.webSessions.get(session) : undefined;
    return session && user ? { user, session } : null;
  }

  signInForm(returnTo: string, problem: string | null = null, status = 200): void {
    sendHtml(
      this.response,
      status,
      page(
        "Sign in to GitHub",
        `${problem ? `<p role="alert">${escape(problem)}</p>` : ""}<form method="post" action="/session">${hidden({ return_to: returnTo })}<label>Username or email address <input name="login" autocomplete="username"></label> <label>Password <input name="password" type="password" autocomplete="current-password"></label> <button type="submit">Sign in</button></form>`,
      ),
    );
  }

  signIn(): void {
    const params = paramsOf(this.url, this.request, this.body);
    const returnTo = params["return_to"]?.startsWith("/") ? params["return_to"] : "/";
    const user = this.world.user(params["login"] ?? "");
    const password = user ? this.world.passwords.get(user.id) : undefined;
    if (!user || password === undefined || !equalSecrets(password, params["password"] ?? "")) {
      this.signInForm(returnTo, "Incorrect username or password.", 200);
      return;
    }
    const session = randomBytes(24).toString("base64url");
    this.world.webSessions.set(session, user);
    redirect(
      this.response,
      returnTo.startsWith("//") ? "/" : returnTo,
      `user_session=${session}; Path=/; HttpOnly; SameSite=Lax`,
    );
  }

  /** GET or POST /login/oauth/authorize. */
  authorize(method: string): void {
    const params =
      method === "POST"
        ? paramsOf(this.url, this.request, this.body)
        : Object.fromEntries(this.url.searchParams);
    const app = appByClientId(this.world, params["client_id"]);
    if (!app) {
      sendHtml(this.response, 404, page("404: this is not the web page you are looking for", ""));
      return;
    }
    const state = params["state"];
    const withState = (extra: Params): Params => ({ ...extra, ...(state ? { state } : {}) });
    const registered = app.callbackUrls[0];
    if (!registered) {
      sendHtml(
        this.response,
        400,
        page(
          "The application has no callback URL",
          `<p>${escape(app.name)} has no Callback URL in its settings, so GitHub cannot send you back.</p>`,
        ),
      );
      return;
    }
    const redirectUri = params["redirect_uri"] ?? "";
    if (redirectUri && !app.callbackUrls.includes(redirectUri)) {
      redirect(
        this.response,
        withQuery(
          registered,
          withState({
            error: "redirect_uri_mismatch",
            error_description:
              "The redirect_uri MUST match the registered callback URL for this application.",
            error_uri: `${TROUBLESHOOT_AUTHORIZE}/#redirect-uri-mismatch`,
          }),
        ),
      );
      return;
    }
    const signedIn = this.signedIn();
    if (!signedIn) {
      const returnTo = `/login/oauth/authorize?${new URLSearchParams(params).toString()}`;
      redirect(
        this.response,
        `/login?${new URLSearchParams({ client_id: app.clientId, return_to: returnTo }).toString()}`,
      );
      return;
    }
    const target = redirectUri || registered;
    if (method === "POST") {
      if (!equalSecrets(params["authenticity_token"] ?? "", authenticityToken(signedIn.session))) {
        sendHtml(this.response, 422, page("Your request could not be verified", ""));
        return;
      }
      if (params["authorize"] !== "1") {
        redirect(
          this.response,
          withQuery(
            target,
            withState({
              error: "access_denied",
              error_description: "The user has denied your application access.",
              error_uri: `${TROUBLESHOOT_AUTHORIZE}/#access-denied`,
            }),
          ),
        );
        return;
      }
      app.authorizedUserIds.add(signedIn.user.id);
    }
    if (!app.authorizedUserIds.has(signedIn.user.id)) {
      const fields = hidden({
        client_id: app.clientId,
        ...(redirectUri ? { redirect_uri: redirectUri } : {}),
        ...(state ? { state } : {}),
        authenticity_token: authenticityToken(signedIn.session),
      });
      sendHtml(
        this.response,
        200,
        page(
          `Authorize ${app.name}`,
          `<p>Signed in as @${escape(signedIn.user.login)}. ${escape(app.name)} wants to verify your GitHub identity and act on your behalf where it is installed.</p><form method="post" action="/login/oauth/authorize">${fields}<button type="submit" name="authorize" value="1">Authorize ${escape(app.name)}</button> <button type="submit" name="authorize" value="0">Cancel</button></form>`,
        ),
      );
      return;
    }
    const code = randomBytes(10).toString("hex");
    this.world.oauthCodes.set(code, {
      app,
      user: signedIn.user,
      redirectUri,
      expiresAt: new Date(this.now.getTime() + CODE_LIFETIME_MS),
    });
    redirect(this.response, withQuery(target, withState({ code })));
  }

  /** POST /login/oauth/access_token: errors are 200 answers, as GitHub sends them. */
  accessToken(): void {
    const params = paramsOf(this.url, this.request, this.body);
    const app = appByClientId(this.world, params["client_id"]);
    if (!app || !equalSecrets(app.clientSecret, params["client_secret"] ?? "")) {
      this.tokenAnswer({
        error: "incorrect_client_credentials",
        error_description: "The client_id and/or client_secret passed are incorrect.",
        error_uri: `${TROUBLESHOOT_TOKEN}/#incorrect-client-credentials`,
      });
      return;
    }
    if (params["grant_type"] === "refresh_token") {
      const refresh = this.world.refreshTokens.get(params["refresh_token"] ?? "");
      if (!refresh || refresh.app !== app || refresh.expiresAt <= this.now) {
        this.tokenAnswer({
          error: "bad_refresh_token",
          error_description: "The refresh token passed is incorrect or expired.",
          error_uri: `${TROUBLESHOOT_TOKEN}/#bad-refresh-token`,
        });
        return;
      }
      this.world.refreshTokens.delete(params["refresh_token"] ?? "");
      this.tokenAnswer(issueUserAccessToken(this.world, app, refresh.user));
      return;
    }
    const code = this.world.oauthCodes.get(params["code"] ?? "");
    if (!code || code.app !== app || code.expiresAt <= this.now) {
      this.tokenAnswer({
        error: "bad_verification_code",
        error_description: "The code passed is incorrect or expired.",
        error_uri: `${TROUBLESHOOT_TOKEN}/#bad-verification-code`,
      });
      return;
    }
    const redirectUri = params["redirect_uri"];
    if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
      this.tokenAnswer({
        error: "redirect_uri_mismatch",
        error_description:
          "The redirect_uri MUST match the registered callback URL for this application.",
        error_uri: `${TROUBLESHOOT_AUTHORIZE}/#redirect-uri-mismatch2`,
      });
      return;
    }
    // A code is good once.
    this.world.oauthCodes.delete(params["code"] ?? "");
    this.tokenAnswer(issueUserAccessToken(this.world, app, code.user));
  }

  private tokenAnswer(fields: Record<string, string | number>): void {
    const accept = String(this.request.headers.accept ?? "");
    if (accept.includes("application/json")) {
      this.response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      this.response.end(JSON.stringify(fields));
      return;
    }
    this.response.writeHead(200, {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    });
    this.response.end(
      new URLSearchParams(
        Object.entries(fields).map(([key, value]): [string, string] => [key, String(value)]),
      ).toString(),
    );
  }
}

/**
 * Answers a request for the web flow's pages and returns its name for the
 * request log, or returns null (and writes nothing) for any other path.
 */
export function serveWebFlow(
  world: World,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  method: string,
  body: Buffer,
  now: Date,
): string | null {
  const flow = new WebFlow(world, request, response, url, body, now);
  const path = url.pathname;
  if (path === "/login" && method === "GET") {
    const returnTo = url.searchParams.get("return_to") ?? "/";
    flow.signInForm(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
    return "web/sign-in";
  }
  if (path === "/session" && method === "POST") {
    flow.signIn();
    return "web/session";
  }
  if (path === "/login/oauth/authorize" && (method === "GET" || method === "POST")) {
    flow.authorize(method);
    return "oauth/authorize";
  }
  if (path === "/favicon.ico" && method === "GET") {
    // Browsers ask every host for it; github.com has one, the sandbox answers that it has none.
    response.writeHead(404).end();
    return "web/favicon";
  }
  if (path === "/login/oauth/access_token" && method === "POST") {
    flow.accessToken();
    return "oauth/access-token";
  }
  return null;
}
