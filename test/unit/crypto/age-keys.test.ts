import { describe, expect, it } from "@jest/globals";
import { bech32 } from "@scure/base";
import {
  encodeIdentity,
  encodeRecipient,
  formatIdentityFile,
  generateAgeKeyPair,
  parseIdentities,
  parseRecipient,
  recipientOfSecretKey,
} from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { generateWriterKeyText } from "../../../core/crypto/writer-key.js";
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

describe("age recipients", () => {
  it("parses a generated recipient back into the public key of its identity", () => {
    const pair = generateAgeKeyPair(sodium);
    const [secret] = parseIdentities(pair.identity, "test");
    const publicKey = parseRecipient(`  ${pair.recipient}\n`);
    expect(publicKey).toEqual(sodium.crypto_scalarmult_base(secret as Uint8Array));
    expect(encodeRecipient(publicKey)).toBe(pair.recipient);
    expect(recipientOfSecretKey(sodium, secret as Uint8Array)).toBe(pair.recipient);
    expect(pair.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
  });

  const recipient = generateAgeKeyPair(sodium).recipient;
  it.each([
    ["an empty string", ""],
    ["an identity", generateAgeKeyPair(sodium).identity],
    ["a writer verify key", bech32.encodeFromBytes("sgw", new Uint8Array(32))],
    ["a recipient with a typo", recipient.slice(0, -1) + (recipient.endsWith("q") ? "p" : "q")],
    ["a truncated recipient", recipient.slice(0, 40)],
    ["an upper-case recipient", recipient.toUpperCase()],
    ["a 31-byte key", bech32.encodeFromBytes("age", new Uint8Array(31))],
    ["an ssh key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx"],
  ])("refuses %s as a CONFIG error that says what a recipient looks like", (_, text) => {
    const error = thrown(() => parseRecipient(text));
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    expect((error as Error).message).toContain("is not a valid age X25519 recipient");
    expect((error as Error).message).toContain("starts with age1");
  });

  it("names what it refused by kind or length, never by its characters", () => {
    const junk = thrown(() => parseRecipient("x".repeat(80))) as Error;
    expect(junk.message).toMatch(/^A value of 80 characters is not a valid age X25519 recipient\./);
    expect(junk.message).not.toContain("xxx");
    const identity = generateAgeKeyPair(sodium).identity;
    const secret = thrown(() => parseRecipient(identity)) as Error;
    expect(secret.message).toMatch(/^An age identity \(a secret key\) is not a valid age X25519/);
    expect(secret.message).not.toContain(identity.slice(16, 22));
  });
});

describe("age identities", () => {
  it("reads age-keygen's file layout: comments, blank lines and CRLF line ends", () => {
    const first = generateAgeKeyPair(sodium);
    const second = generateAgeKeyPair(sodium);
    const text =
      formatIdentityFile(first, new Date("2025-01-02T03:04:05.678Z")) +
      "\r\n   \r\n" +
      `  # another key\r\n  ${second.identity}  \r\n`;
    const keys = parseIdentities(text, "keys.txt");
    expect(keys.map((key) => recipientOfSecretKey(sodium, key))).toEqual([
      first.recipient,
      second.recipient,
    ]);
  });

  it("writes the layout age-keygen writes", () => {
    const pair = generateAgeKeyPair(sodium);
    expect(formatIdentityFile(pair, new Date("2025-01-02T03:04:05.678Z"))).toBe(
      `# created: 2025-01-02T03:04:05Z\n# public key: ${pair.recipient}\n${pair.identity}\n`,
    );
    expect(pair.identity).toBe(pair.identity.toUpperCase());
    expect(pair.identity.startsWith("AGE-SECRET-KEY-1")).toBe(true);
    const [secret] = parseIdentities(pair.identity, "test");
    expect(encodeIdentity(secret as Uint8Array)).toBe(pair.identity);
  });

  it.each([
    ["a recipient", (p: { recipient: string }) => p.recipient],
    ["a lower-case identity", (p: { identity: string }) => p.identity.toLowerCase()],
    [
      "a damaged identity",
      (p: { identity: string }) => p.identity.slice(0, -1) + (p.identity.endsWith("Q") ? "P" : "Q"),
    ],
    ["a writer key", () => generateWriterKeyText()],
    ["a post-quantum identity", () => "AGE-SECRET-KEY-PQ-1QQQQ"],
  ])("names the line number and file of %s", (_, make) => {
    const pair = generateAgeKeyPair(sodium);
    const text = `# my key\n\n${pair.identity}\n${make(pair)}\n`;
    const error = thrown(() => parseIdentities(text, "restore.txt"));
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    expect((error as Error).message).toMatch(/^restore\.txt line 4 is not an age identity\./);
    expect((error as Error).message).toContain("AGE-SECRET-KEY-1");
  });

  it("refuses a text that holds no identity at all", () => {
    for (const text of ["", "# only a comment\n\n", "\r\n"]) {
      const error = thrown(() => parseIdentities(text, "SNAPGATE_IDENTITY"));
      expect(isSnapgateError(error, "CONFIG")).toBe(true);
      expect((error as Error).message).toMatch(/^SNAPGATE_IDENTITY holds no age identity\./);
    }
  });
});
