import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes sealed bytes to a new temp file (".snapgate-tmp-...", read-only) in
 * `dir` with one synchronous call, from a worker thread: the thread that
 * encrypted a blob also stores it, so the main thread does no per-blob I/O.
 * Not durable yet: the store's commit flushes and renames it.
 */
export function writeSealedTempFile(dir: string, bytes: Uint8Array): string {
  const path = join(dir, `.snapgate-tmp-${randomBytes(8).toString("hex")}`);
  try {
    writeFileSync(path, bytes, { flag: "wx", mode: 0o444 });
  } catch (error) {
    // A full disk leaves a partial file: remove it, or it keeps the disk full.
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}
