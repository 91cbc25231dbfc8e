import { SnapgateError } from "../../core/errors.js";

/**
 * Whether a user access token can read `owner/repo`: `GET /repos/{owner}/{repo}`.
 * A GitHub App's user token reaches only repositories the person can read
 * AND the app is installed on, so 404 (and 403) mean no. Anything else (a
 * 5xx, a 401) is an error, never a yes.
 */
export async function userCanRead(
  apiUrl: string,
  token: string,
  owner: string,
  repo: string,
): Promise<boolean> {
  const answer = await fetch(
    `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`,
    {
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token}`,
        "x-github-api-version": "2022-11-28",
      },
    },
  );
  await answer.arrayBuffer().catch(() => undefined);
  if (answer.ok) return true;
  if (answer.status === 404 || answer.status === 403) return false;
  throw new SnapgateError(
    "REMOTE",
    `GitHub did not answer whether you can read ${owner}/${repo} (HTTP ${answer.status}).`,
    { fix: "Sign in again in a moment." },
  );
}
