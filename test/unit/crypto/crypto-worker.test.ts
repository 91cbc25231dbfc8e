import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { BlobSealer } from "../../../core/crypto/blob-sealer.js";
import { generateAgeKeyPair, parseIdentities } from "../../../core/crypto/age-keys.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import type { SealedBlob } from "../../../core/crypto/blob-sealer.js";

/**
 * The worker's side of the pool protocol, run on this thread so its source is
 * covered: worker_threads is replaced by a port that records what the worker
 * posts. create-sealer.test.ts runs the real bundled worker in a thread.
 */
interface Posted {
  message: {
    id?: number;
    ready?: boolean;
    sealed?: SealedBlob;
    tempPath?: string;
    size?: number;
    unread?: boolean;
    error?: { code: string; summary: string };
  };
  transfer: unknown[] | undefined;
}

class RecordingPort extends EventEmitter {
  readonly posted: Posted[] = [];
  /** Replies that came in a batch (a restore's and a first snapshot's). */
  readonly batched = new Set<number>();
  postMessage(
    message: Posted["message"] & { batch?: Posted["message"][] },
    transfer?: unknown[],
  ): void {
    for (const each of message.batch ?? [message]) {
      this.posted.push({ message: each, transfer });
      if (message.batch && each.id !== undefined) this.batched.add(each.id);
    }
    this.emit("posted");
  }
  /** The reply to request `id`, once the worker has posted it. */
  reply(id: number): Promise<Posted> {
    return new Promise((resolve) => {
      const look = () => {
        const found = this.posted.find((p) => p.message.id === id);
        if (!found) return;
        this.off("posted", look);
        resolve(found);
      };
      this.on("posted", look);
      look();
    });
  }
}

const sodium = await loadSodium();
const pair = generateAgeKeyPair(sodium);
const port = new RecordingPort();

jest.unstable_mockModule("node:worker_threads", () => ({
  parentPort: port,
  workerData: { recipients: [pair.recipient], identities: parseIdentities(pair.identity, "test") },
}));

await import("../../../core/crypto/crypto-worker.js");

describe("crypto worker: sealing", () => {
  it("says it is ready once its sealer is built", () => {
    expect(port.posted[0]?.message).toEqual({ ready: true });
  });

  it("seals each request, replies under its id and transfers the ciphertext", async () => {
    const opener = await BlobOpener.create(parseIdentities(pair.identity, "test"));
    const plaintext = Buffer.from("replicas: 3\n".repeat(30));
    port.emit("message", { kind: "seal", id: 7, plaintext, compress: true });
    port.emit("message", { kind: "seal", id: 8, plaintext: Buffer.from("short"), compress: false });
    const [seven, eight] = await Promise.all([port.reply(7), port.reply(8)]);
    for (const [reply, expected] of [
      [seven, plaintext],
      [eight, Buffer.from("short")],
    ] as const) {
      const sealed = reply.message.sealed as SealedBlob;
      expect(reply.transfer).toEqual([sealed.ciphertext.buffer]);
      expect(sealed.sha256).toBe(sha256Hex(sealed.ciphertext));
      const opened = await opener.open(sealed.ciphertext, sealed.encoding, { describe: "x" });
      expect(Buffer.from(opened).equals(expected)).toBe(true);
    }
    expect(seven.message.sealed?.encoding).toBe("gzip");
    expect(eight.message.sealed?.encoding).toBe("none");
  });

  it("replies with the error message when a request cannot be sealed", async () => {
    port.emit("message", { kind: "seal", id: 9, plaintext: { length: 1000 }, compress: true });
    const reply = await port.reply(9);
    expect(reply.message.sealed).toBeUndefined();
    expect(reply.message.error?.summary.length).toBeGreaterThan(0);
  });
});

describe("crypto worker: opening into temp files", () => {
  const dir = mkdtempSync(join(tmpdir(), "snapgate-worker-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("decrypts into a temp file beside the target, with the exact mode", async () => {
    const content = Buffer.from("DB_PASSWORD=hunter2\n");
    const sealed = await (await BlobSealer.create([pair.recipient])).seal(content, false);
    port.emit("message", {
      kind: "open",
      id: 20,
      ciphertext: sealed.ciphertext,
      encoding: sealed.encoding,
      context: { describe: ".env in prod@1" },
      writeBeside: join(dir, ".env"),
      mode: 0o640,
      size: content.length,
    });
    const reply = await port.reply(20);
    // Replied in a batch, as a restore's files are (ADR 1113).
    expect(port.batched.has(20)).toBe(true);
    const temp = reply.message.tempPath as string;
    expect(temp.startsWith(join(dir, ".snapgate-tmp-"))).toBe(true);
    expect(readFileSync(temp).equals(content)).toBe(true);
    expect(statSync(temp).mode & 0o777).toBe(0o640);
  });

  it("in a restore's staging directory, creates the target itself (exclusively) with the exact mode", async () => {
    const content = Buffer.from("replicas: 3\n");
    const sealed = await (await BlobSealer.create([pair.recipient])).seal(content, false);
    const request = (id: number, name: string, mode: number) => ({
      kind: "open",
      id,
      ciphertext: sealed.ciphertext,
      encoding: sealed.encoding,
      context: { describe: `${name} in prod@1` },
      writeBeside: join(dir, name),
      mode,
      size: content.length,
      how: { atTarget: true, umask: 0o022 },
    });
    // 0640: the umask strips nothing; 0666: it would strip 0022, so the mode is set after.
    const previous = process.umask(0o022);
    port.emit("message", request(23, "staged.yaml", 0o640));
    port.emit("message", request(24, "open.yaml", 0o666));
    const [a, b] = await Promise.all([port.reply(23), port.reply(24)]).finally(() =>
      process.umask(previous),
    );
    expect(a.message.tempPath).toBe(join(dir, "staged.yaml"));
    expect(b.message.tempPath).toBe(join(dir, "open.yaml"));
    expect(readFileSync(join(dir, "staged.yaml")).equals(content)).toBe(true);
    expect(statSync(join(dir, "staged.yaml")).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, "open.yaml")).mode & 0o777).toBe(0o666);
    // Never over an existing file.
    port.emit("message", request(25, "staged.yaml", 0o640));
    expect((await port.reply(25)).message.error?.summary).toMatch(/EEXIST/);
  });

  it("in a staging directory, makes the file's missing directories only when asked to", async () => {
    const content = Buffer.from("deep\n");
    const sealed = await (await BlobSealer.create([pair.recipient])).seal(content, false);
    const request = (id: number, name: string, makeParents: boolean) => ({
      kind: "open",
      id,
      ciphertext: sealed.ciphertext,
      encoding: sealed.encoding,
      context: { describe: name },
      writeBeside: join(dir, name),
      mode: 0o644,
      size: content.length,
      how: { atTarget: true, makeParents },
    });
    port.emit("message", request(26, "no/parents.yaml", false));
    expect((await port.reply(26)).message.error?.summary).toMatch(/ENOENT/);
    port.emit("message", request(27, "a/b/c.yaml", true));
    port.emit("message", request(28, "a/b/d.yaml", true));
    await Promise.all([port.reply(27), port.reply(28)]);
    expect(readFileSync(join(dir, "a/b/c.yaml")).equals(content)).toBe(true);
    expect(readFileSync(join(dir, "a/b/d.yaml")).equals(content)).toBe(true);
    expect(statSync(join(dir, "a/b")).isDirectory()).toBe(true);
  });

  it("reads a blob's file itself: checked against the signed hash before it is opened", async () => {
    const content = Buffer.from("replicas: 5\n");
    const sealed = await (await BlobSealer.create([pair.recipient])).seal(content, false);
    const blob = join(dir, "blob.age");
    writeFileSync(blob, sealed.ciphertext);
    const request = (id: number, path: string, name: string) => ({
      kind: "open",
      id,
      blobFile: {
        path,
        file: { path: "app.yaml", blob: "b".repeat(64), ciphertextSha256: sealed.sha256 },
        where: "snapshot prod@1",
        location: "store",
      },
      encoding: sealed.encoding,
      context: { describe: "app.yaml in snapshot prod@1" },
      writeBeside: join(dir, name),
      mode: 0o644,
      size: content.length,
    });
    port.emit("message", request(30, blob, "read.yaml"));
    const read = await port.reply(30);
    expect(readFileSync(read.message.tempPath as string).equals(content)).toBe(true);
    // A missing file: no error, the main thread reads it through the store instead.
    port.emit("message", request(31, join(dir, "missing.age"), "missing.yaml"));
    expect((await port.reply(31)).message).toEqual({ id: 31, unread: true });
    // One changed byte: the tampered-blob error, and no file is written.
    const bytes = Buffer.from(sealed.ciphertext);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeFileSync(blob, bytes);
    port.emit("message", request(32, blob, "tampered.yaml"));
    expect((await port.reply(32)).message.error).toMatchObject({
      code: "INTEGRITY",
      summary:
        "The blob of app.yaml in snapshot prod@1 was tampered with: its sha256 does not match the signed manifest.",
      details: { kind: "tampered-blob", path: "app.yaml" },
    });
    expect(existsSync(join(dir, "tampered.yaml"))).toBe(false);
  });

  it("refuses content whose size is not the manifest's, and names a wrong key", async () => {
    const sealed = await (
      await BlobSealer.create([pair.recipient])
    ).seal(Buffer.from("12345"), false);
    const base = {
      kind: "open",
      ciphertext: sealed.ciphertext,
      encoding: "none",
      context: { describe: "x" },
      writeBeside: join(dir, "x"),
      mode: 0o644,
    };
    port.emit("message", { ...base, id: 21, size: 6 });
    expect((await port.reply(21)).message.error).toMatchObject({ code: "INTEGRITY" });
    const stranger = generateAgeKeyPair(sodium);
    const foreign = await (
      await BlobSealer.create([stranger.recipient])
    ).seal(Buffer.from("12345"), false);
    port.emit("message", { ...base, id: 22, size: 5, ciphertext: foreign.ciphertext });
    expect((await port.reply(22)).message.error).toMatchObject({ code: "WRONG_KEY" });
  });

  it("stops inflating gzip content at the size the restore's context carries", async () => {
    // 8 MiB of one byte gzip to ~8 KB; the manifest says the file is 100 bytes.
    const sealed = await (
      await BlobSealer.create([pair.recipient])
    ).seal(Buffer.alloc(8 * 1024 * 1024, 0x61), true);
    expect(sealed.encoding).toBe("gzip");
    port.emit("message", {
      kind: "open",
      id: 33,
      ciphertext: sealed.ciphertext,
      encoding: "gzip",
      context: { describe: "bomb.yaml in prod@1", size: 100 },
      writeBeside: join(dir, "bomb.yaml"),
      mode: 0o644,
      size: 100,
    });
    expect((await port.reply(33)).message.error).toMatchObject({
      code: "INTEGRITY",
      summary:
        "bomb.yaml in prod@1 inflates past the 100 bytes its manifest records; it was not decompressed further.",
    });
    expect(existsSync(join(dir, "bomb.yaml"))).toBe(false);
  });
});
