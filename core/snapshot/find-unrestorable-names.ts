import type { UnsafePath } from "./check-restore-paths.js";

/** How a file system compares names (probeNameFolding finds out for a target). */
export interface NameFolding {
  /** `Makefile` and `makefile` are two files. */
  caseSensitive: boolean;
  /** `café` in NFC and in NFD are two files (Linux; not macOS). */
  normalizationSensitive: boolean;
  /** Windows: a backslash or a drive letter is a path separator, not part of a name. */
  windows: boolean;
}

/** The most folding file system: what may collide before the target is probed. */
export const FOLDING_EVERYTHING: NameFolding = {
  caseSensitive: false,
  normalizationSensitive: false,
  windows: false,
};

function folder(folding: NameFolding): (name: string) => string {
  return (name) => {
    const normalized = folding.normalizationSensitive ? name : name.normalize("NFC");
    return folding.caseSensitive ? normalized : normalized.toLowerCase();
  };
}

/**
 * The paths a file system that folds names this way cannot hold side by side
 * (each with the name it collides with), and on Windows the names with a
 * backslash or a drive letter. Directories count too: `Conf` beside
 * `conf/app.yaml` collides. Each path is reported once.
 */
export function findUnrestorableNames(
  paths: readonly string[],
  folding: NameFolding,
): UnsafePath[] {
  const fold = folder(folding);
  const spelled = new Map<string, string>();
  const problems: UnsafePath[] = [];
  for (const path of paths) {
    if (folding.windows && (path.includes("\\") || /^[A-Za-z]:/.test(path))) {
      problems.push({ path, reason: "Windows reads a backslash or a drive letter as a path" });
      continue;
    }
    const segments = path.split("/");
    let collision: string | undefined;
    for (let i = 1; i <= segments.length && collision === undefined; i++) {
      const prefix = segments.slice(0, i).join("/");
      const key = fold(prefix);
      const earlier = spelled.get(key);
      if (earlier === undefined) spelled.set(key, prefix);
      else if (earlier !== prefix) collision = `'${prefix}' and '${earlier}' are one name there`;
    }
    if (collision) problems.push({ path, reason: collision });
  }
  return problems;
}
