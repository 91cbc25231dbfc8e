import type { ZlibOptions } from "node:zlib";

/** deflate's look-ahead (MIN_LOOKAHEAD): a window this much larger than the input sees all of it. */
const LOOKAHEAD = 262;

/**
 * zlib options for gzipping one blob of `size` bytes at level 1 (ADR 1103): the
 * window and memLevel sized to the input instead of zlib's 32 KiB window and
 * memLevel 8 (~260 KiB of state allocated, and its hash table cleared, per call,
 * for configuration files of a few KiB). A window at least input + look-ahead
 * finds every match the default window finds; memLevel = windowBits - 6 keeps
 * the hash as wide as the window, and never above zlib's default 8, so files of
 * 16 KiB and more are compressed exactly as before. The output is an ordinary
 * gzip stream (`gunzip` reads any window); on the bench tree every blob's gzip
 * bytes came out identical to the default's (ADR 1110), and
 * test/unit/crypto/gzip-options-for.test.ts checks `gunzip` and the sizes.
 */
export function gzipOptionsFor(size: number): ZlibOptions {
  // windowBits 9..15 (zlib refuses 8 for gzip); memLevel 3..8.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(size + LOOKAHEAD))));
  return { level: 1, windowBits, memLevel: Math.min(8, windowBits - 6) };
}
