import { describe, expect, it } from "@jest/globals";
import { bech32 } from "@scure/base";
import {
  encodeVerifyKey,
  formatWriterKeyFile,
  generateWriterKeyText,
  parseVerifyKey,
  parseWriterKey,
  writerSigner,
} from "../../../core/crypto/writer-key.js";
import { generateAgeKeyPair } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { isSnapgateError } from "../../../core/errors.js";

const sodium = await loadSodium();

/** Changes the last character: the bech32 checksum no longer matches. */
const damage = (text: string): string => text.slice(0, -1) + (text.endsWith("Q") ? "P" : "Q");

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("writer keys", () => {
  it("derives the same distinct sub-keys from the key text, wherever it comes from", () => {
    const text = generateWriterKeyText();
    expect(text).toMatch(/^SNAPGATE-WRITER-KEY-1[02-9AC-HJ-NP-Z]+$/);
    const fromSecret = parseWriterKey(text, "SNAPGATE_WRITER_KEY");
    const verifyKey = writerSigner(sodium, fromSecret).verifyKey;
    const file = formatWriterKeyFile(text, verifyKey, new Date("2025-06-07T08:09:10.111Z"));
    expect(file).toBe(`# created: 2025-06-07T08:09:10Z\n# verify key: ${verifyKey}\n${text}\n`);
    const fromFile = parseWriterKey(file.replace(/\n/g, "\r\n"), "w.key");
    expect(fromFile).toEqual(fromSecret);
    expect(fromFile.macKey).toHaveLength(32);
    expect(fromFile.signingSeed).toHaveLength(32);
    expect(Buffer.from(fromFile.macKey).equals(Buffer.from(fromFile.signingSeed))).toBe(false);
    // Another key derives other sub-keys.
    expect(parseWriterKey(generateWriterKeyText(), "x").macKey).not.toEqual(fromFile.macKey);
  });

  it("gives one signer per key, whose verify key parses back to its public key", () => {
    const key = parseWriterKey(generateWriterKeyText(), "test");
    const signer = writerSigner(sodium, key);
    expect(writerSigner(sodium, key)).toBe(signer);
    expect(signer.verifyKey).toMatch(/^sgw1/);
    const publicKey = parseVerifyKey(`  ${signer.verifyKey} `);
    expect(encodeVerifyKey(publicKey)).toBe(signer.verifyKey);
    expect(sodium.crypto_sign_seed_keypair(key.signingSeed).publicKey).toEqual(publicKey);
  });

  it.each([
    ["an empty text", ""],
    ["only comments", "# created: 2025\n# verify key: sgw1...\n"],
    ["an age identity", generateAgeKeyPair(sodium).identity],
    ["a damaged key", damage(generateWriterKeyText())],
    [
      "a key of the wrong length",
      bech32.encodeFromBytes("SNAPGATE-WRITER-KEY-", new Uint8Array(16)).toUpperCase(),
    ],
  ])("refuses %s, naming where it came from", (_, text) => {
    const error = thrown(() => parseWriterKey(text, "--writer-key w.key"));
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    expect((error as Error).message).toMatch(
      /^--writer-key w\.key does not hold a Snapgate writer key\./,
    );
    expect((error as Error).message).toContain("snapgate keygen --writer");
  });
});

describe("verify keys", () => {
  const valid = writerSigner(sodium, parseWriterKey(generateWriterKeyText(), "t")).verifyKey;
  it.each([
    ["an age recipient", generateAgeKeyPair(sodium).recipient],
    ["a damaged key", damage(valid.toUpperCase()).toLowerCase()],
    ["a key of the wrong length", bech32.encodeFromBytes("sgw", new Uint8Array(31))],
    ["the writer key itself", generateWriterKeyText()],
    ["plain text", "not a key"],
  ])("refuses %s, naming its kind but none of its characters", (_, text) => {
    const error = thrown(() => parseVerifyKey(text));
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    expect((error as Error).message).toContain("is not a valid Snapgate writer verify key.");
    expect((error as Error).message).not.toContain(text.trim().slice(0, 8));
  });

  it("names a secret key given as a verify key, and says to rotate it", () => {
    const error = thrown(() => parseVerifyKey(generateWriterKeyText())) as Error;
    expect(error.message).toMatch(
      /^A Snapgate writer key \(a secret key\) is not a valid Snapgate writer verify key\. .*rotate it/,
    );
  });
});
