import { SnapgateError } from "../core/errors.js";
import type { AlertIssues } from "../core/operations/health-alert.js";
import { stringValue, type CliContext, type ParsedArgs } from "./command.js";
import { openGitHub, storeSpec } from "./open-store.js";

export const ALERT_OPTION = { alert: { type: "string" as const } };
export const ALERT_HELP =
  "--alert OWNER/REPO    open, update and close snapgate-alert issues there (needs a github:// store and a token with issues: write there)";

/**
 * The alert issues --alert names: issues in that repository, claims in the
 * github:// store's repository (the same token reaches both, as the App's
 * installation token of docs/examples/scheduled-health.yml does). Undefined without --alert.
 */
export async function openAlertIssues(
  args: ParsedArgs,
  context: CliContext,
): Promise<AlertIssues | undefined> {
  const target = stringValue(args, "alert");
  if (target === undefined) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(target);
  if (!match) {
    throw new SnapgateError("USAGE", `--alert '${target}' is not OWNER/REPO.`, {
      fix: "Name the repository that gets the alert issues, e.g. --alert acme/service (in a workflow: ${{ github.repository }}).",
    });
  }
  if (!storeSpec(args, context).startsWith("github://")) {
    throw new SnapgateError("USAGE", "--alert needs a github:// store.", {
      fix: "Use --store github://OWNER/REPO (the backup repository): alert issues are claimed there, so that two runs never open the same one twice.",
    });
  }
  const [{ client, location }, { githubAlertIssues }] = await Promise.all([
    openGitHub(args, context),
    import("../core/github/github-alert-issues.js"),
  ]);
  return githubAlertIssues({
    client,
    issues: { owner: match[1] as string, repo: match[2] as string },
    backup: location,
    now: () => new Date(),
  });
}
