import { RandomPool } from "./random-pool.js";

const pool = new RandomPool();

/**
 * `length` fresh random bytes from this thread's RandomPool: for the many small
 * per-blob secrets of sealing (file keys, nonces, ephemeral scalars, temp names).
 * The result is a view into a larger block: use its bytes, never its `.buffer`.
 */
export function pooledRandomBytes(length: number): Buffer {
  return pool.draw(length);
}
