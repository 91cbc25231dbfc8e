import { generateKeyPairSync } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { cookieHeader } from "../../../app/dashboard/cookie-header.js";
import { createDashboardHandler } from "../../../app/dashboard/create-dashboard-handler.js";
import { openSignedValue } from "../../../app/dashboard/open-signed-value.js";
import { signValue } from "../../../app/dashboard/sign-value.js";
import { readAppEnvironment } from "../../../app/read-app-environment.js";
import { isSnapgateError } from "../../../core/errors.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 1024 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString()
  .trim();
const base = { APP_ID: "12", PRIVATE_KEY: pem, WEBHOOK_SECRET: "s3cret" };
const sign = {
  GITHUB_CLIENT_ID: "Iv1.0123456789abcdef",
  GITHUB_CLIENT_SECRET: "0123456789abcdef0123456789abcdef01234567",
  SNAPGATE_PUBLIC_URL: "https://snapgate.example.com/",
};
const noFile = (path: string): string => {
  throw new Error(`ENOENT: ${path}`);
};

function configError(env: NodeJS.ProcessEnv): string {
  try {
    readAppEnvironment(env, noFile);
  } catch (error) {
    if (isSnapgateError(error) && error.code === "CONFIG") return error.message;
    throw error;
  }
  throw new Error("no error");
}

describe("the dashboard's sign-in settings (readAppEnvironment)", () => {
  it("are all three variables or none, and GitHub's web root follows the API root", () => {
    expect(readAppEnvironment(base, noFile).dashboardSettings).toBeUndefined();
    expect(readAppEnvironment({ ...base, ...sign }, noFile).dashboardSettings).toEqual({
      clientId: sign.GITHUB_CLIENT_ID,
      clientSecret: sign.GITHUB_CLIENT_SECRET,
      publicUrl: "https://snapgate.example.com",
      webUrl: "https://github.com",
    });
    const web = (env: NodeJS.ProcessEnv) =>
      readAppEnvironment({ ...base, ...sign, ...env }, noFile).dashboardSettings?.webUrl;
    expect(web({ GITHUB_API_URL: "https://ghe.example.com/api/v3" })).toBe(
      "https://ghe.example.com",
    );
    expect(web({ GHE_HOST: "ghe.example.com" })).toBe("https://ghe.example.com");
    expect(web({ GITHUB_API_URL: "http://127.0.0.1:4000" })).toBe("http://127.0.0.1:4000");
    expect(web({ GITHUB_SERVER_URL: "https://github.example.org/" })).toBe(
      "https://github.example.org",
    );
  });

  it("refuse half a configuration, an App ID given as Client ID, and a public URL that is no address, without echoing the secret", () => {
    const half = configError({ ...base, GITHUB_CLIENT_ID: sign.GITHUB_CLIENT_ID });
    expect(half).toContain("needs GITHUB_CLIENT_SECRET and SNAPGATE_PUBLIC_URL too");
    expect(half).toContain("or none of them");
    expect(configError({ ...base, ...sign, GITHUB_CLIENT_ID: "123456" })).toContain(
      "is not a GitHub App's Client ID",
    );
    const url = configError({ ...base, ...sign, SNAPGATE_PUBLIC_URL: "snapgate.example.com" });
    expect(url).toContain("SNAPGATE_PUBLIC_URL 'snapgate.example.com' is not a URL");
    const secretish = configError({
      ...base,
      ...sign,
      GITHUB_CLIENT_ID: sign.GITHUB_CLIENT_SECRET,
    });
    expect(secretish).not.toContain(sign.GITHUB_CLIENT_SECRET);
  });
});

describe("the dashboard's cookies", () => {
  const secret = Buffer.alloc(32, 7);
  const now = new Date("2026-12-01T00:00:00Z");
  const later = new Date(now.getTime() + 60_000);

  it("open only unaltered, unexpired values signed for the same purpose and secret", () => {
    const value = signValue(secret, "session", { login: "alice", id: 1 }, later);
    expect(openSignedValue(secret, "session", value, now)).toMatchObject({ login: "alice", id: 1 });
    expect(openSignedValue(secret, "oauth-state", value, now)).toBeNull();
    expect(openSignedValue(Buffer.alloc(32, 8), "session", value, now)).toBeNull();
    expect(openSignedValue(secret, "session", value, later)).toBeNull();
    const [body, mac] = value.split(".");
    const forged = Buffer.from(
      JSON.stringify({ login: "mallory", id: 2, exp: later.getTime() }),
    ).toString("base64url");
    expect(openSignedValue(secret, "session", `${forged}.${mac}`, now)).toBeNull();
    expect(openSignedValue(secret, "session", `${body}.${mac}.x`, now)).toBeNull();
    expect(openSignedValue(secret, "session", undefined, now)).toBeNull();
  });

  it("are HttpOnly and SameSite=Lax always, Secure over https", () => {
    expect(cookieHeader("a", "b", { maxAgeSeconds: 60, secure: true })).toBe(
      "a=b; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure",
    );
    expect(cookieHeader("a", "", { maxAgeSeconds: 0, secure: false, path: "/auth/callback" })).toBe(
      "a=; Path=/auth/callback; Max-Age=0; HttpOnly; SameSite=Lax",
    );
  });
});

describe("the dashboard without sign-in configured", () => {
  it("answers 503 with what the operator must set, and lets other paths through", async () => {
    const handler = createDashboardHandler({
      settings: undefined,
      apiUrl: "https://api.github.com",
      cookieSecret: Buffer.alloc(32),
      openSource: () => Promise.reject(new Error("not reached")),
      now: () => new Date(),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const answer: { status?: number; body?: string } = {};
    const response = {
      writeHead(status: number) {
        answer.status = status;
        return this;
      },
      end(body?: string) {
        answer.body = body;
      },
    } as unknown as ServerResponse;
    const request = (url: string, method = "GET") =>
      ({ url, method, headers: {} }) as IncomingMessage;
    expect(await handler(request("/dashboard/acme/svc"), response)).toBe(true);
    expect(answer.status).toBe(503);
    expect(answer.body).toContain("GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET");
    expect(answer.body).toContain("/auth/callback");
    expect(await handler(request("/healthz"), response)).toBe(false);
    expect(await handler(request("/api/github/webhooks", "POST"), response)).toBe(false);
  });
});
