import { SnapgateError } from "../../errors.js";
import type { GitHubStoreLocation } from "./github-store-types.js";

/** Parses github://OWNER/REPO[@branch]. */
export function parseGitHubStoreSpec(spec: string): GitHubStoreLocation {
  const match =
    /^github:\/\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})(?:@([^\s~^:?*[\\]+))?$/.exec(
      spec,
    );
  if (!match?.[1] || !match[2]) {
    throw new SnapgateError("USAGE", `'${spec}' is not a GitHub store.`, {
      fix: "Write github://OWNER/REPO or github://OWNER/REPO@BRANCH, e.g. github://acme/config-backups@main.",
    });
  }
  return { owner: match[1], repo: match[2], branch: match[3] ?? "main" };
}
