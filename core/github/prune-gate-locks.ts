import type { GitHubClient } from "./github-client.js";
import { githubError } from "./github-error.js";

/** Where the app's gate locks live in a backup repository: refs/snapgate/checks/<yyyy-mm-dd>/<name> (ADR 0611). */
export const GATE_LOCK_PREFIX = "refs/snapgate/checks/";

/** Pages of 100 refs read at most per run; what is left waits for the next prune. */
const MAX_PAGES = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the app's gate lock refs of days before yesterday (UTC) from a
 * backup repository: a lock matters only while one commit's events are being
 * decided, and a day's namespace is taken until 10 minutes after midnight at
 * most. Lists refs 100 at a time through GraphQL and deletes each through
 * the Git Data API (one request per ref: GitHub has no bulk ref deletion).
 * With `dryRun`, lists what would go. Returns the refs deleted (or due) and
 * how many of the last page read are still live (today's and yesterday's).
 */
export async function pruneGateLocks(
  client: GitHubClient,
  where: { owner: string; repo: string },
  now: Date,
  options: { dryRun: boolean },
): Promise<{ deleted: string[]; kept: number }> {
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const location = `${where.owner}/${where.repo}`;
  const deleted: string[] = [];
  let kept = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    let names: string[];
    try {
      const result = await client.graphql<{
        repository: { refs: { nodes: { name: string }[] } } | null;
      }>(
        `query($owner: String!, $name: String!, $prefix: String!) {
          repository(owner: $owner, name: $name) { refs(refPrefix: $prefix, first: 100) { nodes { name } } }
        }`,
        { owner: where.owner, name: where.repo, prefix: GATE_LOCK_PREFIX },
      );
      // GitHub names refs relative to the prefix; accept full names too.
      names = (result.repository?.refs.nodes ?? []).map((node) =>
        node.name.startsWith(GATE_LOCK_PREFIX)
          ? node.name.slice(GATE_LOCK_PREFIX.length)
          : node.name,
      );
    } catch (error) {
      throw githubError(error, "listing the gate's lock refs", location);
    }
    const dead = names.filter((name) => !deleted.includes(name) && name.slice(0, 10) < yesterday);
    kept = names.filter((name) => name.slice(0, 10) >= yesterday).length;
    if (dead.length === 0) break;
    for (const name of dead) {
      if (!options.dryRun) {
        try {
          await client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
            owner: where.owner,
            repo: where.repo,
            ref: `${GATE_LOCK_PREFIX.slice("refs/".length)}${name}`,
          });
        } catch (error) {
          throw githubError(error, `deleting ${GATE_LOCK_PREFIX}${name}`, location, false);
        }
      }
      deleted.push(name);
    }
    // A dry run sees the same first page again; a short page was the last.
    if (options.dryRun || names.length < 100) break;
  }
  return { deleted: deleted.map((name) => `${GATE_LOCK_PREFIX}${name}`), kept };
}
