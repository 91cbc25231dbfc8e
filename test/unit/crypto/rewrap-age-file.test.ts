import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { loadAge } from "../../../core/crypto/age-library.js";
import { OpenSslX25519Identity, OpenSslX25519Recipient } from "../../../core/crypto/age-x25519.js";
import { BlobSealer } from "../../../core/crypto/blob-sealer.js";
import {
  formatIdentityFile,
  generateAgeKeyPair,
  parseIdentities,
  parseRecipient,
  type AgeKeyPair,
} from "../../../core/crypto/age-keys.js";
import { rewrapAgeFile } from "../../../core/rekey/rewrap-age-file.js";
import { SnapgateError } from "../../../core/errors.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir("snapgate-rewrap-");

async function parts() {
  const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
  const identity = (pair: AgeKeyPair) =>
    new OpenSslX25519Identity(parseIdentities(pair.identity, "test")[0] as Uint8Array);
  const recipient = (pair: AgeKeyPair) =>
    new OpenSslX25519Recipient(parseRecipient(pair.recipient));
  const keyFile = (name: string, pair: AgeKeyPair) => {
    writeFileSync(join(work, name), formatIdentityFile(pair, new Date()), { mode: 0o600 });
    return join(work, name);
  };
  return { sodium, age, identity, recipient, keyFile };
}

/** The payload: everything after the header's MAC line (binary age files). */
const payloadOf = (bytes: Uint8Array) => {
  const buffer = Buffer.from(bytes);
  return buffer.subarray(buffer.indexOf("\n", buffer.indexOf("\n---") + 1) + 1);
};

describe("rewrapAgeFile: a new header for new recipients, the payload untouched", () => {
  it("a file `age` encrypted opens with `age -d` and only the new identities after re-wrapping", async () => {
    const { sodium, age, identity, recipient, keyFile } = await parts();
    const old = generateAgeKeyPair(sodium);
    const newA = generateAgeKeyPair(sodium);
    const newB = generateAgeKeyPair(sodium);
    const plaintext = Buffer.from("API_KEY=not-a-real-key\n".repeat(5000));
    writeFileSync(join(work, "plain"), plaintext);
    const sealed = execFileSync("age", ["-r", old.recipient, join(work, "plain")]);
    const result = await rewrapAgeFile(
      age,
      sealed,
      [identity(old)],
      [recipient(newA), recipient(newB)],
      "the test blob",
    );
    expect(Buffer.compare(payloadOf(result.bytes), payloadOf(sealed))).toBe(0);
    expect(result.payloadLength).toBe(payloadOf(sealed).length);
    writeFileSync(join(work, "rewrapped.age"), result.bytes);
    for (const [name, pair] of [
      ["a.txt", newA],
      ["b.txt", newB],
    ] as const) {
      const out = execFileSync("age", [
        "-d",
        "-i",
        keyFile(name, pair),
        join(work, "rewrapped.age"),
      ]);
      expect(Buffer.compare(out, plaintext)).toBe(0);
    }
    const refused = spawnSync("age", [
      "-d",
      "-i",
      keyFile("old.txt", old),
      join(work, "rewrapped.age"),
    ]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr.toString()).toContain("no identity matched any of the recipients");
  });

  it("keeps an armored Snapgate blob armored", async () => {
    const { sodium, age, identity, recipient, keyFile } = await parts();
    const old = generateAgeKeyPair(sodium);
    const next = generateAgeKeyPair(sodium);
    const sealer = await BlobSealer.create([old.recipient], { armor: true });
    const sealed = await sealer.seal(Buffer.from("x: 1\n"), false);
    const result = await rewrapAgeFile(
      age,
      sealed.ciphertext,
      [identity(old)],
      [recipient(next)],
      "b",
    );
    expect(Buffer.from(result.bytes).toString()).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    writeFileSync(join(work, "armored.age"), result.bytes);
    const out = execFileSync("age", [
      "-d",
      "-i",
      keyFile("next.txt", next),
      join(work, "armored.age"),
    ]);
    expect(out.toString()).toBe("x: 1\n");
  });

  it("refuses an identity that is not a recipient, and a damaged payload, with clear errors", async () => {
    const { sodium, age, identity, recipient } = await parts();
    const old = generateAgeKeyPair(sodium);
    const stranger = generateAgeKeyPair(sodium);
    const next = generateAgeKeyPair(sodium);
    const sealer = await BlobSealer.create([old.recipient]);
    const sealed = (await sealer.seal(Buffer.from("secret: 1\n".repeat(100)), false)).ciphertext;
    const wrong = rewrapAgeFile(age, sealed, [identity(stranger)], [recipient(next)], "blob X");
    await expect(wrong).rejects.toThrow(SnapgateError);
    await expect(wrong).rejects.toThrow("No identity given can open blob X.");
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] as number) ^ 1;
    await expect(
      rewrapAgeFile(age, damaged, [identity(old)], [recipient(next)], "blob Y"),
    ).rejects.toThrow(/blob Y is not a valid age v1 file: the payload does not authenticate/);
    await expect(
      rewrapAgeFile(age, Buffer.from("hello"), [identity(old)], [recipient(next)], "blob Z"),
    ).rejects.toThrow(/blob Z is not a valid age v1 file/);
  });
});
