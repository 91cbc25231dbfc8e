import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { asSnapgateError } from "../../core/errors.js";
import { buildDashboard } from "../../core/operations/build-dashboard.js";
import type { Dashboard } from "../../core/operations/dashboard.js";
import { renderDashboardHtml } from "../../core/operations/render-dashboard-html.js";
import type { Policy } from "../../core/policy/policy.js";
import type { Store } from "../../core/store/store.js";
import type { AppLog } from "../gate/app-octokit.js";
import { cookieHeader } from "./cookie-header.js";
import type { DashboardSettings } from "./dashboard-settings.js";
import { exchangeOAuthCode } from "./exchange-oauth-code.js";
import { openSignedValue } from "./open-signed-value.js";
import { readCookies } from "./read-cookies.js";
import { readSignedInUser } from "./read-signed-in-user.js";
import { renderMessagePage } from "./render-message-page.js";
import { signValue } from "./sign-value.js";
import { userCanRead } from "./user-can-read.js";

/** A gated repository's policy and its backup repository as a store, read with the app's installation. */
export interface DashboardSource {
  policy: Policy;
  store: Store;
  backup: { owner: string; repo: string };
}

export interface DashboardHandlerOptions {
  /** undefined: sign-in is not configured, and the dashboard says how to configure it. */
  settings: DashboardSettings | undefined;
  /** GitHub's REST root (GET /user, GET /repos/...). */
  apiUrl: string;
  /** Signs the state and session cookies (derived from the app's private key: every instance has it). */
  cookieSecret: Buffer;
  /** The gated repository's policy and backup store (throws a SnapgateError when it cannot). */
  openSource(owner: string, repo: string): Promise<DashboardSource>;
  now: () => Date;
  log: AppLog;
}

/** Routes the handler answers; everything else falls through to Probot's webhooks and the 404. */
const DASHBOARD_PATHS = {
  signIn: "/auth/login",
  callback: "/auth/callback",
  signOut: "/auth/logout",
  dashboard: "/dashboard/",
} as const;

const STATE_COOKIE = "snapgate_oauth_state";
const SESSION_COOKIE = "snapgate_session";
const STATE_SECONDS = 10 * 60;
/** How long a sign-in lasts: access is checked again after it (a revoked reader loses the page within this). */
const SESSION_SECONDS = 60 * 60;
const MAX_SESSION_REPOS = 20;
const CACHE_MS = 5 * 60_000;
const MAX_CACHED = 100;
const REPOSITORY_PATH =
  /^\/dashboard\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

interface StateCookie {
  state: string;
  returnTo: string;
}

interface SessionCookie {
  login: string;
  id: number;
  /** "owner/repo" (lower case) whose dashboards this person was found to be allowed to read. */
  repos: string[];
}

/** Security headers of every page: no script, no framing, nothing loaded from elsewhere, no caching. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The dashboard behind GitHub sign-in, as a Probot handler (addHandler):
 *
 * - `GET /dashboard/OWNER/REPO`: the dashboard of the gated repository's
 *   policy, built from its backup repository with the app's installation
 *   (buildDashboard and renderDashboardHtml, as `snapgate dashboard`), for a
 *   signed-in person allowed to read it; otherwise a redirect to sign-in.
 * - `GET /auth/login?return_to=...`: a random state in a signed, HttpOnly
 *   cookie, then GitHub's `/login/oauth/authorize`.
 * - `GET /auth/callback`: checks the state against the cookie, exchanges the
 *   code for a user access token, asks `GET /user`, and checks with that
 *   token that the person can read the gated repository and its backup
 *   repository; then a signed session cookie (login, id, that repository)
 *   for an hour. The token is dropped: it is in no cookie, page or log.
 * - `POST /auth/logout`: deletes the session cookie.
 */
export function createDashboardHandler(options: DashboardHandlerOptions) {
  const { settings, cookieSecret, log } = options;
  // Built dashboards by repository: 200 environments cost about 420 reads of the backup
  // repository, so viewers within CACHE_MS share one build (the page says when it was made).
  const cache = new Map<string, Dashboard>();
  const secure = settings?.publicUrl.startsWith("https:") ?? false;
  const callbackUrl = settings ? `${settings.publicUrl}${DASHBOARD_PATHS.callback}` : "";

  const send = (
    response: ServerResponse,
    status: number,
    html: string,
    cookies: string[] = [],
  ): true => {
    response.writeHead(status, {
      ...PAGE_HEADERS,
      ...(cookies.length ? { "set-cookie": cookies } : {}),
    });
    response.end(html);
    return true;
  };
  const redirect = (response: ServerResponse, location: string, cookies: string[] = []): true => {
    response.writeHead(302, {
      location,
      "cache-control": "no-store",
      ...(cookies.length ? { "set-cookie": cookies } : {}),
    });
    response.end();
    return true;
  };
  const message = (
    response: ServerResponse,
    status: number,
    title: string,
    paragraphs: string[],
    link?: { href: string; text: string },
    cookies: string[] = [],
  ): true =>
    send(
      response,
      status,
      renderMessagePage({ title, paragraphs, ...(link ? { link } : {}), ok: status < 300 }),
      cookies,
    );
  const clearState = cookieHeader(STATE_COOKIE, "", {
    maxAgeSeconds: 0,
    secure,
    path: DASHBOARD_PATHS.callback,
  });
  const session = (request: IncomingMessage): SessionCookie | null =>
    openSignedValue<SessionCookie>(
      cookieSecret,
      "session",
      readCookies(request)[SESSION_COOKIE],
      options.now(),
    );
  const signInLink = (returnTo: string) => ({
    href: `${DASHBOARD_PATHS.signIn}?${new URLSearchParams({ return_to: returnTo }).toString()}`,
    text: "Sign in with GitHub again",
  });

  const notConfigured = (response: ServerResponse): true =>
    message(response, 503, "The dashboard is not configured", [
      "This Snapgate App serves its dashboard only behind GitHub sign-in, and sign-in is not set up.",
      "The app's operator: set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the GitHub App's Client ID and a client secret), SNAPGATE_PUBLIC_URL (where browsers reach the app), and add SNAPGATE_PUBLIC_URL + /auth/callback to the App's Callback URLs (docs/app.md).",
    ]);

  async function dashboard(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    owner: string,
    repo: string,
  ): Promise<true> {
    if (!settings) return notConfigured(response);
    const who = session(request);
    if (!who || !who.repos.includes(`${owner}/${repo}`.toLowerCase())) {
      return redirect(
        response,
        `${DASHBOARD_PATHS.signIn}?${new URLSearchParams({ return_to: path }).toString()}`,
      );
    }
    try {
      const key = `${owner}/${repo}`.toLowerCase();
      const now = options.now();
      let built = cache.get(key);
      if (!built || now.getTime() - Date.parse(built.generatedAt) > CACHE_MS) {
        const source = await options.openSource(owner, repo);
        built = await buildDashboard({ store: source.store, policy: source.policy, now });
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(key, built);
      }
      return send(
        response,
        200,
        renderDashboardHtml(built, {
          viewer: { login: who.login, signOutPath: DASHBOARD_PATHS.signOut },
          generator: "the Snapgate App",
        }),
      );
    } catch (error) {
      const failure = asSnapgateError(error);
      log.warn(`dashboard of ${owner}/${repo} for @${who.login}: ${failure.message}`);
      return message(response, 502, "The dashboard cannot be built", [failure.message]);
    }
  }

  function signIn(response: ServerResponse, url: URL): true {
    if (!settings) return notConfigured(response);
    const returnTo = url.searchParams.get("return_to") ?? "";
    if (!REPOSITORY_PATH.test(returnTo)) {
      return message(response, 400, "Which dashboard?", [
        "Open the dashboard of a repository the Snapgate App gates: /dashboard/OWNER/REPO.",
      ]);
    }
    const state = randomBytes(32).toString("base64url");
    const cookie = cookieHeader(
      STATE_COOKIE,
      signValue(
        cookieSecret,
        "oauth-state",
        { state, returnTo } satisfies StateCookie,
        new Date(options.now().getTime() + STATE_SECONDS * 1000),
      ),
      { maxAgeSeconds: STATE_SECONDS, secure, path: DASHBOARD_PATHS.callback },
    );
    const authorize = new URL(`${settings.webUrl}/login/oauth/authorize`);
    authorize.searchParams.set("client_id", settings.clientId);
    authorize.searchParams.set("redirect_uri", callbackUrl);
    authorize.searchParams.set("state", state);
    authorize.searchParams.set("allow_signup", "false");
    return redirect(response, authorize.toString(), [cookie]);
  }

  async function callback(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<true> {
    if (!settings) return notConfigured(response);
    const saved = openSignedValue<StateCookie>(
      cookieSecret,
      "oauth-state",
      readCookies(request)[STATE_COOKIE],
      options.now(),
    );
    const state = url.searchParams.get("state") ?? "";
    if (!saved || !REPOSITORY_PATH.test(saved.returnTo) || !sameSecret(saved.state, state)) {
      // A callback this browser did not start (CSRF, a stale tab, cookies blocked): nothing is exchanged.
      return message(
        response,
        400,
        "The sign-in could not be verified",
        [
          "This sign-in was not started in this browser, or took longer than ten minutes, so it was not used.",
          "Open the dashboard again to sign in (cookies must be allowed for this site).",
        ],
        undefined,
        [clearState],
      );
    }
    const denied = url.searchParams.get("error");
    if (denied) {
      return message(
        response,
        401,
        "GitHub did not sign you in",
        [
          `GitHub answered ${denied}: ${url.searchParams.get("error_description") ?? "no description"}.`,
          "Authorize the Snapgate App on GitHub to see the dashboard.",
        ],
        signInLink(saved.returnTo),
        [clearState],
      );
    }
    const [, owner = "", repo = ""] = REPOSITORY_PATH.exec(saved.returnTo) ?? [];
    let token: string;
    let user: { login: string; id: number };
    try {
      token = await exchangeOAuthCode(settings, url.searchParams.get("code") ?? "", callbackUrl);
      user = await readSignedInUser(options.apiUrl, token);
    } catch (error) {
      const failure = asSnapgateError(error);
      log.warn(`dashboard sign-in failed: ${failure.summary}`);
      return message(
        response,
        401,
        "The sign-in failed",
        [failure.message],
        signInLink(saved.returnTo),
        [clearState],
      );
    }
    let allowed: boolean;
    let reason = `You are signed in as @${user.login}, but you cannot read ${owner}/${repo}, or the Snapgate App is not installed on it.`;
    try {
      allowed = await userCanRead(options.apiUrl, token, owner, repo);
      if (allowed) {
        // The dashboard shows what the backup repository holds: its readers, and only they, may see it.
        const { backup } = await options.openSource(owner, repo);
        allowed = await userCanRead(options.apiUrl, token, backup.owner, backup.repo);
        reason = `You are signed in as @${user.login} and can read ${owner}/${repo}, but not its backup repository ${backup.owner}/${backup.repo}, whose contents the dashboard shows.`;
      }
    } catch (error) {
      const failure = asSnapgateError(error);
      log.warn(`dashboard access check of @${user.login} on ${owner}/${repo}: ${failure.summary}`);
      return message(response, 502, "Access could not be checked", [failure.message], undefined, [
        clearState,
      ]);
    }
    if (!allowed) {
      log.info(`dashboard: @${user.login} (${user.id}) refused for ${owner}/${repo}`);
      return message(
        response,
        403,
        "You do not have access to this dashboard",
        [reason, "Ask an administrator of the repository for read access, then sign in again."],
        signInLink(saved.returnTo),
        [clearState],
      );
    }
    const previous = session(request);
    const repos = [
      `${owner}/${repo}`.toLowerCase(),
      ...(previous?.id === user.id ? previous.repos : []),
    ];
    const value = signValue(
      cookieSecret,
      "session",
      {
        login: user.login,
        id: user.id,
        repos: [...new Set(repos)].slice(0, MAX_SESSION_REPOS),
      } satisfies SessionCookie,
      new Date(options.now().getTime() + SESSION_SECONDS * 1000),
    );
    log.info(`dashboard: @${user.login} (${user.id}) signed in for ${owner}/${repo}`);
    return redirect(response, saved.returnTo, [
      clearState,
      cookieHeader(SESSION_COOKIE, value, { maxAgeSeconds: SESSION_SECONDS, secure }),
    ]);
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (method === "GET" && path === DASHBOARD_PATHS.signIn) return signIn(response, url);
    if (method === "GET" && path === DASHBOARD_PATHS.callback)
      return callback(request, response, url);
    if (method === "POST" && path === DASHBOARD_PATHS.signOut) {
      return message(
        response,
        200,
        "Signed out",
        ["You are signed out of the Snapgate dashboard."],
        undefined,
        [cookieHeader(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure })],
      );
    }
    if (method === "GET" && path.startsWith(DASHBOARD_PATHS.dashboard)) {
      const match = REPOSITORY_PATH.exec(path);
      if (!match) {
        return message(response, 404, "No such dashboard", [
          "Dashboards are at /dashboard/OWNER/REPO, for a repository the Snapgate App gates.",
        ]);
      }
      return dashboard(request, response, path, match[1] ?? "", match[2] ?? "");
    }
    return false;
  };
}
