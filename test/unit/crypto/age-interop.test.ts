import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { BlobSealer } from "../../../core/crypto/blob-sealer.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import {
  formatIdentityFile,
  generateAgeKeyPair,
  parseIdentities,
} from "../../../core/crypto/age-keys.js";
import { isSnapgateError } from "../../../core/errors.js";

const work = mkdtempSync(join(tmpdir(), "snapgate-age-"));

describe("age v1 interoperability with the age CLI", () => {
  it("a Snapgate blob decrypts with `age -d` (binary and gzip)", async () => {
    const sodium = await loadSodium();
    const pair = generateAgeKeyPair(sodium);
    const other = generateAgeKeyPair(sodium);
    writeFileSync(join(work, "key.txt"), formatIdentityFile(pair, new Date()));
    const sealer = await BlobSealer.create([other.recipient, pair.recipient]);
    const plaintext = Buffer.from("DATABASE_URL=postgres://db:5432/app\n".repeat(50));
    const sealed = await sealer.seal(plaintext, false);
    writeFileSync(join(work, "blob.age"), sealed.ciphertext);
    const out = execFileSync("age", ["-d", "-i", join(work, "key.txt"), join(work, "blob.age")]);
    expect(Buffer.compare(out, plaintext)).toBe(0);

    const zipped = await sealer.seal(plaintext, true);
    expect(zipped.encoding).toBe("gzip");
    writeFileSync(join(work, "blob2.age"), zipped.ciphertext);
    const piped = execFileSync("sh", [
      "-c",
      `age -d -i '${join(work, "key.txt")}' '${join(work, "blob2.age")}' | gunzip`,
    ]);
    expect(Buffer.compare(piped, plaintext)).toBe(0);
  });

  it("a file made by `age -r` with an age-keygen key is read by Snapgate's decrypt path", async () => {
    execFileSync("age-keygen", ["-o", join(work, "keygen.txt")], { stdio: "pipe" });
    const keyText = readFileSync(join(work, "keygen.txt"), "utf8");
    const recipient = /# public key: (age1\w+)/.exec(keyText)?.[1] ?? "";
    const plaintext = Buffer.from("replicas: 3\nimage: app:1.2.3\n");
    writeFileSync(join(work, "plain.yaml"), plaintext);
    execFileSync("age", ["-r", recipient, "-o", join(work, "cli.age"), join(work, "plain.yaml")]);
    const opener = await BlobOpener.create(parseIdentities(keyText, "keygen.txt"));
    const out = await opener.open(readFileSync(join(work, "cli.age")), "none", {
      describe: "cli.age",
    });
    expect(Buffer.from(out).toString()).toBe(plaintext.toString());
    // Armored output too (age -a), which age -d also accepts.
    execFileSync("age", [
      "-a",
      "-r",
      recipient,
      "-o",
      join(work, "cli.asc"),
      join(work, "plain.yaml"),
    ]);
    const armored = await opener.open(readFileSync(join(work, "cli.asc")), "none", {
      describe: "cli.asc",
    });
    expect(Buffer.from(armored).toString()).toBe(plaintext.toString());
  });

  it("names both keys when the identity is wrong", async () => {
    const sodium = await loadSodium();
    const owner = generateAgeKeyPair(sodium);
    const stranger = generateAgeKeyPair(sodium);
    const sealed = await (await BlobSealer.create([owner.recipient])).seal(Buffer.from("x"), false);
    const opener = await BlobOpener.create(parseIdentities(stranger.identity, "test"));
    const error = await opener
      .open(sealed.ciphertext, "none", {
        describe: "app.yaml in snapshot 1",
        recipients: [owner.recipient],
      })
      .catch((e: unknown) => e);
    expect(isSnapgateError(error, "WRONG_KEY")).toBe(true);
    expect(String((error as Error).message)).toContain(owner.recipient);
    expect(String((error as Error).message)).toContain(stranger.recipient);
  });

  it("reports a tampered blob as an integrity failure", async () => {
    const sodium = await loadSodium();
    const pair = generateAgeKeyPair(sodium);
    const sealed = await (
      await BlobSealer.create([pair.recipient])
    ).seal(Buffer.from("secret: value\n"), false);
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x01;
    const opener = await BlobOpener.create(parseIdentities(pair.identity, "test"));
    await expect(opener.open(tampered, "none", { describe: "x" })).rejects.toMatchObject({
      code: "INTEGRITY",
    });
  });
});
