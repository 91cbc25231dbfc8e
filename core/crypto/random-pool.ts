import { randomFillSync } from "node:crypto";

/** Bytes drawn at once: ~600 blobs' keys, nonces, ephemeral scalars and temp names. */
export const RANDOM_POOL_SIZE = 64 * 1024;

/**
 * Random bytes drawn from one large `randomFillSync` instead of one call per key.
 * Each call to OpenSSL's RNG costs ~3-7 µs whatever its size, and a first snapshot
 * made ~5 a blob (file key, payload nonce, one ephemeral scalar per recipient, temp
 * name): ~0.1 s of CPU per 2,000 blobs (ADR 1110). A draw is a view of the current
 * block, never handed out again: the offset only moves forward, and a spent block is
 * replaced by a NEW buffer (never refilled in place), so a key a caller still holds
 * is never overwritten and no byte goes to two draws. Each thread (worker) has its
 * own pool, as it has its own module state.
 */
export class RandomPool {
  private block: Buffer = Buffer.alloc(0);
  private used = 0;

  constructor(
    private readonly size = RANDOM_POOL_SIZE,
    /** The CSPRNG that fills each block (a test counts the refills). */
    private readonly fill: (into: Buffer) => Buffer = randomFillSync,
  ) {}

  /** `length` fresh random bytes (a view of a block: do not pass its `.buffer` on). */
  draw(length: number): Buffer {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`RandomPool.draw: bad length ${length}`);
    }
    // A draw larger than a quarter block gets its own buffer instead of wasting a block.
    if (length > this.size / 4) return this.fill(Buffer.allocUnsafeSlow(length));
    if (this.used + length > this.block.length) {
      // The unused tail of the old block is dropped, never drawn from again.
      this.block = this.fill(Buffer.allocUnsafeSlow(this.size));
      this.used = 0;
    }
    const bytes = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return bytes;
  }
}
