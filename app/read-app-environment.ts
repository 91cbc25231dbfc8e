import { readFileSync } from "node:fs";
import { SnapgateError } from "../core/errors.js";
import type { LogLevel } from "./create-snapgate-probot.js";
import { describeKeyText } from "../core/crypto/describe-key-text.js";
import { parseAppKey, type AppKey } from "../core/crypto/app-key.js";
import type { DashboardSettings } from "./dashboard/dashboard-settings.js";

/** What `npm start` needs, read from the environment. */
export interface AppEnvironment {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** GitHub's REST root; undefined for api.github.com. */
  baseUrl?: string;
  port: number;
  /** undefined: every interface. */
  host?: string;
  webhookPath: string;
  logLevel: LogLevel;
  /** Accounts whose backup repositories other accounts' gates may use. */
  backupAccounts: string[];
  /** The app key (SNAPGATE_SIGNING_KEY) that signs request records; without it requests are refused. */
  signingKey?: AppKey;
  /** The dashboard's GitHub sign-in (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, SNAPGATE_PUBLIC_URL). */
  dashboardSettings?: DashboardSettings;
}

const LOG_LEVELS: readonly LogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal"];
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

function config(message: string, fix: string): SnapgateError {
  return new SnapgateError("CONFIG", message, { fix });
}

/**
 * The private key as PEM: PRIVATE_KEY holds it (with real or `\n`-escaped
 * newlines, or base64-encoded as one line), or PRIVATE_KEY_PATH names the
 * .pem file GitHub gave.
 */
function privateKeyOf(env: NodeJS.ProcessEnv, readFile: (path: string) => string): string {
  let key = env["PRIVATE_KEY"]?.trim();
  const path = env["PRIVATE_KEY_PATH"]?.trim();
  if (!key && path) {
    try {
      key = readFile(path).trim();
    } catch (error) {
      throw config(
        `PRIVATE_KEY_PATH names ${path}, which cannot be read (${(error as Error).message}).`,
        "Point PRIVATE_KEY_PATH at the .pem file downloaded from the GitHub App's settings.",
      );
    }
  }
  if (!key) {
    throw config(
      "Neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set.",
      "Set PRIVATE_KEY_PATH to the GitHub App's .pem file (or PRIVATE_KEY to its contents).",
    );
  }
  key = key.replace(/\\n/g, "\n");
  if (!key.includes("-----BEGIN")) key = Buffer.from(key, "base64").toString("utf8").trim();
  if (!/^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----$/.test(key)) {
    throw config(
      "The private key is not a PEM private key.",
      "Use the .pem file GitHub generated for the app, as is (PRIVATE_KEY_PATH), or its contents (PRIVATE_KEY).",
    );
  }
  return key;
}

function baseUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const api = env["GITHUB_API_URL"]?.trim();
  if (api) {
    try {
      new URL(api);
    } catch {
      throw config(
        `GITHUB_API_URL '${api}' is not a URL.`,
        "Write GitHub's REST root, e.g. https://github.example.com/api/v3.",
      );
    }
    return api.replace(/\/+$/, "");
  }
  const host = env["GHE_HOST"]?.trim();
  if (host) return `${env["GHE_PROTOCOL"]?.trim() || "https"}://${host}/api/v3`;
  return undefined;
}

function httpUrl(name: string, text: string, example: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw config(`${name} '${text}' is not a URL.`, `Write an address such as ${example}.`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw config(
      `${name} '${text}' is not an http(s) address without query.`,
      `Write an address such as ${example}.`,
    );
  }
  return url.toString().replace(/\/+$/, "");
}

/**
 * GitHub's web root, where /login/oauth/authorize lives: GITHUB_SERVER_URL,
 * else derived from the REST root (api.github.com -> github.com, GHES
 * https://HOST/api/v3 -> https://HOST, a stand-in such as the sandbox serves both).
 */
function webUrlOf(env: NodeJS.ProcessEnv, baseUrl: string | undefined): string {
  const given = env["GITHUB_SERVER_URL"]?.trim();
  if (given) return httpUrl("GITHUB_SERVER_URL", given, "https://github.com");
  if (!baseUrl) return "https://github.com";
  const url = new URL(baseUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  if (url.pathname.replace(/\/+$/, "").endsWith("/api/v3"))
    return `${url.origin}${url.pathname.replace(/\/+$/, "").slice(0, -"/api/v3".length)}`;
  return url.origin;
}

/**
 * The dashboard's sign-in: GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and
 * SNAPGATE_PUBLIC_URL together (Probot's setup writes the first two to
 * .env), or none of them (no sign-in, and the dashboard says so).
 */
function dashboardSettingsOf(
  env: NodeJS.ProcessEnv,
  baseUrl: string | undefined,
): DashboardSettings | undefined {
  const clientId = env["GITHUB_CLIENT_ID"]?.trim() ?? "";
  const clientSecret = env["GITHUB_CLIENT_SECRET"]?.trim() ?? "";
  const publicUrl = env["SNAPGATE_PUBLIC_URL"]?.trim() ?? "";
  const given = {
    GITHUB_CLIENT_ID: clientId,
    GITHUB_CLIENT_SECRET: clientSecret,
    SNAPGATE_PUBLIC_URL: publicUrl,
  };
  const missing = Object.entries(given)
    .filter(([, value]) => value === "")
    .map(([name]) => name);
  if (missing.length === 3) return undefined;
  if (missing.length > 0) {
    throw config(
      `The dashboard's GitHub sign-in needs ${missing.join(" and ")} too.`,
      "Set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the GitHub App's Client ID and a client secret from its settings page) and SNAPGATE_PUBLIC_URL (where browsers reach the app), or none of them to serve no dashboard.",
    );
  }
  if (!/^(Iv1\.|Iv23)[A-Za-z0-9.]+$/.test(clientId)) {
    throw config(
      `GITHUB_CLIENT_ID, ${describeKeyText(clientId)}, is not a GitHub App's Client ID.`,
      "Copy the Client ID (Iv1... or Iv23...) from the GitHub App's settings page; the App ID is not it.",
    );
  }
  return {
    clientId,
    clientSecret,
    publicUrl: httpUrl("SNAPGATE_PUBLIC_URL", publicUrl, "https://snapgate.example.com"),
    webUrl: webUrlOf(env, baseUrl),
  };
}

/**
 * Reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, and the
 * optional GITHUB_API_URL (or Probot's GHE_HOST and GHE_PROTOCOL), PORT,
 * HOST, WEBHOOK_PATH, LOG_LEVEL, SNAPGATE_BACKUP_ACCOUNTS, SNAPGATE_SIGNING_KEY, and the
 * dashboard's GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, SNAPGATE_PUBLIC_URL and
 * GITHUB_SERVER_URL. Every problem is a CONFIG error that
 * says which variable and what to set.
 */
export function readAppEnvironment(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): AppEnvironment {
  const appIdText = env["APP_ID"]?.trim() ?? "";
  if (!/^[1-9]\d*$/.test(appIdText)) {
    throw config(
      appIdText ? `APP_ID '${appIdText}' is not a GitHub App id.` : "APP_ID is not set.",
      "Set APP_ID to the number shown as 'App ID' on the GitHub App's settings page.",
    );
  }
  const webhookSecret = env["WEBHOOK_SECRET"] ?? "";
  if (webhookSecret.length === 0) {
    throw config(
      "WEBHOOK_SECRET is not set: without it anyone could send the app webhooks.",
      "Set WEBHOOK_SECRET to the webhook secret of the GitHub App's settings.",
    );
  }
  const portText = env["PORT"]?.trim() || "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw config(`PORT '${portText}' is not a port.`, "Set PORT to a number from 1 to 65535.");
  }
  const logLevel = (env["LOG_LEVEL"]?.trim() || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw config(`LOG_LEVEL '${logLevel}' is not a level.`, `Use one of ${LOG_LEVELS.join(", ")}.`);
  }
  const webhookPath = env["WEBHOOK_PATH"]?.trim() || DEFAULT_WEBHOOK_PATH;
  if (!webhookPath.startsWith("/")) {
    throw config(
      `WEBHOOK_PATH '${webhookPath}' does not start with /.`,
      "Write a path such as /api/github/webhooks.",
    );
  }
  const baseUrl = baseUrlOf(env);
  const host = env["HOST"]?.trim();
  const backupAccounts = (env["SNAPGATE_BACKUP_ACCOUNTS"] ?? "").split(/[\s,]+/).filter(Boolean);
  const bad = backupAccounts.findIndex((login) => !LOGIN.test(login));
  if (bad !== -1) {
    // Named by position and kind, not quoted: a secret pasted into the wrong variable must not reach the log.
    throw config(
      `SNAPGATE_BACKUP_ACCOUNTS entry ${bad + 1}, ${describeKeyText(backupAccounts[bad] ?? "")}, is not a GitHub account.`,
      "List account logins (users or organisations) separated by commas, e.g. acme,acme-backups.",
    );
  }
  const signingKeyText = env["SNAPGATE_SIGNING_KEY"]?.trim();
  // parseAppKey never echoes the text it refuses.
  const signingKey = signingKeyText
    ? parseAppKey(signingKeyText, "SNAPGATE_SIGNING_KEY")
    : undefined;
  const dashboardSettings = dashboardSettingsOf(env, baseUrl);
  return {
    appId: Number(appIdText),
    privateKey: privateKeyOf(env, readFile),
    webhookSecret,
    ...(baseUrl ? { baseUrl } : {}),
    port,
    ...(host ? { host } : {}),
    webhookPath,
    logLevel,
    backupAccounts,
    ...(signingKey ? { signingKey } : {}),
    ...(dashboardSettings ? { dashboardSettings } : {}),
  };
}
