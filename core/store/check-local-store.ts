import { lstat, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { SnapgateError } from "../errors.js";
import type { ProtectionFinding } from "../github/check-backup-repository.js";

const SHOWN = 5;

function listed(paths: readonly string[]): string {
  const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : "";
  return paths.slice(0, SHOWN).join(", ") + more;
}

/**
 * A local store is protected by the permissions of every folder and file in
 * it, not just its top folder: one group-writable folder lets another user
 * replace what is in it. Files owned by someone else are a warning (another
 * account wrote the store). `uid` is the current user (undefined where the
 * platform has none).
 */
export async function checkLocalStore(
  root: string,
  uid: number | undefined,
): Promise<ProtectionFinding[]> {
  const top = await lstat(root).catch(() => undefined);
  if (!top?.isDirectory()) {
    throw new SnapgateError("STORE_MISSING", `There is no store at ${root}.`, {
      fix: "Check --store.",
    });
  }
  const writable: string[] = [];
  const foreign: string[] = [];
  let entries = 0;
  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path).catch(() => undefined);
    if (!info) return; // removed while we looked (a writer's temp file)
    entries += 1;
    const name = relative(root, path) || ".";
    // A symlink's own mode means nothing; what it points to is checked where it lives.
    if (!info.isSymbolicLink() && (info.mode & 0o022) !== 0)
      writable.push(`${name} (${(info.mode & 0o777).toString(8)})`);
    if (uid !== undefined && info.uid !== uid) foreign.push(`${name} (uid ${info.uid})`);
    if (info.isDirectory()) {
      for (const child of (await readdir(path).catch(() => [])).sort())
        await visit(join(path, child));
    }
  };
  await visit(root);
  return [
    writable.length > 0
      ? {
          check: "only the owner can write the store",
          ok: false,
          detail: `${writable.length} of ${entries} folders and files are writable by group or others: ${listed(writable)}`,
          fix: `chmod -R go-w ${root}`,
        }
      : {
          check: "only the owner can write the store",
          ok: true,
          detail: `${entries} folders and files, none writable by group or others`,
        },
    foreign.length > 0
      ? {
          check: "the store is owned by you",
          ok: false,
          warning: true,
          detail: `${foreign.length} of ${entries} folders and files belong to another user: ${listed(foreign)}`,
          fix: `Find out which account wrote them; if the store should be yours, chown -R ${uid} ${root}`,
        }
      : {
          check: "the store is owned by you",
          ok: true,
          detail: uid === undefined ? "not checked on this platform" : `all owned by uid ${uid}`,
        },
  ];
}
