import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import { auditHeadOfLine, parseAuditHeadPointer } from "../audit/audit-event.js";
import type { GitHubClient } from "../github/github-client.js";
import { githubError, githubMessage, httpStatus } from "../github/github-error.js";
import { assertRecordPath } from "./record-path.js";
import { parseCatalogLines } from "./parse-catalog-lines.js";
import { checkHeadManifest } from "./check-head-manifest.js";
import { checkHeadPointer } from "./check-head-pointer.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import {
  AUDIT_HEAD_PATH,
  auditPath,
  blobLookupKey,
  blobPath,
  catalogPath,
  headPath,
  manifestPath,
  parseBlobFileName,
  STORE_FORMAT,
  type AuditHead,
  type BlobRef,
  type CommitOutcome,
  type SnapshotCommit,
  type StagedBlob,
  type Store,
  type StoreRecord,
  type StoredBlob,
  type StreamIndex,
  type StreamHead,
  type WriteView,
} from "./store.js";

export interface GitHubStoreLocation {
  owner: string;
  repo: string;
  branch: string;
}

/** Inline content per create-tree request: GitHub fails large tree payloads (502/422) well below documented limits. */
const TREE_PAYLOAD_BUDGET = 2 * 1024 * 1024;
/** A blob larger than this goes through the blobs API instead of inline tree content. */
const INLINE_BLOB_LIMIT = 512 * 1024;
/** GitHub refuses files over 100 MB. */
export const GITHUB_MAX_BLOB_BYTES = 100 * 1024 * 1024;
/**
 * Commits searched below the branch head for one whose ref update lost its
 * answer: more than the writers that could have landed in between.
 */
const LANDED_SEARCH_DEPTH = 100;
/** Blobs read per GraphQL query when restoring or verifying. */
const BLOB_READ_BATCH = 100;

interface BlobObject {
  text: string | null;
  isTruncated?: boolean;
  isBinary?: boolean | null;
  oid?: string;
}

interface FileNode<T> {
  object: T | null;
}

interface TreeEntryNode {
  name: string;
  type?: string;
  oid?: string;
  object?: {
    entries?: TreeEntryNode[];
    text?: string | null;
    isTruncated?: boolean;
    oid?: string;
  } | null;
}

interface TreeObject {
  entries: TreeEntryNode[];
}

interface WriteState {
  oid: string;
  treeOid: string;
  storeFile: FileNode<BlobObject> | null;
  head: FileNode<BlobObject> | null;
  /** The stream's manifest names: the head pointer is checked against them. */
  manifests: FileNode<TreeObject> | null;
  catalog: FileNode<BlobObject> | null;
  auditHead: FileNode<BlobObject> | null;
  audit: FileNode<BlobObject> | null;
  blobs: FileNode<TreeObject> | null;
}

type TreeEntry = {
  path: string;
  mode: "100644";
  type: "blob";
  content?: string;
  sha?: string | null;
};

const WRITE_STATE_QUERY = `
query SnapgateWriteState($owner: String!, $name: String!, $ref: String!, $head: String!, $manifests: String!, $catalog: String!, $audit: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target {
        oid
        ... on Commit {
          tree { oid }
          storeFile: file(path: "snapgate.json") { object { ... on Blob { text } } }
          head: file(path: $head) { object { ... on Blob { text } } }
          manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
          catalog: file(path: $catalog) { object { ... on Blob { text isTruncated oid } } }
          auditHead: file(path: "${AUDIT_HEAD_PATH}") { object { ... on Blob { text } } }
          audit: file(path: $audit) { object { ... on Blob { text isTruncated oid } } }
          blobs: file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } }
        }
      }
    }
  }
}`;

class GitHubWriteView implements WriteView {
  readonly staged = new Map<string, StagedBlob>();

  constructor(
    readonly stream: string,
    readonly state: WriteState,
    readonly head: StreamHead | null,
    readonly auditHead: AuditHead | null,
    /** Stored blobs by blobLookupKey (content id and recipient set). */
    private readonly blobs: Map<string, BlobRef>,
  ) {}

  async findBlobs(ids: readonly string[], recipientSet: string): Promise<Map<string, BlobRef>> {
    const found = new Map<string, BlobRef>();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref)
        found.set(id, {
          id: ref.id,
          sha256: ref.sha256,
          encoding: ref.encoding,
          ...(ref.recipientSet ? { recipientSet: ref.recipientSet } : {}),
        });
    }
    return found;
  }

  async stageBlob(blob: StagedBlob): Promise<void> {
    if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES) {
      throw new SnapgateError(
        "TOO_LARGE",
        `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
        {
          fix: "Exclude the file from the snapshot: large artefacts are not configuration.",
        },
      );
    }
    this.staged.set(blobLookupKey(blob.id, blob.recipientSet), blob);
  }

  /** Staged blobs the repository still lacks (after a conflict, another writer may have added some). */
  carryOver(into: GitHubWriteView): void {
    for (const [key, blob] of this.staged) {
      if (!into.blobs.has(key)) into.staged.set(key, blob);
    }
  }
}

/**
 * The GitHub backup repository store: the same layout as the local store, one
 * commit per snapshot through the Git Data API. A snapshot costs one GraphQL
 * read (head, manifest names, blob listing, catalog and audit tails), one of
 * the newest manifest (checked before anything links to it), one create-tree per
 * 2 MiB of new content, one create-commit and one ref update with force=false,
 * whatever the file count; a lost race (422 "not a fast forward") is a
 * conflict that the snapshot engine retries on the new head.
 */
export class GitHubStore implements Store {
  readonly location: string;
  readonly armorBlobs = true;
  private readonly qualifiedRef: string;

  constructor(
    private readonly client: GitHubClient,
    private readonly where: GitHubStoreLocation,
  ) {
    this.location = `github://${where.owner}/${where.repo}@${where.branch}`;
    this.qualifiedRef = `refs/heads/${where.branch}`;
  }

  private async query<T>(
    query: string,
    variables: Record<string, unknown>,
    doing: string,
  ): Promise<T> {
    try {
      return await this.client.graphql<T>(query, {
        owner: this.where.owner,
        name: this.where.repo,
        ...variables,
      });
    } catch (error) {
      throw githubError(error, doing, this.location);
    }
  }

  private async readWriteState(stream: string, now: Date): Promise<WriteState | null> {
    const result = await this.query<{
      repository: { ref: { target: WriteState & { tree: { oid: string } } } | null } | null;
    }>(
      WRITE_STATE_QUERY,
      {
        ref: this.qualifiedRef,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        catalog: catalogPath(stream, now),
        audit: auditPath(now),
      },
      "reading the backup repository",
    );
    if (!result.repository) {
      throw new SnapgateError(
        "PERMISSION",
        `The repository ${this.where.owner}/${this.where.repo} does not exist or the token cannot see it.`,
        {
          fix: "Check --store github://OWNER/REPO and that the token (a GitHub App installation token) has contents access to it.",
        },
      );
    }
    const target = result.repository.ref?.target;
    if (!target) return null;
    return { ...target, treeOid: target.tree.oid };
  }

  private async blobText(node: FileNode<BlobObject> | null): Promise<string | null> {
    const object = node?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return object.text;
    if (!object.oid) return null;
    return Buffer.from(await this.readGitBlob(object.oid)).toString("utf8");
  }

  private async readGitBlob(oid: string): Promise<Uint8Array> {
    try {
      const { data } = await this.client.rest.git.getBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        file_sha: oid,
      });
      return new Uint8Array(
        Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8"),
      );
    } catch (error) {
      throw githubError(error, "reading a blob", this.location);
    }
  }

  async initialize(): Promise<void> {
    const state = await this.readWriteState("_", new Date());
    if (state?.storeFile?.object) return this.checkFormat(state.storeFile.object.text);
    const body =
      JSON.stringify({ format: STORE_FORMAT, created: new Date().toISOString() }, null, 2) + "\n";
    if (!state) {
      // An empty repository or a missing branch: the contents API can create the first commit.
      try {
        await this.client.rest.repos.createOrUpdateFileContents({
          owner: this.where.owner,
          repo: this.where.repo,
          path: "snapgate.json",
          branch: this.where.branch,
          message: "snapgate: initialise the backup store",
          content: Buffer.from(body).toString("base64"),
        });
      } catch (error) {
        // Another writer initialised it first: fine if it is a store now.
        if (httpStatus(error) === 409 || httpStatus(error) === 422) return this.assertExists();
        throw githubError(error, "initialising the backup repository", this.location);
      }
      return;
    }
    await this.commitFiles(
      state,
      [{ path: "snapgate.json", mode: "100644", type: "blob", content: body }],
      "snapgate: initialise the backup store",
    );
  }

  private checkFormat(text: string | null): void {
    let format: unknown;
    try {
      format = (JSON.parse(text ?? "") as { format?: unknown }).format;
    } catch {
      format = undefined;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location} holds a snapgate.json that is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another repository or branch.",
        },
      );
    }
  }

  async assertExists(): Promise<void> {
    const state = await this.readWriteState("_", new Date());
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check the repository and branch; a store is created by the first `snapgate snapshot`.",
      });
    }
    this.checkFormat(state.storeFile.object.text);
  }

  async beginWrite(stream: string, previous?: WriteView): Promise<GitHubWriteView> {
    const now = new Date();
    const state = await this.readWriteState(stream, now);
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "It is created by the first snapshot; if this persists, check the branch name.",
      });
    }
    const blobs = new Map<string, BlobRef>();
    for (const prefix of state.blobs?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        const key = ref && blobLookupKey(ref.id, ref.recipientSet);
        if (ref && key && !blobs.has(key)) blobs.set(key, ref);
      }
    }
    // As on the local store, the newest manifest present is the head, after checking that the
    // pointer names no deleted one. The next snapshot links to its hash, so it is read (one
    // query, the only read past the first) and refused unless it is that snapshot's manifest.
    const seqs = manifestSeqsOf(state.manifests);
    checkHeadPointer(stream, await this.blobText(state.head), seqs, this.location);
    const seq = seqs.at(-1);
    let head: StreamHead | null = null;
    if (seq !== undefined) {
      const manifest = await this.readManifestAt(state.oid, stream, seq);
      checkHeadManifest(stream, seq, manifest, this.location);
      head = { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
    }
    const auditHeadText = await this.blobText(state.auditHead);
    const auditHead = auditHeadText ? (JSON.parse(auditHeadText) as AuditHead) : null;
    const view = new GitHubWriteView(
      stream,
      state,
      head,
      auditHead ? { seq: auditHead.seq, hash: auditHead.hash } : null,
      blobs,
    );
    if (previous instanceof GitHubWriteView) previous.carryOver(view);
    return view;
  }

  private async readManifestAt(
    commitOid: string,
    stream: string,
    seq: number,
  ): Promise<Uint8Array> {
    const path = manifestPath(stream, seq);
    const result = await this.query<{
      repository: { object: { file: FileNode<BlobObject> | null } | null };
    }>(
      `query SnapgateManifest($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated oid } } } } } }
      }`,
      { oid: commitOid, path },
      `reading ${path}`,
    );
    const text = await this.blobText(result.repository.object?.file ?? null);
    if (text === null) {
      throw new SnapgateError(
        "INTEGRITY",
        `${path} is missing from ${this.location} although heads/${stream}.json points at it.`,
        {
          fix: "The repository was changed by hand; run `snapgate verify --all` against it.",
        },
      );
    }
    return new TextEncoder().encode(text);
  }

  async commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome> {
    const view = commit.view as GitHubWriteView;
    const { state } = view;
    const catalogText = (await this.blobText(state.catalog)) ?? "";
    const entries: TreeEntry[] = [];
    const large: StagedBlob[] = [];
    for (const blob of view.staged.values()) {
      if (blob.ciphertext.length > INLINE_BLOB_LIMIT || !isText(blob.ciphertext)) large.push(blob);
      else
        entries.push({
          path: blobPath(blob),
          mode: "100644",
          type: "blob",
          content: Buffer.from(blob.ciphertext).toString("utf8"),
        });
    }
    for (const blob of large)
      entries.push({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        sha: await this.createGitBlob(blob.ciphertext),
      });
    entries.push(
      {
        path: manifestPath(view.stream, commit.seq),
        mode: "100644",
        type: "blob",
        content: Buffer.from(commit.manifest).toString("utf8"),
      },
      {
        path: headPath(view.stream),
        mode: "100644",
        type: "blob",
        content: JSON.stringify({ seq: commit.seq, id: commit.catalogEntry.id }) + "\n",
      },
      {
        path: catalogPath(view.stream, commit.time),
        mode: "100644",
        type: "blob",
        content: appendLines(catalogText, [JSON.stringify(commit.catalogEntry)]),
      },
      ...(await this.auditEntries(state, commit.auditLines, commit.time)),
    );
    return this.commitFiles(
      state,
      entries,
      `snapgate: snapshot ${view.stream}@${commit.seq} ${commit.catalogEntry.id.slice(0, 12)}`,
    );
  }

  private async auditEntries(
    state: WriteState,
    lines: readonly string[],
    time: Date,
  ): Promise<TreeEntry[]> {
    if (lines.length === 0) return [];
    const existing = (await this.blobText(state.audit)) ?? "";
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    const file = auditPath(time);
    return [
      { path: file, mode: "100644", type: "blob", content: appendLines(existing, lines) },
      ...(head
        ? [
            {
              path: AUDIT_HEAD_PATH,
              mode: "100644" as const,
              type: "blob" as const,
              content: JSON.stringify({ ...head, file }) + "\n",
            },
          ]
        : []),
    ];
  }

  private async createGitBlob(bytes: Uint8Array): Promise<string> {
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
  private async commitFiles(
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
        landed = await this.branchContains(commit);
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

  /** Whether `commit` is the branch head or one of its recent ancestors (other writers may have built on it). */
  private async branchContains(commit: string): Promise<boolean> {
    const result = await this.query<{
      repository: {
        ref: { target: { oid: string; history?: { nodes: Array<{ oid: string }> } } } | null;
      };
    }>(
      `query SnapgateLanded($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { oid ... on Commit { history(first: ${LANDED_SEARCH_DEPTH}) { nodes { oid } } } } } }
      }`,
      { ref: this.qualifiedRef },
      "checking whether the commit landed",
    );
    const target = result.repository.ref?.target;
    if (!target) return false;
    return (
      target.oid === commit || (target.history?.nodes ?? []).some((node) => node.oid === commit)
    );
  }

  async listStreams(): Promise<string[]> {
    const tree = await this.readTree("manifests");
    return (tree?.entries ?? [])
      .filter((entry) => entry.type === "tree")
      .map((entry) => entry.name)
      .sort();
  }

  /** A directory's entries at the branch head, with their blobs' text when `withText`. */
  private async readTree(path: string, withText = false): Promise<TreeObject | null> {
    const blob = withText ? "object { ... on Blob { text isTruncated oid } }" : "";
    const result = await this.query<{
      repository: { ref: { target: { file: FileNode<TreeObject> | null } } | null };
    }>(
      `query SnapgateTree($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Tree { entries { name type oid ${blob} } } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `listing ${path}`,
    );
    return result.repository.ref?.target.file?.object ?? null;
  }

  private async readFile(path: string): Promise<Uint8Array | null> {
    const result = await this.query<{
      repository: { ref: { target: { file: FileNode<BlobObject> | null } } | null };
    }>(
      `query SnapgateFile($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated isBinary oid } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `reading ${path}`,
    );
    const object = result.repository.ref?.target.file?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return new TextEncoder().encode(object.text);
    return object.oid ? this.readGitBlob(object.oid) : null;
  }

  /** The catalog and, in the same query, the head pointer and manifest names it is checked against. */
  async readCatalog(stream: string): Promise<CatalogEntry[]> {
    const result = await this.query<{
      repository: {
        ref: {
          target: {
            catalog: FileNode<TreeObject> | null;
            head: FileNode<BlobObject> | null;
            manifests: FileNode<TreeObject> | null;
          };
        } | null;
      };
    }>(
      `query SnapgateCatalog($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
          catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated oid } } } } } }
          head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
          manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
        } } } }
      }`,
      {
        ref: this.qualifiedRef,
        catalog: `catalog/${stream}`,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
      },
      `listing catalog/${stream}`,
    );
    const target = result.repository.ref?.target;
    const entries = await this.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
    checkHeadPointer(
      stream,
      await this.blobText(target?.head ?? null),
      manifestSeqsOf(target?.manifests),
      this.location,
    );
    return entries;
  }

  /** Catalog lines from the month shards of a catalog directory listing (text included). */
  private async catalogFromShards(
    stream: string,
    shards: readonly TreeEntryNode[],
  ): Promise<CatalogEntry[]> {
    const ordered = shards
      .filter((e) => /^\d{4}-\d{2}\.jsonl$/.test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name));
    const texts = await Promise.all(
      ordered.map(async (shard) =>
        shard.object?.text && !shard.object.isTruncated
          ? shard.object.text
          : shard.oid
            ? Buffer.from(await this.readGitBlob(shard.oid)).toString("utf8")
            : "",
      ),
    );
    return parseCatalogLines(
      texts.map((text, index) => ({ path: `catalog/${stream}/${ordered[index]?.name}`, text })),
      stream,
    );
  }

  async readStreamIndex(stream: string): Promise<StreamIndex> {
    const names = "object { ... on Tree { entries { name } } }";
    const result = await this.query<{
      repository: {
        ref: {
          target: {
            catalog: FileNode<TreeObject> | null;
            head: FileNode<BlobObject> | null;
            manifests: FileNode<TreeObject> | null;
            tombstones: FileNode<TreeObject> | null;
            verifications: FileNode<TreeObject> | null;
            blobs: FileNode<TreeObject> | null;
          };
        } | null;
      };
    }>(
      `query SnapgateStreamIndex($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!, $tombstones: String!, $verifications: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
          catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated } } } } } }
          head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
          manifests: file(path: $manifests) { ${names} }
          tombstones: file(path: $tombstones) { ${names} }
          verifications: file(path: $verifications) { ${names} }
          blobs: file(path: "blobs") { object { ... on Tree { entries { name ${names} } } } }
        } } } }
      }`,
      {
        ref: this.qualifiedRef,
        catalog: `catalog/${stream}`,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        tombstones: `tombstones/${stream}`,
        verifications: `verifications/${stream}`,
      },
      `reading the index of ${stream}`,
    );
    const target = result.repository.ref?.target;
    const manifestSeqs = manifestSeqsOf(target?.manifests);
    const catalog = await this.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
    // The gate's `latest` must not silently become the snapshot before a deleted one.
    checkHeadPointer(
      stream,
      await this.blobText(target?.head ?? null),
      manifestSeqs,
      this.location,
    );
    const blobs: BlobRef[] = [];
    for (const prefix of target?.blobs?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        if (ref) blobs.push(ref);
      }
    }
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: manifestSeqsOf(target?.tombstones),
      verifications: (target?.verifications?.object?.entries ?? [])
        .filter((entry) => entry.name.endsWith(".json"))
        .map((entry) => `verifications/${stream}/${entry.name}`),
      blobs,
    };
  }

  async listManifestSeqs(stream: string): Promise<number[]> {
    return manifestSeqsOf({ object: await this.readTree(`manifests/${stream}`) });
  }

  readManifest(stream: string, seq: number): Promise<Uint8Array | null> {
    return this.readFile(manifestPath(stream, seq));
  }

  private pendingReads: Array<{
    ref: BlobRef;
    resolve: (bytes: Uint8Array | null) => void;
    reject: (error: unknown) => void;
  }> = [];
  private flushScheduled = false;

  /**
   * Reads are coalesced: every readBlob() issued in the same tick goes into
   * one GraphQL query (up to 100 blobs each), so a restore of 2,000 files costs
   * about 20 calls, not 2,000.
   */
  readBlob(blob: BlobRef): Promise<Uint8Array | null> {
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ ref: blob, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flushReads());
      }
    });
  }

  private async flushReads(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pendingReads.splice(0);
    for (let start = 0; start < batch.length; start += BLOB_READ_BATCH) {
      const slice = batch.slice(start, start + BLOB_READ_BATCH);
      try {
        const fields = slice
          .map(
            (item, index) =>
              `b${index}: file(path: ${JSON.stringify(blobPath(item.ref))}) { object { ... on Blob { text isTruncated isBinary oid } } }`,
          )
          .join("\n");
        const result = await this.query<{
          repository: { ref: { target: Record<string, FileNode<BlobObject> | null> } | null };
        }>(
          `query SnapgateBlobs($owner: String!, $name: String!, $ref: String!) {
            repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { ${fields} } } } }
          }`,
          { ref: this.qualifiedRef },
          "reading blobs",
        );
        const target = result.repository.ref?.target ?? {};
        await Promise.all(
          slice.map(async (item, index) => {
            const object = target[`b${index}`]?.object;
            if (!object) return item.resolve(null);
            if (object.text !== null && !object.isTruncated && !object.isBinary)
              return item.resolve(new TextEncoder().encode(object.text));
            item.resolve(object.oid ? await this.readGitBlob(object.oid) : null);
          }),
        );
      } catch (error) {
        for (const item of slice) item.reject(error);
      }
    }
  }

  async listBlobs(): Promise<StoredBlob[]> {
    const result = await this.query<{
      repository: { ref: { target: { file: FileNode<TreeObject> | null } } | null };
    }>(
      `query SnapgateBlobList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.qualifiedRef },
      "listing blobs",
    );
    const blobs: StoredBlob[] = [];
    for (const prefix of result.repository.ref?.target.file?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        if (ref) blobs.push(ref);
      }
    }
    return blobs;
  }

  async deleteBlobs(
    blobs: readonly BlobRef[],
    recheck?: (blobs: readonly BlobRef[]) => Promise<readonly BlobRef[]>,
  ): Promise<void> {
    if (blobs.length === 0) return;
    // recheck reads the branch after `state` was read; the deletion lands only on that same
    // commit (force=false), so every manifest it could miss would have made the update fail.
    await this.commitWithRetry(`snapgate: prune ${blobs.length} blob(s)`, async () =>
      (recheck ? await recheck(blobs) : blobs).map((blob) => ({
        path: blobPath(blob),
        mode: "100644" as const,
        type: "blob" as const,
        sha: null,
      })),
    );
  }

  /** For writes outside a snapshot: re-read, rebuild the entries, commit; retry when another writer won. */
  private async commitWithRetry(
    message: string,
    build: (state: WriteState) => Promise<TreeEntry[]>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const state = await this.readWriteState("_", new Date());
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

  async readAuditLines(): Promise<string[]> {
    const years = await this.readTree("audit");
    const lines: string[] = [];
    for (const year of (years?.entries ?? [])
      .filter((e) => /^\d{4}$/.test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const months = await this.readTree(`audit/${year.name}`, true);
      for (const file of (months?.entries ?? [])
        .filter((e) => /^\d{2}\.jsonl$/.test(e.name))
        .sort((a, b) => a.name.localeCompare(b.name))) {
        const text =
          file.object?.text && !file.object.isTruncated
            ? file.object.text
            : file.oid
              ? Buffer.from(await this.readGitBlob(file.oid)).toString("utf8")
              : "";
        lines.push(...text.split("\n").filter((line) => line.trim() !== ""));
      }
    }
    return lines;
  }

  async currentAuditHead(): Promise<AuditHead | null> {
    const text = await this.readFile(AUDIT_HEAD_PATH);
    if (!text) return null;
    const head = JSON.parse(Buffer.from(text).toString("utf8")) as AuditHead;
    return { seq: head.seq, hash: head.hash };
  }

  /** The same pointer: on GitHub the log and audit/head.json change in one commit. */
  async recordedAuditHead(): Promise<AuditHead | null> {
    return parseAuditHeadPointer(await this.readFile(AUDIT_HEAD_PATH));
  }

  async appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    time: Date,
  ): Promise<CommitOutcome> {
    const state = await this.readWriteState("_", time);
    if (!state)
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Take a snapshot first.",
      });
    const headText = await this.blobText(state.auditHead);
    const current = headText ? (JSON.parse(headText) as AuditHead) : null;
    if (
      (current?.seq ?? 0) !== (expected?.seq ?? 0) ||
      (current?.hash ?? null) !== (expected?.hash ?? null)
    )
      return "conflict";
    return this.commitFiles(
      state,
      await this.auditEntries(state, lines, time),
      `snapgate: audit ${lines.length} event(s)`,
    );
  }

  async writeRecords(records: readonly StoreRecord[]): Promise<void> {
    if (records.length === 0) return;
    for (const record of records) assertRecordPath(record.path);
    const message =
      records.length === 1
        ? `snapgate: record ${records[0]?.path}`
        : `snapgate: ${records.length} records`;
    await this.commitWithRetry(message, async (state) => {
      const existing = await this.existingPaths(
        state.oid,
        records.map((record) => record.path),
      );
      if (existing.length > 0) {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${existing[0]} already exists in ${this.location}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name.",
          },
        );
      }
      return records.map((record) => ({
        path: record.path,
        mode: "100644" as const,
        type: "blob" as const,
        content: Buffer.from(record.bytes).toString("utf8"),
      }));
    });
  }

  /** Which of `paths` exist at a commit: one query whatever their number. */
  private async existingPaths(oid: string, paths: readonly string[]): Promise<string[]> {
    const fields = paths
      .map((path, index) => `p${index}: file(path: ${JSON.stringify(path)}) { oid }`)
      .join("\n");
    const result = await this.query<{
      repository: { object: Record<string, { oid: string } | null> | null };
    }>(
      `query SnapgateExisting($owner: String!, $name: String!, $oid: GitObjectID!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${fields} } } }
      }`,
      { oid },
      "checking records",
    );
    const object = result.repository.object ?? {};
    return paths.filter((_, index) => object[`p${index}`]);
  }

  async readRecord(path: string): Promise<Uint8Array | null> {
    assertRecordPath(path);
    return this.readFile(path);
  }

  async listRecords(prefix: string): Promise<string[]> {
    const root = prefix.replace(/\/$/, "");
    assertRecordPath(`${root}/x`);
    const found: string[] = [];
    const walk = async (path: string): Promise<void> => {
      const tree = await this.readTree(path);
      for (const entry of tree?.entries ?? []) {
        if (entry.type === "tree") await walk(`${path}/${entry.name}`);
        else found.push(`${path}/${entry.name}`);
      }
    };
    await walk(root);
    return found.sort();
  }
}

/** The seqs named by a folder of `<seq>.json` files (manifests, tombstones), ascending. */
function manifestSeqsOf(tree: FileNode<TreeObject> | null | undefined): number[] {
  return (tree?.object?.entries ?? [])
    .map((entry) => /^(\d{10})\.json$/.exec(entry.name)?.[1])
    .filter((seq): seq is string => seq !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function appendLines(existing: string, lines: readonly string[]): string {
  const base = existing === "" || existing.endsWith("\n") ? existing : `${existing}\n`;
  return base + lines.map((line) => `${line}\n`).join("");
}

function isText(bytes: Uint8Array): boolean {
  // Armored age output is ASCII; anything else cannot go inline in a tree request.
  for (const byte of bytes)
    if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d)) return false;
  return true;
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
