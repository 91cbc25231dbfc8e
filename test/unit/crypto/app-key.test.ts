import { describe, expect, it } from "@jest/globals";
import {
  appSigner,
  formatAppKeyFile,
  generateAppKeyText,
  parseAppKey,
  parseAppVerifyKey,
} from "../../../core/crypto/app-key.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
} from "../../../core/crypto/writer-key.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { isSnapgateError } from "../../../core/errors.js";

const sodium = await loadSodium();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("app keys", () => {
  it("parse from the secret or the key file alike, and sign with an sga1 verify key", () => {
    const text = generateAppKeyText();
    expect(text).toMatch(/^SNAPGATE-APP-KEY-1[02-9AC-HJ-NP-Z]+$/);
    const key = parseAppKey(text, "SNAPGATE_SIGNING_KEY");
    const { verifyKey } = appSigner(sodium, key);
    expect(verifyKey).toMatch(/^sga1[02-9ac-hj-np-z]{58}$/);
    const file = formatAppKeyFile(text, verifyKey, new Date("2026-12-01T10:00:00.123Z"));
    expect(file).toBe(`# created: 2026-12-01T10:00:00Z\n# verify key: ${verifyKey}\n${text}\n`);
    expect(parseAppKey(file, "app.key")).toEqual(key);
    expect(parseAppVerifyKey(verifyKey)).toHaveLength(32);
    expect(appSigner(sodium, parseAppKey(generateAppKeyText(), "x")).verifyKey).not.toBe(verifyKey);
  });

  it("are never mistaken for writer keys, either way round", () => {
    const writerText = generateWriterKeyText();
    const writerVerifyKey = writerSigner(sodium, parseWriterKey(writerText, "w")).verifyKey;
    const notApp = thrown(() => parseAppKey(writerText, "SNAPGATE_SIGNING_KEY"));
    expect(isSnapgateError(notApp, "CONFIG")).toBe(true);
    expect((notApp as Error).message).toContain(
      "SNAPGATE_SIGNING_KEY does not hold a Snapgate app key",
    );
    // The secret is never echoed in the error.
    expect((notApp as Error).message).not.toContain(writerText.slice(20));
    const notVerify = thrown(() => parseAppVerifyKey(writerVerifyKey));
    expect((notVerify as Error).message).toContain("is not a Snapgate app verify key");
    expect((notVerify as Error).message).toContain("snapgate keygen --app");
  });

  it("name a secret key pasted where a verify key belongs by its kind, never by its characters", () => {
    const secrets = [generateAppKeyText(), generateWriterKeyText()];
    for (const secret of secrets) {
      const error = thrown(() => parseAppVerifyKey(secret)) as Error & { fix?: string };
      expect(error.message).toContain("is not a Snapgate app verify key");
      for (const shown of [error.message, String(error.fix)])
        expect(shown).not.toContain(secret.slice(0, 20));
    }
  });
});
