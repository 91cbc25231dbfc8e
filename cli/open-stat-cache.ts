import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { StatCache } from "../core/snapshot/stat-cache.js";
import { flag, stringValue, type CliContext, type OptionSpec, type ParsedArgs } from "./command.js";

export const STAT_CACHE_OPTION: OptionSpec = {
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
};

export const STAT_CACHE_HELP = [
  "--cache-dir DIR       where the stat cache lives (or SNAPGATE_CACHE_DIR; default ~/.cache/snapgate)",
  "--no-cache            read and hash every file, ignoring the stat cache",
];

/**
 * The stat cache for this root (see StatCache), or undefined with --no-cache.
 * Default place: $SNAPGATE_CACHE_DIR, $XDG_CACHE_HOME/snapgate, ~/.cache/snapgate.
 */
export function openStatCache(
  args: ParsedArgs,
  context: CliContext,
  root: string,
  macKey: Uint8Array,
): StatCache | undefined {
  if (flag(args, "no-cache")) return undefined;
  const named = stringValue(args, "cache-dir") ?? context.env.SNAPGATE_CACHE_DIR;
  const directory = named
    ? resolve(context.cwd, named)
    : join(context.env.XDG_CACHE_HOME || join(context.env.HOME || homedir(), ".cache"), "snapgate");
  return StatCache.open(directory, root, macKey);
}
