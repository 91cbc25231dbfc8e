import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { LocalDirStore } from "../core/store/local-dir-store.js";
import type { Store } from "../core/store/store.js";
import { stringValue, type CliContext, type ParsedArgs } from "./command.js";

export const STORE_OPTION = { store: { type: "string" as const } };

/** --store DIR (the embedded default), github://OWNER/REPO[@branch], or SNAPGATE_STORE. */
export function openStore(args: ParsedArgs, context: CliContext): Store {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory) or --store github://OWNER/REPO, or set SNAPGATE_STORE.",
    });
  }
  if (spec.startsWith("github://")) {
    throw new SnapgateError(
      "USAGE",
      "GitHub backup repositories are not supported by this build yet.",
      {
        fix: "Use a local directory store (--store DIR).",
      },
    );
  }
  return new LocalDirStore(resolve(context.cwd, spec));
}
