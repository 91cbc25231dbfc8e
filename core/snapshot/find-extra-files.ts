import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { TEMP_PREFIX } from "../store/atomic-file.js";
import { inodeKey } from "./inspect-restore-target.js";

export interface ExtraFile {
  /** Relative, with / separators; a directory ends with /. */
  path: string;
  directory: boolean;
}

export interface ExtraFilesOptions {
  /** Every file and link path of the snapshot, selected or not. */
  snapshotPaths: ReadonlySet<string>;
  /** Every directory of the snapshot (parents and empty ones). */
  snapshotDirectories: ReadonlySet<string>;
  /** Whether a path is inside what this restore selects. */
  inScope: (path: string) => boolean;
  /** Whether the walk may find something in scope below this directory. */
  worthWalking: (directory: string) => boolean;
  /** Inodes of the places the restore writes: the same file under another spelling is not extra. */
  knownInodes: ReadonlySet<string>;
}

/**
 * What the target holds, inside the selection, that the snapshot does not:
 * files and links, and directories the snapshot has none of (listed after
 * their contents, so they can be removed in order). Never follows a link.
 */
export function findExtraFiles(target: string, options: ExtraFilesOptions): ExtraFile[] {
  const extra: ExtraFile[] = [];
  const walk = (relative: string): void => {
    const names = readdirSync(relative === "" ? target : join(target, relative)).sort();
    for (const name of names) {
      if (name.startsWith(TEMP_PREFIX)) continue;
      const path = relative === "" ? name : `${relative}/${name}`;
      const info = lstatSync(join(target, path));
      if (info.isDirectory()) {
        if (options.worthWalking(path)) walk(path);
        if (
          !options.snapshotDirectories.has(path) &&
          !options.snapshotPaths.has(path) &&
          !options.knownInodes.has(inodeKey(info)) &&
          options.inScope(path)
        )
          extra.push({ path: `${path}/`, directory: true });
      } else if (
        !options.snapshotPaths.has(path) &&
        !options.knownInodes.has(inodeKey(info)) &&
        options.inScope(path)
      ) {
        extra.push({ path, directory: false });
      }
    }
  };
  walk("");
  return extra;
}
