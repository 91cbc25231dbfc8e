import { resolve } from "node:path";
import { isSnapgateError, SnapgateError } from "../../core/errors.js";
import type { Policy } from "../../core/policy/policy.js";
import { parseGitHubStoreSpec } from "../../core/store/github-store.js";

/** Where an action reads and writes snapshots. */
export type StoreSettings =
  | {
      kind: "github";
      owner: string;
      repo: string;
      branch: string;
      token: string;
      apiUrl: string;
    }
  | { kind: "local"; dir: string };

export interface StoreInputs {
  "backup-repository"?: string;
  "store-dir"?: string;
  token?: string;
}

/**
 * The backup repository (the input, else the policy's backup.repository and
 * branch) through the GitHub API with the token, or a local directory
 * (store-dir: self-hosted runners with a mounted volume, and tests).
 */
export function storeSettings(
  inputs: StoreInputs,
  policy: Pick<Policy, "backup"> | null,
  context: { apiUrl: string; cwd: string },
): StoreSettings {
  const repository = inputs["backup-repository"];
  const dir = inputs["store-dir"];
  if (repository && dir) {
    throw new SnapgateError("USAGE", "Both backup-repository and store-dir were given.", {
      fix: "Use one store: backup-repository (owner/name[@branch], the GitHub backup repository) or store-dir (a local directory on a self-hosted runner).",
    });
  }
  if (dir) return { kind: "local", dir: resolve(context.cwd, dir) };
  const spec =
    repository ??
    (policy?.backup ? `${policy.backup.repository}@${policy.backup.branch}` : undefined);
  if (!spec) {
    throw new SnapgateError("USAGE", "No backup repository was given, and the policy names none.", {
      fix: "Add backup-repository: owner/name to the step, or `backup: { repository: owner/name }` to .github/snapgate.yml (or store-dir for a local store).",
    });
  }
  let location;
  try {
    location = parseGitHubStoreSpec(`github://${spec}`);
  } catch (error) {
    if (!isSnapgateError(error, "USAGE")) throw error;
    throw new SnapgateError(
      "USAGE",
      `The backup repository '${spec}' is not owner/name[@branch].`,
      {
        fix: "Write it as owner/name or owner/name@branch, e.g. acme/config-backups@main.",
      },
    );
  }
  if (!inputs.token) {
    throw new SnapgateError(
      "USAGE",
      `The backup repository ${location.owner}/${location.repo} needs a token, and the token input is empty.`,
      {
        fix: "Pass token: ${{ steps.<id>.outputs.token }} from actions/create-github-app-token (the Snapgate App, scoped to the backup repository), or a fine-grained token with contents: write on it.",
      },
    );
  }
  return { kind: "github", ...location, token: inputs.token, apiUrl: context.apiUrl };
}
