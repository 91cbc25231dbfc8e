import type { Principal } from "../auth/principal.js";
import { encodeCommit, type GitSignature } from "../git/commit-object.js";
import { ObjectBatch } from "../git/object-batch.js";
import { applyTreeChanges, type TreeChange } from "../git/tree-editor.js";
import { apiError } from "../http/api-error.js";
import { enforceRulesets } from "../rules/enforce-rulesets.js";
import { rulesetApplies } from "../rules/ruleset-applies.js";
import type { RepoRecord, UserRecord } from "../state/entities.js";
import type { World } from "../state/world.js";

/** Who moves a ref: a request's principal (rulesets apply) or the test itself (they do not). */
export type Mover =
  { principal: Principal; pusher: UserRecord } | { admin: true; pusher: UserRecord };

/** Told after every ref move, to emit `push` webhooks. */
export type PushListener = (event: {
  repo: RepoRecord;
  ref: string;
  before: string | null;
  after: string | null;
  forced: boolean;
  pusher: UserRecord;
}) => void;

export interface RefMoveRequest {
  ref: string;
  /** The value the ref must hold: a sha, null (must not exist), or "current" for no condition. */
  expected: string | null | "current";
  next: string | null;
  force: boolean;
  documentationUrl: string;
}

export interface FileCommitRequest {
  branch: string;
  /** Path to new content, or null to delete. */
  files: Record<string, Buffer | null>;
  message: string;
  author: GitSignature;
  committer: GitSignature;
  /** The head the commit must build on (compare-and-swap); omit to build on whatever is there. */
  expectedHead?: string | null;
  /** Start the branch from the default branch (or as a root commit) when it does not exist. */
  createBranch?: boolean;
  /** GitHub signs the commit itself (createCommitOnBranch): it counts as verified. */
  signedByGitHub?: boolean;
  /** Runs under the repository lock with the tree the commit builds on; throw to refuse. */
  precondition?: (baseTree: string | null) => Promise<void>;
  documentationUrl: string;
}

/** What stands for GitHub's own (web-flow) signature on the commits it signs. */
const WEB_FLOW_SIGNATURE =
  "-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQBQJsandbox-web-flow-signature\n-----END PGP SIGNATURE-----\n";

/** Whether an active ruleset on `ref` requires signed commits (only then are new commits listed). */
function signaturesRequired(repo: RepoRecord, ref: string): boolean {
  return repo.rulesets.some(
    (ruleset) =>
      ruleset.enforcement === "active" &&
      ruleset.rules.some((rule) => rule.type === "required_signatures") &&
      rulesetApplies(repo, ruleset, ref),
  );
}

function isAdmin(mover: Mover): mover is { admin: true; pusher: UserRecord } {
  return "admin" in mover;
}

/**
 * Every ref move of the sandbox goes through here: serialised per repository,
 * checked for fast-forward and against rulesets, applied with git's own
 * compare-and-swap, then announced as a push.
 */
export class RefWriter {
  constructor(
    private readonly world: World,
    private readonly onPush: PushListener,
  ) {}

  move(repo: RepoRecord, request: RefMoveRequest, mover: Mover): Promise<void> {
    return repo.git.withLock(async () => {
      const current = repo.git.readRef(request.ref);
      if (request.expected !== "current" && request.expected !== current) {
        throw apiError(
          422,
          current === null ? "Reference does not exist" : "Reference already exists",
          {
            documentationUrl: request.documentationUrl,
          },
        );
      }
      await this.applyMove(
        repo,
        request.ref,
        current,
        request.next,
        request.force,
        mover,
        request.documentationUrl,
      );
    });
  }

  /** Writes a commit changing `files` on a branch and moves the branch to it; returns the commit and the old head. */
  commitFiles(
    repo: RepoRecord,
    request: FileCommitRequest,
    mover: Mover,
  ): Promise<{ commit: string; before: string | null }> {
    return repo.git.withLock(async () => {
      const ref = `refs/heads/${request.branch}`;
      const head = repo.git.readRef(ref);
      if (request.expectedHead !== undefined && request.expectedHead !== head) {
        throw apiError(
          409,
          `Expected branch to point to "${request.expectedHead}" but it did not. Pull and try again.`,
          {
            documentationUrl: request.documentationUrl,
          },
        );
      }
      let parent = head;
      if (head === null) {
        if (!request.createBranch) {
          throw apiError(404, `Branch ${request.branch} not found`, {
            documentationUrl: request.documentationUrl,
          });
        }
        parent = repo.git.readRef(`refs/heads/${repo.defaultBranch}`);
      }
      const baseTree = parent ? (await repo.git.readCommit(parent))!.tree : null;
      await request.precondition?.(baseTree);
      const batch = new ObjectBatch(repo.git);
      const changes: TreeChange[] = Object.entries(request.files).map(([path, content]) => ({
        path,
        mode: "100644",
        type: "blob",
        sha: content === null ? null : batch.add("blob", content),
        written: true,
      }));
      const tree = await applyTreeChanges(repo.git, baseTree, changes, batch);
      const commit = batch.add(
        "commit",
        encodeCommit({
          tree,
          parents: parent ? [parent] : [],
          author: request.author,
          committer: request.committer,
          message: request.message,
          ...(request.signedByGitHub ? { signature: WEB_FLOW_SIGNATURE } : {}),
        }),
      );
      await batch.flush();
      if (request.signedByGitHub) repo.verifiedCommits.add(commit);
      await this.applyMove(repo, ref, head, commit, false, mover, request.documentationUrl);
      return { commit, before: head };
    });
  }

  private async applyMove(
    repo: RepoRecord,
    ref: string,
    current: string | null,
    next: string | null,
    force: boolean,
    mover: Mover,
    documentationUrl: string,
  ): Promise<void> {
    if (current === null && next === null) {
      throw apiError(422, "Reference does not exist", { documentationUrl });
    }
    let fastForward = true;
    if (current !== null && next !== null && current !== next) {
      fastForward = await repo.git.isAncestor(current, next);
      if (!fastForward && !force) {
        throw apiError(422, "Update is not a fast forward", { documentationUrl });
      }
    }
    if (!isAdmin(mover)) {
      const mergeCommit =
        next !== null && ((await repo.git.readCommit(next))?.parents.length ?? 0) > 1;
      const unsignedCommits =
        next !== null && signaturesRequired(repo, ref)
          ? (await repo.git.commitsNotOnAnyRef(next)).filter(
              (oid) => !repo.verifiedCommits.has(oid),
            )
          : [];
      enforceRulesets(
        this.world,
        mover.principal,
        repo,
        { ref, before: current, after: next, fastForward, mergeCommit, unsignedCommits },
        documentationUrl,
      );
    }
    if (current === next) return;
    if (!(await repo.git.compareAndSwapRef(ref, current, next))) {
      throw apiError(409, "Reference update failed", { documentationUrl });
    }
    repo.pushedAt = new Date();
    this.onPush({
      repo,
      ref,
      before: current,
      after: next,
      forced: !fastForward,
      pusher: mover.pusher,
    });
  }
}
