import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, openSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SnapgateError } from "../errors.js";
import type { BlobContext } from "./blob-opener.js";

/**
 * Checks a decrypted file's size against the manifest, then writes it as a
 * new temp file beside `target` with exactly `mode` (not filtered by the
 * umask). The restore makes all of them durable at once and renames each.
 */
export function writeOpenedTempFile(
  target: string,
  content: Uint8Array,
  mode: number,
  size: number,
  context: BlobContext,
): string {
  if (content.length !== size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${context.describe} decrypted to ${content.length} bytes; the manifest says ${size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt" },
      },
    );
  }
  const path = join(dirname(target), `.snapgate-tmp-${randomBytes(8).toString("hex")}`);
  const fd = openSync(path, "wx", 0o600);
  try {
    writeFileSync(fd, content);
    fchmodSync(fd, mode);
  } catch (error) {
    // Decrypted content must not stay behind under a temp name (a full disk, say).
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return path;
}
