import * as nodeCrypto from "node:crypto";
import { describe, expect, it, jest } from "@jest/globals";
import { Decrypter } from "age-encryption";
import { encodeIdentity } from "../../../core/crypto/age-keys.js";

// On Node 20, generateKeyPairSync("x25519") followed by exporting the new key as a JWK can
// deadlock its thread (the export holds the key's mutex while it allocates, and a garbage
// collection then runs the key-generation job's destructor, which takes the same mutex):
// a first snapshot hung that way (ADR 1107). The recipient must make its ephemeral keys
// without either call; counted here, since a deadlock itself cannot be waited for in a test.
const calls = { generateKeyPairSync: 0 };
jest.unstable_mockModule("node:crypto", () => ({
  ...nodeCrypto,
  generateKeyPairSync: (...args: Parameters<typeof nodeCrypto.generateKeyPairSync>) => {
    calls.generateKeyPairSync += 1;
    return (nodeCrypto.generateKeyPairSync as (...a: unknown[]) => unknown)(...args);
  },
}));
const { OpenSslX25519Identity, OpenSslX25519Recipient } =
  await import("../../../core/crypto/age-x25519.js");
const { sealAgeV1 } = await import("../../../core/crypto/seal-age-v1.js");
const { openAgeV1 } = await import("../../../core/crypto/open-age-v1.js");

const secrets = [nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(32)];
const identities = secrets.map((secret) => new OpenSslX25519Identity(secret));

describe("OpenSslX25519Recipient's ephemeral keys", () => {
  it("are made without generateKeyPairSync, fresh per file and recipient, and open with age", async () => {
    const recipients = identities.map((identity) => new OpenSslX25519Recipient(identity.publicKey));
    const files = Array.from({ length: 50 }, (_, i) => Buffer.from(`replicas: ${i}\n`));
    const sealed = files.map((file) => sealAgeV1(file, recipients));
    expect(calls.generateKeyPairSync).toBe(0);
    const shares = sealed.flatMap((file) =>
      file
        .toString("latin1")
        .split("\n")
        .filter((line) => line.startsWith("-> X25519 ")),
    );
    // 50 files x 2 recipients, every share different (a fresh ephemeral key each).
    expect(shares).toHaveLength(100);
    expect(new Set(shares).size).toBe(100);
    for (const [index, file] of sealed.entries()) {
      for (const [which, secret] of secrets.entries()) {
        const identity = identities[which] as InstanceType<typeof OpenSslX25519Identity>;
        expect(Buffer.from(openAgeV1(file, [identity])).equals(files[index] as Buffer)).toBe(true);
        // Each opens only if its share is its scalar's public key: the identity's shared
        // secret comes from the share, and the wrapping key's salt includes it.
        const decrypter = new Decrypter();
        decrypter.addIdentity(encodeIdentity(secret));
        expect(Buffer.from(await decrypter.decrypt(file)).equals(files[index] as Buffer)).toBe(
          true,
        );
      }
    }
  });

  it("gets a fresh file key per file from the random pool: none repeated, none sharing memory", () => {
    // Each recipient sees the file key it wraps; the pool hands out views of larger blocks,
    // so a reused byte would show as two keys in the same place, or as equal keys.
    const seen: { copy: string; memory: ArrayBufferLike; start: number }[] = [];
    const recipients = identities.map((identity) => {
      const real = new OpenSslX25519Recipient(identity.publicKey);
      return {
        wrapFileKey(fileKey: Uint8Array) {
          seen.push({
            copy: Buffer.from(fileKey).toString("hex"),
            memory: fileKey.buffer,
            start: fileKey.byteOffset,
          });
          return real.wrapFileKey(fileKey);
        },
      };
    });
    const files = Array.from({ length: 2000 }, (_, i) => Buffer.from(`replicas: ${i}\n`));
    for (const file of files) sealAgeV1(file, recipients);
    // Both recipients of a file wrap the same key; every file has its own.
    const perFile = seen.filter((_, i) => i % 2 === 0);
    expect(seen.filter((_, i) => i % 2 === 1).map((key) => key.copy)).toEqual(
      perFile.map((key) => key.copy),
    );
    expect(new Set(perFile.map((key) => key.copy)).size).toBe(files.length);
    // No two files' keys start at the same place of the same memory (16-byte keys).
    const byMemory = new Map<ArrayBufferLike, number[]>();
    for (const key of perFile)
      byMemory.set(key.memory, [...(byMemory.get(key.memory) ?? []), key.start]);
    for (const starts of byMemory.values()) {
      starts.sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i++) {
        expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(16);
      }
    }
  });
});
