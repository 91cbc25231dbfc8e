import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/write-opened-temp-file.ts
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
function createExclusive(path, mode, makeParents) {
  try {
    return openSync(path, "wx", mode);
  } catch (error) {
    if (!makeParents || error.code !== "ENOENT") throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 493 });
    return openSync(path, "wx", mode);
  }
}
function writeOpenedTempFile(target, content, mode, size, context, how = {}) {
  if (content.length !== size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${context.describe} decrypted to ${content.length} bytes; the manifest says ${size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt" }
      }
    );
  }
  const path = how.atTarget ? target : join(dirname(target), `.snapgate-tmp-${randomBytes(8).toString("hex")}`);
  const chmod = how.umask === void 0 || (mode & how.umask) !== 0;
  const fd = createExclusive(
    path,
    chmod ? 384 : mode,
    (how.atTarget ?? false) && (how.makeParents ?? false)
  );
  try {
    writeFileSync(fd, content);
    if (chmod) fchmodSync(fd, mode);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return path;
}

export {
  writeOpenedTempFile
};
