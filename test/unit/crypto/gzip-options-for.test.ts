import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import { gzipOptionsFor } from "../../../core/crypto/gzip-options-for.js";

/** Configuration-like text of `size` bytes (compressible, like the blobs gzip is for). */
function configText(size: number, seed: number): Buffer {
  let text = "";
  for (let i = 0; text.length < size; i++) {
    text += `service-${(i * 7 + seed) % 97}:\n  replicas: ${i % 5}\n  image: registry/app:${seed}.${i}\n`;
  }
  return Buffer.from(text.slice(0, size));
}

// Sizes either side of every window change (2^k - 262 bytes, 512 B .. 16 KiB windows), and more.
const sizes = [
  0, 1, 64, 249, 250, 251, 762, 763, 1_786, 1_787, 3_834, 3_835, 7_930, 7_931, 16_122, 16_123,
  40_000, 300_000,
];

describe("gzipOptionsFor", () => {
  it("sizes the window to the input, within zlib's limits, and keeps the defaults for large input", () => {
    for (const size of sizes) {
      const options = gzipOptionsFor(size);
      expect(options.level).toBe(1);
      expect(options.windowBits).toBeGreaterThanOrEqual(9);
      expect(options.windowBits).toBeLessThanOrEqual(15);
      // The window holds the whole input plus deflate's look-ahead, or is zlib's largest.
      if ((options.windowBits as number) < 15)
        expect(2 ** (options.windowBits as number)).toBeGreaterThanOrEqual(size + 262);
      expect(options.memLevel).toBeGreaterThanOrEqual(3);
      expect(options.memLevel).toBeLessThanOrEqual(8);
    }
    expect(gzipOptionsFor(100_000)).toEqual({ level: 1, windowBits: 15, memLevel: 8 });
  });

  it("writes gzip streams the gunzip CLI reads, no larger than zlib's default options write", () => {
    for (const [index, size] of sizes.entries()) {
      for (const content of [configText(size, index), randomBytes(size)]) {
        const fitted = gzipSync(content, gzipOptionsFor(size));
        expect(execFileSync("gunzip", ["-c"], { input: fitted }).equals(content)).toBe(true);
        // The store must not grow: never more bytes than the 32 KiB window and memLevel 8.
        expect(fitted.length).toBeLessThanOrEqual(gzipSync(content, { level: 1 }).length);
      }
    }
  });
});
