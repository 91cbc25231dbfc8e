import { SnapgateError } from "../../errors.js";
import type { GitHubClient } from "../../github/github-client.js";
import { githubError, githubMessage, httpStatus } from "../../github/github-error.js";
import type { CommitOutcome } from "../store.js";
import type { GitHubReader } from "./github-reader.js";
import type { GitHubStoreLocation, TreeEntry, WriteState } from "./github-store-types.js";

/** Inline content per create-tree request: GitHub fails large tree payloads (502/422) well below documented limits. */
const TREE_PAYLOAD_BUDGET = 2 * 1024 * 1024;

/**
 * The GitHub store's writes through the Git Data API, and their retries: a
 * commit on a state's head that never overwrites another writer's, and the
 * branch read back when GitHub lost the answer to an update that may have landed.
 */
export class GitHubCommitter {
  constructor(
    private readonly client: GitHubClient,
    private readonly where: GitHubStoreLocation,
    private readonly reader: GitHubReader,
    private readonly location: string,
  ) {}

  async createGitBlob(bytes: Uint8Array): Promise<string> {
    try {
      const { data } = await this.client.rest.git.createBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        content: Buffer.from(bytes).toString("base64"),
        encoding: "base64",
      });
      return data.sha;
    } catch (error) {
      throw githubError(error, "uploading a large blob", this.location);
    }
  }

  /**
   * One commit on top of the state's head: trees chained by base_tree within
   * the payload budget, a commit, and a ref update that fails rather than
   * overwrite another writer's commit.
   */
  async commitFiles(
    state: WriteState,
    entries: TreeEntry[],
    message: string,
  ): Promise<CommitOutcome> {
    const { owner, repo } = this.where;
    let tree = state.treeOid;
    let commit: string | null = null;
    try {
      for (const chunk of chunkByPayload(entries)) {
        tree = (
          await this.client.rest.git.createTree({ owner, repo, base_tree: tree, tree: chunk })
        ).data.sha;
      }
      commit = (
        await this.client.rest.git.createCommit({
          owner,
          repo,
          message,
          tree,
          parents: [state.oid],
        })
      ).data.sha;
      await this.client.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${this.where.branch}`,
        sha: commit,
        force: false,
      });
      return "committed";
    } catch (error) {
      const conflict =
        httpStatus(error) === 422 &&
        /fast forward|not a fast-forward|reference cannot be updated/i.test(githubMessage(error));
      const status = httpStatus(error);
      // No answer (a dropped connection is a 500 to Octokit) or a 5xx: the update may have
      // landed. So may a conflict, when it answers a retry of an update that landed and
      // another writer built on it since. Only the branch can tell.
      if (commit === null || !(conflict || status === undefined || status >= 500)) {
        if (conflict) return "conflict";
        throw githubError(error, "committing to the backup repository", this.location);
      }
      let landed: boolean;
      try {
        landed = await this.reader.branchContains(commit);
      } catch {
        const failure = githubError(error, "updating the branch", this.location, false);
        throw new SnapgateError(
          failure.code,
          `${failure.summary} The commit may have landed: GitHub lost the answer to the branch update and could not be read back.`,
          {
            fix: `Once GitHub answers again, check with \`snapgate list --store ${this.location}\` before writing again.`,
            cause: error,
          },
        );
      }
      if (landed) return "committed";
      if (conflict) return "conflict";
      throw githubError(error, "committing to the backup repository", this.location);
    }
  }

  /** For writes outside a snapshot: re-read, rebuild the entries, commit; retry when another writer won. */
  async commitWithRetry(
    message: string,
    build: (state: WriteState) => Promise<TreeEntry[]>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const state = await this.reader.readWriteState("_", new Date());
      if (!state)
        throw new SnapgateError(
          "STORE_MISSING",
          `There is no Snapgate store at ${this.location}.`,
          { fix: "Take a snapshot first." },
        );
      if ((await this.commitFiles(state, await build(state), message)) === "committed") return;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
    throw new SnapgateError(
      "CONFLICT",
      `Could not commit to ${this.location}: other writers kept moving the branch.`,
      { fix: "Run the command again." },
    );
  }
}

/** Splits tree entries so each create-tree request stays within the payload budget. */
function chunkByPayload(entries: readonly TreeEntry[]): TreeEntry[][] {
  const chunks: TreeEntry[][] = [];
  let current: TreeEntry[] = [];
  let size = 0;
  for (const entry of entries) {
    const weight = (entry.content?.length ?? 0) + entry.path.length + 64;
    if (current.length > 0 && size + weight > TREE_PAYLOAD_BUDGET) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
