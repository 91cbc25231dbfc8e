import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pooledRandomBytes } from "./pooled-random-bytes.js";

/**
 * Writes sealed bytes to a new temp file (".snapgate-tmp-...", read-only) in
 * `dir` with one synchronous call, from a worker thread: the thread that
 * encrypted a blob also stores it, so the main thread does no per-blob I/O.
 * Not durable yet: the store's commit flushes and renames it. The name's random part
 * comes from the thread's random pool (one RNG call per ~600 blobs, ADR 1110); `wx`
 * still refuses an existing name, and `rmSync` runs only when the write fails.
 */
export function writeSealedTempFile(dir: string, bytes: Uint8Array): string {
  const path = join(dir, `.snapgate-tmp-${pooledRandomBytes(8).toString("hex")}`);
  try {
    writeFileSync(path, bytes, { flag: "wx", mode: 0o444 });
  } catch (error) {
    // A full disk leaves a partial file: remove it, or it keeps the disk full.
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}
