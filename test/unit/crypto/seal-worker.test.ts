import { EventEmitter } from "node:events";
import { describe, expect, it, jest } from "@jest/globals";
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
  message: { id?: number; ready?: boolean; sealed?: SealedBlob; error?: string };
  transfer: unknown[] | undefined;
}

class RecordingPort extends EventEmitter {
  readonly posted: Posted[] = [];
  postMessage(message: Posted["message"], transfer?: unknown[]): void {
    this.posted.push({ message, transfer });
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
  workerData: { recipients: [pair.recipient] },
}));

await import("../../../core/crypto/seal-worker.js");

describe("seal worker", () => {
  it("says it is ready once its sealer is built", () => {
    expect(port.posted[0]?.message).toEqual({ ready: true });
  });

  it("seals each request, replies under its id and transfers the ciphertext", async () => {
    const opener = await BlobOpener.create(parseIdentities(pair.identity, "test"));
    const plaintext = Buffer.from("replicas: 3\n".repeat(30));
    port.emit("message", { id: 7, plaintext, compress: true });
    port.emit("message", { id: 8, plaintext: Buffer.from("short"), compress: false });
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
    port.emit("message", { id: 9, plaintext: { length: 1000 }, compress: true });
    const reply = await port.reply(9);
    expect(reply.message.sealed).toBeUndefined();
    expect(reply.message.error).toEqual(expect.any(String));
    expect(reply.message.error?.length).toBeGreaterThan(0);
  });
});
