import { SnapgateError } from "../../errors.js";
import type { CatalogEntry } from "../../types.js";
import type { GitHubClient } from "../../github/github-client.js";
import { githubError } from "../../github/github-error.js";
import { parseCatalogLines } from "../parse-catalog-lines.js";
import {
  AUDIT_HEAD_PATH,
  auditPath,
  blobPath,
  catalogPath,
  headPath,
  manifestPath,
  type BlobRef,
} from "../store.js";
import type {
  BlobObject,
  FileNode,
  GitHubStoreLocation,
  TreeEntryNode,
  TreeObject,
  WriteState,
} from "./github-store-types.js";

/**
 * Commits searched below the branch head for one whose ref update lost its
 * answer: more than the writers that could have landed in between.
 */
const LANDED_SEARCH_DEPTH = 100;
/** Blobs read per GraphQL query when restoring or verifying. */
const BLOB_READ_BATCH = 100;

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
          nodes: file(path: "nodes") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } }
        }
      }
    }
  }
}`;

/**
 * The GitHub store's reads: GraphQL queries at the branch head (or at one
 * commit), the blobs API for text GraphQL truncates, and blob reads coalesced
 * into one query per 100.
 */
export class GitHubReader {
  readonly qualifiedRef: string;

  constructor(
    private readonly client: GitHubClient,
    private readonly where: GitHubStoreLocation,
    readonly location: string,
  ) {
    this.qualifiedRef = `refs/heads/${where.branch}`;
  }

  async query<T>(query: string, variables: Record<string, unknown>, doing: string): Promise<T> {
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

  async readWriteState(stream: string, now: Date): Promise<WriteState | null> {
    const monthPaths = { catalog: catalogPath(stream, now), audit: auditPath(now) };
    const result = await this.query<{
      repository: {
        ref: { target: Omit<WriteState, "monthPaths"> & { tree: { oid: string } } } | null;
      } | null;
    }>(
      WRITE_STATE_QUERY,
      {
        ref: this.qualifiedRef,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        ...monthPaths,
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
    return { ...target, treeOid: target.tree.oid, monthPaths };
  }

  async blobText(node: FileNode<BlobObject> | null): Promise<string | null> {
    const object = node?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return object.text;
    if (!object.oid) return null;
    return Buffer.from(await this.readGitBlob(object.oid)).toString("utf8");
  }

  async readGitBlob(oid: string): Promise<Uint8Array> {
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

  async readManifestAt(commitOid: string, stream: string, seq: number): Promise<Uint8Array> {
    const path = manifestPath(stream, seq);
    const text = await this.fileTextAt(commitOid, path);
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

  /** A file's text at a commit, or null when the commit has no such file. */
  async fileTextAt(commitOid: string, path: string): Promise<string | null> {
    const result = await this.query<{
      repository: { object: { file: FileNode<BlobObject> | null } | null };
    }>(
      `query SnapgateFileAt($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated oid } } } } } }
      }`,
      { oid: commitOid, path },
      `reading ${path}`,
    );
    return this.blobText(result.repository.object?.file ?? null);
  }

  /** A directory's entries at the branch head, with their blobs' text when `withText`. */
  async readTree(path: string, withText = false): Promise<TreeObject | null> {
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

  /** A directory's entries and, for its subdirectories, theirs: one query. */
  async readTwoLevels(path: string): Promise<TreeObject | null> {
    const result = await this.query<{
      repository: { ref: { target: { file: FileNode<TreeObject> | null } } | null };
    }>(
      `query SnapgateTwoLevels($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Tree { entries { name type object { ... on Tree { entries { name type } } } } } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `listing ${path}`,
    );
    return result.repository.ref?.target.file?.object ?? null;
  }

  async readFile(path: string): Promise<Uint8Array | null> {
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

  /** Catalog lines from the month shards of a catalog directory listing (text included). */
  async catalogFromShards(
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

  /** Which of `paths` exist at a commit: one query whatever their number. */
  async existingPaths(oid: string, paths: readonly string[]): Promise<string[]> {
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

  /** Whether `commit` is the branch head or one of its recent ancestors (other writers may have built on it). */
  async branchContains(commit: string): Promise<boolean> {
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

  private pendingReads: Array<{
    path: string;
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
    return this.readCoalesced(blobPath(blob));
  }

  /** Any file at the branch head, in the same batches as blobs (manifest nodes). */
  readCoalesced(path: string): Promise<Uint8Array | null> {
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ path, resolve, reject });
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
              `b${index}: file(path: ${JSON.stringify(item.path)}) { object { ... on Blob { text isTruncated isBinary byteSize oid } } }`,
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
            // A binary age file (a blob replicated from a local store) may hold no NUL byte: git
            // calls it text and GraphQL decodes it lossily. Its size tells; then the raw bytes.
            const text = object.text !== null ? new TextEncoder().encode(object.text) : null;
            if (
              text &&
              !object.isTruncated &&
              !object.isBinary &&
              (object.byteSize === undefined || text.length === object.byteSize)
            )
              return item.resolve(text);
            item.resolve(object.oid ? await this.readGitBlob(object.oid) : null);
          }),
        );
      } catch (error) {
        for (const item of slice) item.reject(error);
      }
    }
  }
}
