import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { readAppEnvironment } from "../../../app/read-app-environment.js";
import { generateAppKeyText, parseAppKey } from "../../../core/crypto/app-key.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 1024 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString()
  .trim();
const base = { APP_ID: "12", PRIVATE_KEY: pem, WEBHOOK_SECRET: "s3cret" };
const noFile = (path: string): string => {
  throw new Error(`ENOENT: ${path}`);
};

describe("readAppEnvironment", () => {
  it("reads the required variables and fills in the defaults", () => {
    expect(readAppEnvironment(base, noFile)).toEqual({
      appId: 12,
      privateKey: pem,
      webhookSecret: "s3cret",
      port: 3000,
      webhookPath: "/api/github/webhooks",
      logLevel: "info",
      backupAccounts: [],
    });
    expect(
      readAppEnvironment({ ...base, SNAPGATE_BACKUP_ACCOUNTS: "acme, acme-backups" }, noFile)
        .backupAccounts,
    ).toEqual(["acme", "acme-backups"]);
  });

  it("reads the app key from SNAPGATE_SIGNING_KEY, and refuses a wrong one without echoing it", () => {
    const text = generateAppKeyText();
    expect(readAppEnvironment({ ...base, SNAPGATE_SIGNING_KEY: text }, noFile).signingKey).toEqual(
      parseAppKey(text, "test"),
    );
    const wrong = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";
    expect(() => readAppEnvironment({ ...base, SNAPGATE_SIGNING_KEY: wrong }, noFile)).toThrow(
      "SNAPGATE_SIGNING_KEY does not hold a Snapgate app key.",
    );
    try {
      readAppEnvironment({ ...base, SNAPGATE_SIGNING_KEY: wrong }, noFile);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(wrong.slice(15));
    }
  });

  it("takes the key from a file, escaped newlines or base64, and the API root from GITHUB_API_URL or GHE_HOST", () => {
    const fromFile = readAppEnvironment(
      { ...base, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/keys/app.pem" },
      (path) => (path === "/keys/app.pem" ? `${pem}\n` : noFile(path)),
    );
    expect(fromFile.privateKey).toBe(pem);
    expect(readAppEnvironment({ ...base, PRIVATE_KEY: pem.replace(/\n/g, "\\n") }).privateKey).toBe(
      pem,
    );
    expect(
      readAppEnvironment({ ...base, PRIVATE_KEY: Buffer.from(pem).toString("base64") }).privateKey,
    ).toBe(pem);
    expect(readAppEnvironment({ ...base, GITHUB_API_URL: "http://127.0.0.1:4000/" }).baseUrl).toBe(
      "http://127.0.0.1:4000",
    );
    expect(readAppEnvironment({ ...base, GHE_HOST: "github.acme.test" }).baseUrl).toBe(
      "https://github.acme.test/api/v3",
    );
    expect(
      readAppEnvironment({
        ...base,
        PORT: "8080",
        HOST: "127.0.0.1",
        WEBHOOK_PATH: "/hooks",
        LOG_LEVEL: "warn",
      }),
    ).toMatchObject({ port: 8080, host: "127.0.0.1", webhookPath: "/hooks", logLevel: "warn" });
  });

  it.each([
    [{ APP_ID: undefined }, "APP_ID is not set. Set APP_ID to the number shown as 'App ID'"],
    [{ APP_ID: "abc" }, "APP_ID 'abc' is not a GitHub App id."],
    [
      { WEBHOOK_SECRET: "" },
      "WEBHOOK_SECRET is not set: without it anyone could send the app webhooks.",
    ],
    [{ PRIVATE_KEY: undefined }, "Neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set."],
    [{ PRIVATE_KEY: "not a key" }, "The private key is not a PEM private key."],
    [
      { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/nope.pem" },
      "PRIVATE_KEY_PATH names /nope.pem, which cannot be read",
    ],
    [{ PORT: "http" }, "PORT 'http' is not a port."],
    [
      { LOG_LEVEL: "loud" },
      "LOG_LEVEL 'loud' is not a level. Use one of trace, debug, info, warn, error, fatal.",
    ],
    [{ WEBHOOK_PATH: "hooks" }, "WEBHOOK_PATH 'hooks' does not start with /."],
    [{ GITHUB_API_URL: "github.acme.test" }, "GITHUB_API_URL 'github.acme.test' is not a URL."],
    [
      { SNAPGATE_BACKUP_ACCOUNTS: "acme,acme/backups" },
      "SNAPGATE_BACKUP_ACCOUNTS entry 2, a value of 12 characters, is not a GitHub account.",
    ],
    [
      {
        SNAPGATE_BACKUP_ACCOUNTS:
          "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
      },
      "SNAPGATE_BACKUP_ACCOUNTS entry 1, an age identity (a secret key), is not a GitHub account.",
    ],
  ])("refuses %j with a CONFIG error that says what to set", (change, message) => {
    const env = { ...base, ...change } as NodeJS.ProcessEnv;
    expect(() => readAppEnvironment(env, noFile)).toThrow(
      expect.objectContaining({ code: "CONFIG", message: expect.stringContaining(message) }),
    );
  });
});
