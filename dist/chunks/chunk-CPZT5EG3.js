import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/store/atomic-file.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, link, unlink, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
var TEMP_PREFIX = ".snapgate-tmp-";
var DIR_MODE = 493;
var STALE_TEMP_MS = 6 * 60 * 60 * 1e3;
function tempPathFor(target) {
  return join(
    dirname(target),
    `${TEMP_PREFIX}${basename(target).slice(0, 40)}-${randomBytes(6).toString("hex")}`
  );
}
async function writeSynced(path, bytes, mode, exactMode) {
  const handle = await open(path, "wx", exactMode ? 384 : mode);
  try {
    await handle.writeFile(bytes);
    if (exactMode) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function writeFileAtomic(target, bytes, options = {}) {
  if (!options.parentExists) await mkdir(dirname(target), { recursive: true, mode: DIR_MODE });
  const temp = tempPathFor(target);
  try {
    await writeSynced(temp, bytes, options.mode ?? 420, options.exactMode ?? false);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  try {
    if (options.exclusive) {
      try {
        await link(temp, target);
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
        await unlink(temp);
        return false;
      }
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  return true;
}
async function writeTempFile(target, bytes, mode, options = {}) {
  const temp = tempPathFor(target);
  if (!options.exactMode) {
    await writeFile(temp, bytes, { flag: "wx", mode }).catch(async (error) => {
      await unlink(temp).catch(() => void 0);
      throw error;
    });
    return temp;
  }
  const handle = await open(temp, "wx", 384);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
  return temp;
}
async function flushFiles(dir, files) {
  if (files.length === 0) return;
  if (process.platform === "linux" && files.length > 64) {
    const { spawnSync } = await import("node:child_process");
    const dirs = typeof dir === "string" ? [dir] : dir;
    if (spawnSync("sync", ["-f", ...dirs], { stdio: "ignore" }).status === 0) return;
  }
  const { mapWithConcurrency } = await import("./map-with-concurrency-76LDGUHF.js");
  await mapWithConcurrency(files, 16, async (file) => {
    const handle = await open(file, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

export {
  TEMP_PREFIX,
  DIR_MODE,
  STALE_TEMP_MS,
  tempPathFor,
  writeFileAtomic,
  writeTempFile,
  flushFiles
};
