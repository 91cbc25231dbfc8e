import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { Decrypter, Encrypter, type Identity } from "age-encryption";
import { encodeIdentity, encodeRecipient } from "../../../core/crypto/age-keys.js";
import { OpenSslX25519Identity, OpenSslX25519Recipient } from "../../../core/crypto/age-x25519.js";
import { openAgeV1 } from "../../../core/crypto/open-age-v1.js";
import { sealAgeV1 } from "../../../core/crypto/seal-age-v1.js";

// The age-encryption library is the reference implementation here: what sealAgeV1 writes it
// must read, and what it writes openAgeV1 must read (the age CLI: age-interop.test.ts).
const secrets = [randomBytes(32), randomBytes(32)];
const identities = secrets.map((secret) => new OpenSslX25519Identity(secret));
const recipients = identities.map((identity) => new OpenSslX25519Recipient(identity.publicKey));
const CHUNK = 64 * 1024;
// Sizes around the STREAM chunk boundaries: empty, one byte, a full chunk, one more, two full.
const sizes = [0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 17];

async function libraryOpen(file: Uint8Array, secret: Uint8Array): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(encodeIdentity(secret));
  return decrypter.decrypt(file);
}

describe("sealAgeV1 and openAgeV1 (age v1 on Node's OpenSSL)", () => {
  it.each(sizes)("a %i-byte file round-trips and the age library reads it", async (size) => {
    const plaintext = randomBytes(size);
    const sealed = sealAgeV1(plaintext, recipients);
    for (const [index, secret] of secrets.entries()) {
      expect(Buffer.compare(Buffer.from(await libraryOpen(sealed, secret)), plaintext)).toBe(0);
      const identity = identities[index] as OpenSslX25519Identity;
      expect(Buffer.compare(Buffer.from(openAgeV1(sealed, [identity])), plaintext)).toBe(0);
    }
  });

  it.each(sizes)("reads a %i-byte file the age library wrote", async (size) => {
    const plaintext = randomBytes(size);
    const encrypter = new Encrypter();
    for (const identity of identities) encrypter.addRecipient(encodeRecipient(identity.publicKey));
    const sealed = await encrypter.encrypt(plaintext);
    const opened = openAgeV1(sealed, [identities[1] as OpenSslX25519Identity]);
    expect(Buffer.compare(Buffer.from(opened), plaintext)).toBe(0);
  });

  it("writes a fresh file key and nonce each time", () => {
    const plaintext = Buffer.from("same content");
    const one = sealAgeV1(plaintext, recipients);
    const two = sealAgeV1(plaintext, recipients);
    expect(one.equals(two)).toBe(false);
    // Header lines, one stanza per recipient, each with a fresh ephemeral share.
    const shares = [one, two].flatMap((file) =>
      file
        .toString("latin1")
        .split("\n")
        .filter((line) => line.startsWith("-> X25519 ")),
    );
    expect(new Set(shares).size).toBe(4);
  });

  it("tries the hinted stanza first; any hint opens the file", () => {
    const plaintext = Buffer.from("replicas: 3\n");
    const sealed = sealAgeV1(plaintext, recipients);
    const shares = sealed
      .toString("latin1")
      .split("\n")
      .filter((line) => line.startsWith("-> X25519 "))
      .map((line) => line.slice("-> X25519 ".length));
    const second = identities[1] as OpenSslX25519Identity;
    for (const hint of [0, 1, 5]) {
      const tried: string[] = [];
      const spy: Identity = {
        unwrapFileKey: (stanzas) => {
          tried.push(stanzas[0]?.args[1] ?? "");
          return second.unwrapFileKey(stanzas);
        },
      };
      expect(Buffer.compare(Buffer.from(openAgeV1(sealed, [spy], hint)), plaintext)).toBe(0);
      // With the right hint the key's own stanza comes first: one X25519 operation, not two.
      expect(tried).toEqual([hint === 1 ? shares[1] : shares[0]]);
    }
  });

  it("says no identity matched when the key is not a recipient", () => {
    const sealed = sealAgeV1(Buffer.from("x"), [recipients[0] as OpenSslX25519Recipient]);
    expect(() => openAgeV1(sealed, [identities[1] as OpenSslX25519Identity])).toThrow(
      "no identity matched",
    );
  });

  it("refuses every single-byte change and every truncation of a two-chunk file", () => {
    const plaintext = randomBytes(CHUNK + 50);
    const sealed = sealAgeV1(plaintext, recipients);
    const identity = [identities[0] as OpenSslX25519Identity];
    const headerEnd = sealed.indexOf("\n---") + 4 + 44;
    // Every header byte, the nonce, and bytes of both chunks and both tags.
    const positions = [
      ...Array.from({ length: headerEnd + 16 }, (_, index) => index),
      headerEnd + 16 + 5,
      headerEnd + 16 + CHUNK + 3,
      headerEnd + 16 + CHUNK + 16 + 1,
      sealed.length - 1,
    ];
    let refused = 0;
    for (const position of positions) {
      const damaged = Buffer.from(sealed);
      damaged[position] = (damaged[position] as number) ^ 0x01;
      try {
        openAgeV1(damaged, identity);
      } catch {
        refused++;
      }
    }
    // Base64 must be canonical, so even a flip in a character's unused low bits is refused.
    expect(refused).toBe(positions.length);
    expect(Buffer.compare(Buffer.from(openAgeV1(sealed, identity)), plaintext)).toBe(0);
    for (const cut of [1, 16, 17, 50 + 16, 50 + 17, sealed.length - headerEnd - 1]) {
      expect(() => openAgeV1(sealed.subarray(0, sealed.length - cut), identity)).toThrow();
    }
    // Bytes after the final chunk, and a file that ends in an empty extra chunk.
    expect(() => openAgeV1(Buffer.concat([sealed, Buffer.alloc(1)]), identity)).toThrow();
  });

  it("refuses a payload whose final chunk is empty after a full one", () => {
    const identity = [identities[0] as OpenSslX25519Identity];
    const full = sealAgeV1(randomBytes(CHUNK), recipients);
    // A full chunk flagged final followed by anything is refused; so is a missing final flag.
    expect(() => openAgeV1(Buffer.concat([full, Buffer.alloc(16)]), identity)).toThrow();
    expect(() => openAgeV1(full.subarray(0, full.length - 1), identity)).toThrow();
  });

  it("refuses headers that break the spec's grammar", () => {
    const identity = [identities[0] as OpenSslX25519Identity];
    const sealed = sealAgeV1(Buffer.from("content"), recipients).toString("latin1");
    const cases = [
      sealed.replace("age-encryption.org/v1", "age-encryption.org/v2"),
      sealed.replace("-> X25519 ", "->  X25519 "),
      sealed.replace(/\n--- [^\n]+\n/, "\n---\n"),
      sealed.replace(/\n(-> X25519 [^\n]+)\n([^\n]+)\n/, "\n$1\n$2=\n"),
      "age-encryption.org/v1\n--- AAAA\n",
      "not an age file",
    ];
    for (const text of cases) {
      expect(() => openAgeV1(Buffer.from(text, "latin1"), identity)).toThrow();
    }
  });
});
