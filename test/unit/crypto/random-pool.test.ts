import { randomFillSync } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { RandomPool, RANDOM_POOL_SIZE } from "../../../core/crypto/random-pool.js";
import { pooledRandomBytes } from "../../../core/crypto/pooled-random-bytes.js";

/** Where a draw lives: its memory and byte range. */
interface Region {
  memory: ArrayBufferLike;
  start: number;
  end: number;
}

const regionOf = (bytes: Buffer): Region => ({
  memory: bytes.buffer,
  start: bytes.byteOffset,
  end: bytes.byteOffset + bytes.byteLength,
});

/** True when no two regions share a byte of the same memory. */
function disjoint(regions: Region[]): boolean {
  const byMemory = new Map<ArrayBufferLike, Region[]>();
  for (const region of regions) {
    const list = byMemory.get(region.memory) ?? [];
    list.push(region);
    byMemory.set(region.memory, list);
  }
  for (const list of byMemory.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      if ((list[i] as Region).start < (list[i - 1] as Region).end) return false;
    }
  }
  return true;
}

describe("RandomPool", () => {
  it("never hands out a byte twice, refills with a new block when spent, and keeps old draws intact", () => {
    const fills: Buffer[] = [];
    const pool = new RandomPool(1024, (into) => {
      fills.push(into);
      return randomFillSync(into);
    });
    // The per-blob draws of sealing to two recipients: file key, nonce, two scalars, temp name.
    const sizes = [16, 16, 32, 32, 8];
    const draws: Buffer[] = [];
    const copies: Buffer[] = [];
    for (let i = 0; i < 5000; i++) {
      const bytes = pool.draw(sizes[i % sizes.length] as number);
      expect(bytes.length).toBe(sizes[i % sizes.length]);
      draws.push(bytes);
      copies.push(Buffer.from(bytes));
    }
    // 5,000 draws of 104 bytes per 5 = 104,000 bytes: at least 102 blocks of 1,024.
    const drawn = draws.reduce((sum, bytes) => sum + bytes.length, 0);
    expect(fills.length).toBeGreaterThanOrEqual(Math.ceil(drawn / 1024));
    // Not one RNG call per draw: a refill only when the block cannot serve the next draw.
    expect(fills.length).toBeLessThan(draws.length / 5);
    // Every refill is a new block, not the old one filled again.
    expect(new Set(fills.map((block) => block.buffer)).size).toBe(fills.length);
    for (const block of fills) expect(block.length).toBe(1024);
    // No byte of any block went to two draws.
    expect(disjoint(draws.map(regionOf))).toBe(true);
    // Later draws and refills did not change what an earlier draw holds.
    for (const [i, bytes] of draws.entries()) expect(bytes.equals(copies[i] as Buffer)).toBe(true);
    // And the bytes are random: 5,000 draws of 8-32 bytes, all different.
    expect(new Set(copies.map((bytes) => bytes.toString("hex"))).size).toBe(draws.length);
  });

  it("gives a large draw its own buffer and refuses a bad length", () => {
    let fills = 0;
    const pool = new RandomPool(1024, (into) => {
      fills += 1;
      return randomFillSync(into);
    });
    const small = pool.draw(16);
    const large = pool.draw(4096);
    expect(large.length).toBe(4096);
    expect(large.buffer).not.toBe(small.buffer);
    expect(fills).toBe(2);
    // The block the small draw came from still serves the next one.
    expect(pool.draw(16).buffer).toBe(small.buffer);
    expect(pool.draw(0).length).toBe(0);
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => pool.draw(bad)).toThrow(RangeError);
  });

  it("backs pooledRandomBytes: 100,000 draws over many 64 KiB blocks, none overlapping or repeated", () => {
    const draws = Array.from({ length: 100_000 }, (_, i) => pooledRandomBytes(i % 2 ? 16 : 32));
    const blocks = new Set(draws.map((bytes) => bytes.buffer));
    // 2.4 MB drawn: dozens of refills, each a block of RANDOM_POOL_SIZE.
    expect(blocks.size).toBeGreaterThanOrEqual(Math.floor((100_000 * 24) / RANDOM_POOL_SIZE));
    for (const block of blocks) expect(block.byteLength).toBe(RANDOM_POOL_SIZE);
    expect(disjoint(draws.map(regionOf))).toBe(true);
    expect(new Set(draws.map((bytes) => bytes.toString("hex"))).size).toBe(draws.length);
  });
});
