import { posix } from "node:path";
import type { FileEntry } from "../types.js";
import type { UnsafePath } from "./check-restore-paths.js";

/**
 * Symlinks that point out of the restored tree (absolute, or up past its
 * root) or through another restored link. Real trees hold them
 * (`etc/localtime -> /usr/share/zoneinfo/UTC`), so they are restored as links
 * and only warned about: a restore makes links last and never writes
 * through one, so where a link points cannot move what the restore writes.
 */
export function findLinkWarnings(files: readonly FileEntry[]): UnsafePath[] {
  const links = new Set(files.filter((file) => file.type === "symlink").map((file) => file.path));
  const warnings: UnsafePath[] = [];
  for (const file of files) {
    if (file.type !== "symlink") continue;
    if (file.target.startsWith("/")) {
      warnings.push({ path: file.path, reason: `it points to the absolute path ${file.target}` });
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file.path), file.target));
    if (resolved === ".." || resolved.startsWith("../")) {
      warnings.push({
        path: file.path,
        reason: `it points outside the restore directory (${file.target})`,
      });
      continue;
    }
    const hops = resolved.split("/");
    for (let i = 1; i < hops.length; i++) {
      if (links.has(hops.slice(0, i).join("/"))) {
        warnings.push({
          path: file.path,
          reason: `its target passes through another symlink (${file.target})`,
        });
        break;
      }
    }
  }
  return warnings;
}
