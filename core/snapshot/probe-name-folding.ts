import { randomBytes } from "node:crypto";
import { lstat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { TEMP_PREFIX } from "../store/atomic-file.js";
import { FOLDING_EVERYTHING, type NameFolding } from "./find-unrestorable-names.js";

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** The directory itself, or the nearest ancestor that exists (where a new target would be made). */
async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  while (!(await exists(current)) && dirname(current) !== current) current = dirname(current);
  return current;
}

/**
 * Finds out how the file system of `dir` compares names: one empty temp file
 * is made and looked up under its other spellings, then removed. If it cannot
 * be made (read-only, no permission), the answer is the most folding one.
 */
export async function probeNameFolding(dir: string): Promise<NameFolding> {
  const base = join(
    await nearestExisting(dir),
    `${TEMP_PREFIX}probe-${randomBytes(6).toString("hex")}-`,
  );
  const probe = `${base}A\u00e9`;
  try {
    await writeFile(probe, "", { flag: "wx", mode: 0o600 });
  } catch {
    return { ...FOLDING_EVERYTHING, windows: process.platform === "win32" };
  }
  try {
    return {
      caseSensitive: !(await exists(`${base}a\u00e9`)),
      normalizationSensitive: !(await exists(`${base}Ae\u0301`)),
      windows: process.platform === "win32",
    };
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}
