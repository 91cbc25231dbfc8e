import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import { base64nopad } from "@scure/base";
import { BlobSealer } from "../../../core/crypto/blob-sealer.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { OpenSslX25519Identity, OpenSslX25519Recipient } from "../../../core/crypto/age-x25519.js";
import {
  encodeRecipient,
  generateAgeKeyPair,
  parseIdentities,
  parseRecipient,
} from "../../../core/crypto/age-keys.js";
import { loadAge } from "../../../core/crypto/age-library.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import { isSnapgateError } from "../../../core/errors.js";

const sodium = await loadSodium();
const age = await loadAge();
const owner = generateAgeKeyPair(sodium);
const [ownerSecret] = parseIdentities(owner.identity, "test") as [Uint8Array];
const opener = await BlobOpener.create([ownerSecret]);

describe("BlobSealer", () => {
  it("refuses to seal to nobody, and refuses a malformed recipient", async () => {
    await expect(BlobSealer.create([])).rejects.toMatchObject({
      code: "CONFIG",
      summary: "No recipients to encrypt to.",
    });
    await expect(BlobSealer.create([owner.recipient, "age1nope"])).rejects.toMatchObject({
      code: "CONFIG",
    });
  });

  it("gzips only when asked, when the content is 64 bytes or more, and when it pays", async () => {
    const sealer = await BlobSealer.create([owner.recipient]);
    const text = Buffer.from("key: value\n".repeat(20));
    const cases: Array<[Uint8Array, boolean, "gzip" | "none"]> = [
      [text, true, "gzip"],
      [text, false, "none"], // a secret-class file
      [Buffer.from("key: value\n".repeat(5)).subarray(0, 63), true, "none"],
      [randomBytes(4096), true, "none"], // incompressible
    ];
    for (const [plaintext, compress, encoding] of cases) {
      const sealed = await sealer.seal(plaintext, compress);
      expect(sealed.encoding).toBe(encoding);
      expect(sealed.sha256).toBe(sha256Hex(sealed.ciphertext));
      const opened = await opener.open(sealed.ciphertext, sealed.encoding, { describe: "x" });
      expect(Buffer.from(opened).equals(Buffer.from(plaintext))).toBe(true);
    }
  });

  it("refuses a recipient that is a low-order point before sealing anything", async () => {
    await expect(
      BlobSealer.create([owner.recipient, encodeRecipient(new Uint8Array(32))]),
    ).rejects.toMatchObject({
      code: "CONFIG",
      summary: "An age recipient is not a usable X25519 public key.",
      fix: expect.stringContaining("low-order point"),
    });
  });

  it("encrypts the same content differently each time", async () => {
    const sealer = await BlobSealer.create([owner.recipient]);
    const a = await sealer.seal(Buffer.from("same"), false);
    const b = await sealer.seal(Buffer.from("same"), false);
    expect(a.sha256).not.toBe(b.sha256);
  });
});

describe("BlobOpener", () => {
  it("opens a blob sealed to several recipients with any one identity", async () => {
    const other = generateAgeKeyPair(sodium);
    const sealed = await (
      await BlobSealer.create([other.recipient, owner.recipient])
    ).seal(Buffer.from("shared"), false);
    const both = await BlobOpener.create([
      ...parseIdentities(generateAgeKeyPair(sodium).identity, "a"),
      ...parseIdentities(other.identity, "b"),
    ]);
    expect(
      Buffer.from(await both.open(sealed.ciphertext, "none", { describe: "x" })).toString(),
    ).toBe("shared");
    expect(both.recipients).toHaveLength(2);
    expect(both.recipients[1]).toBe(other.recipient);
  });

  it("without the snapshot's recipients, a wrong key still names the identity", async () => {
    const sealed = await (
      await BlobSealer.create([generateAgeKeyPair(sodium).recipient])
    ).seal(Buffer.from("x"), false);
    const error = await opener
      .open(sealed.ciphertext, "none", { describe: "app.yaml in prod@1" })
      .catch((caught: unknown) => caught);
    expect(isSnapgateError(error, "WRONG_KEY")).toBe(true);
    expect((error as Error).message).toContain(
      `Cannot decrypt app.yaml in prod@1: it is encrypted to other recipients; your identity is ${owner.recipient}.`,
    );
  });

  it("a blob recorded as gzip that is not gzip is an integrity error", async () => {
    const sealed = await (
      await BlobSealer.create([owner.recipient])
    ).seal(Buffer.from("plain, not gzip"), false);
    await expect(
      opener.open(sealed.ciphertext, "gzip", { describe: "a.yaml in prod@2" }),
    ).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: "a.yaml in prod@2 decrypted but its gzip content is invalid.",
    });
  });

  it("gzip content that inflates past the manifest's size is refused without inflating it all", async () => {
    // 64 MiB of zeros gzip to ~64 KB: a blob a hostile writer could seal to look like a small file.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(128 * 1024);
    const encrypter = new age.Encrypter();
    encrypter.addRecipient(owner.recipient);
    const ciphertext = await encrypter.encrypt(bomb);
    await expect(
      opener.open(ciphertext, "gzip", { describe: "c.yaml in prod@3", size: 4096 }),
    ).rejects.toMatchObject({
      code: "INTEGRITY",
      summary:
        "c.yaml in prod@3 inflates past the 4096 bytes its manifest records; it was not decompressed further.",
    });
    // At its recorded size, and at exactly the limit, the same kind of content opens.
    const exact = await (
      await BlobSealer.create([owner.recipient])
    ).seal(Buffer.alloc(4096, 0x61), true);
    expect(exact.encoding).toBe("gzip");
    const opened = await opener.open(exact.ciphertext, "gzip", { describe: "d", size: 4096 });
    expect(opened.length).toBe(4096);
    // Content one byte larger than recorded is refused.
    await expect(
      opener.open(exact.ciphertext, "gzip", { describe: "d", size: 4095 }),
    ).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining("inflates past"),
    });
    // An empty file recorded as 0 bytes still opens.
    const empty = gzipSync(Buffer.alloc(0));
    const sealedEmpty = new age.Encrypter();
    sealedEmpty.addRecipient(owner.recipient);
    const emptyBlob = await sealedEmpty.encrypt(empty);
    expect((await opener.open(emptyBlob, "gzip", { describe: "e", size: 0 })).length).toBe(0);
  });

  it("a gzip blob made elsewhere (age -r, gzip) opens", async () => {
    const encrypter = new age.Encrypter();
    encrypter.addRecipient(owner.recipient);
    const ciphertext = await encrypter.encrypt(gzipSync(Buffer.from("from the age CLI")));
    expect(Buffer.from(await opener.open(ciphertext, "gzip", { describe: "x" })).toString()).toBe(
      "from the age CLI",
    );
  });

  it("bytes that are not an age file are an integrity error", async () => {
    await expect(
      opener.open(Buffer.from("hello"), "none", { describe: "b.yaml in prod@1" }),
    ).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining("b.yaml in prod@1 is damaged"),
    });
  });
});

describe("OpenSslX25519Identity", () => {
  it("derives the public key libsodium derives from the same secret", () => {
    expect(new OpenSslX25519Identity(ownerSecret).publicKey).toEqual(
      sodium.crypto_scalarmult_base(ownerSecret),
    );
  });

  const identity = new OpenSslX25519Identity(ownerSecret);
  const stanzaFor = (recipient: string) =>
    new OpenSslX25519Recipient(parseRecipient(recipient)).wrapFileKey(
      new Uint8Array(16).fill(7),
    )[0] as InstanceType<typeof age.Stanza>;

  it("unwraps the file key from its own stanza and skips others", () => {
    const stranger = stanzaFor(generateAgeKeyPair(sodium).recipient);
    const foreign = new age.Stanza(["scrypt", "salt", "10"], new Uint8Array(32));
    expect(identity.unwrapFileKey([foreign, stranger, stanzaFor(owner.recipient)])).toEqual(
      new Uint8Array(16).fill(7),
    );
    expect(identity.unwrapFileKey([foreign, stranger])).toBeNull();
  });

  it("refuses malformed X25519 stanzas instead of skipping them, as age does", () => {
    const good = stanzaFor(owner.recipient);
    const share = good.args[1] as string;
    const cases: Array<[InstanceType<typeof age.Stanza>, string]> = [
      [new age.Stanza(["X25519"], good.body), "invalid X25519 stanza"],
      [new age.Stanza(["X25519", share, "extra"], good.body), "invalid X25519 stanza"],
      [new age.Stanza(["X25519", share], good.body.subarray(0, 31)), "invalid X25519 stanza"],
      [
        new age.Stanza(["X25519", base64nopad.encode(new Uint8Array(31))], good.body),
        "invalid X25519 stanza",
      ],
      [
        new age.Stanza(["X25519", base64nopad.encode(new Uint8Array(32))], good.body),
        "invalid X25519 stanza: low-order share",
      ],
    ];
    for (const [stanza, message] of cases) {
      expect(() => identity.unwrapFileKey([stanza])).toThrow(message);
    }
  });
});
