import type { GitHubClient } from "./github-client.js";
import { githubError, githubMessage, httpStatus } from "./github-error.js";

/**
 * Creates `ref` pointing at `sha`, as a lock GitHub makes atomic: of several
 * callers creating the same ref, exactly one gets 201 and the others 422
 * "Reference already exists". Returns whether this caller created it; any
 * other failure (a ruleset refusing the creation, no contents write) is
 * thrown as a SnapgateError saying what to change.
 */
export async function claimRef(
  client: GitHubClient,
  where: { owner: string; repo: string },
  ref: string,
  sha: string,
): Promise<boolean> {
  try {
    await client.rest.git.createRef({ owner: where.owner, repo: where.repo, ref, sha });
    return true;
  } catch (error) {
    if (httpStatus(error) === 422 && /already exists/i.test(githubMessage(error))) return false;
    throw githubError(error, `creating ${ref}`, `${where.owner}/${where.repo}`);
  }
}
