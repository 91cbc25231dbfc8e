import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import { parseAuditHeadPointer } from "../audit/audit-event.js";
import type { GitHubClient } from "../github/github-client.js";
import { githubError, httpStatus } from "../github/github-error.js";
import { assertRecordPath } from "./record-path.js";
import { checkHeadManifest } from "./check-head-manifest.js";
import { checkHeadPointer } from "./check-head-pointer.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import {
  AUDIT_HEAD_PATH,
  blobLookupKey,
  blobPath,
  manifestPath,
  nodePath,
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
  type StoredNode,
  type StreamIndex,
  type StreamHead,
  type WriteView,
} from "./store.js";
import { GitHubCommitter } from "./github/github-committer.js";
import { GitHubReader } from "./github/github-reader.js";
import { auditTreeEntries } from "./github/audit-tree-entries.js";
import { fitsInline } from "./github/fits-inline.js";
import { blobTreeEntries } from "./github/blob-tree-entries.js";
import { manifestSeqsOf } from "./github/manifest-seqs-of.js";
import { nodeIdsOf } from "./github/node-ids-of.js";
import { readGitHubCatalog } from "./github/read-github-catalog.js";
import { readGitHubStreamIndex } from "./github/read-github-stream-index.js";
import { recordTreeEntries } from "./github/record-tree-entries.js";
import { snapshotTreeEntries } from "./github/snapshot-tree-entries.js";
import type {
  FileNode,
  GitHubStoreLocation,
  TreeEntry,
  TreeObject,
} from "./github/github-store-types.js";
import { GITHUB_MAX_BLOB_BYTES, GitHubWriteView } from "./github/github-write-view.js";

export type { GitHubStoreLocation } from "./github/github-store-types.js";
export { GITHUB_MAX_BLOB_BYTES } from "./github/github-write-view.js";
export { parseGitHubStoreSpec } from "./github/parse-github-store-spec.js";

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
  private readonly reader: GitHubReader;
  private readonly committer: GitHubCommitter;

  constructor(
    private readonly client: GitHubClient,
    private readonly where: GitHubStoreLocation,
  ) {
    this.location = `github://${where.owner}/${where.repo}@${where.branch}`;
    this.reader = new GitHubReader(client, where, this.location);
    this.committer = new GitHubCommitter(client, where, this.reader, this.location);
  }

  async initialize(): Promise<void> {
    const state = await this.reader.readWriteState("_", new Date());
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
    await this.committer.commitFiles(
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
    const state = await this.reader.readWriteState("_", new Date());
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check the repository and branch; a store is created by the first `snapgate snapshot`.",
      });
    }
    this.checkFormat(state.storeFile.object.text);
  }

  async beginWrite(stream: string, previous?: WriteView): Promise<GitHubWriteView> {
    const now = new Date();
    const state = await this.reader.readWriteState(stream, now);
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
    checkHeadPointer(stream, await this.reader.blobText(state.head), seqs, this.location);
    const seq = seqs.at(-1);
    let head: StreamHead | null = null;
    if (seq !== undefined) {
      const manifest = await this.reader.readManifestAt(state.oid, stream, seq);
      checkHeadManifest(stream, seq, manifest, this.location);
      head = { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
    }
    const auditHeadText = await this.reader.blobText(state.auditHead);
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

  async commitSnapshot(commit: SnapshotCommit): Promise<CommitOutcome> {
    return this.commitSnapshotBatch([commit]);
  }

  /** One commit for consecutive snapshots of the view's stream: their nodes, roots, catalog lines, last head. */
  async commitSnapshotBatch(commits: readonly SnapshotCommit[]): Promise<CommitOutcome> {
    const commit = commits.at(-1);
    if (!commit) return "committed";
    const view = commit.view as GitHubWriteView;
    const { state } = view;
    const entries = await snapshotTreeEntries(this.reader, this.committer, commits);
    return this.committer.commitFiles(
      state,
      entries,
      commits.length === 1
        ? `snapgate: snapshot ${view.stream}@${commit.seq} ${commit.catalogEntry.id.slice(0, 12)}`
        : `snapgate: ${commits.length} snapshots ${view.stream}@${commits[0]?.seq}..${commit.seq}`,
    );
  }

  /**
   * One commit for a batch of re-wrapped blobs and their re-wrap records
   * (ADR 1303): a reader finds both or neither. Large blobs are uploaded once,
   * before the first attempt; a lost race rebuilds only the tree.
   */
  async putBlobsWithRecords(
    blobs: readonly StagedBlob[],
    records: readonly StoreRecord[],
  ): Promise<void> {
    if (blobs.length === 0 && records.length === 0) return;
    for (const record of records) assertRecordPath(record.path);
    const blobEntries = await blobTreeEntries(this.committer, blobs);
    await this.committer.commitWithRetry(
      `snapgate: rekey ${records.length} blob(s)`,
      async (state) => recordTreeEntries(this.reader, state, records, blobEntries),
    );
  }

  readCatalog(stream: string): Promise<CatalogEntry[]> {
    return readGitHubCatalog(this.reader, stream);
  }

  readStreamIndex(stream: string): Promise<StreamIndex> {
    return readGitHubStreamIndex(this.reader, stream);
  }

  async listStreams(): Promise<string[]> {
    const tree = await this.reader.readTree("manifests");
    return (tree?.entries ?? [])
      .filter((entry) => entry.type === "tree")
      .map((entry) => entry.name)
      .sort();
  }

  async listManifestSeqs(stream: string): Promise<number[]> {
    return manifestSeqsOf({ object: await this.reader.readTree(`manifests/${stream}`) });
  }

  /** Coalesced like blobs and nodes: the gate reads a root and the nodes the head names in one query. */
  readManifest(stream: string, seq: number): Promise<Uint8Array | null> {
    return this.reader.readCoalesced(manifestPath(stream, seq));
  }

  /** Coalesced with the other blob reads of the same tick: see GitHubReader.readBlob. */
  readBlob(blob: BlobRef): Promise<Uint8Array | null> {
    return this.reader.readBlob(blob);
  }

  /** One commit for every blob the branch lacks; none when it has them all. */
  async putBlobs(blobs: readonly StagedBlob[]): Promise<void> {
    if (blobs.length === 0) return;
    for (const blob of blobs) {
      if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES)
        throw new SnapgateError(
          "TOO_LARGE",
          `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
          { fix: "Keep this store on a local directory (or object storage) rather than GitHub." },
        );
    }
    const known = new Set((await this.listBlobs()).map((blob) => blobPath(blob)));
    const missing = blobs.filter((blob) => !known.has(blobPath(blob)));
    if (missing.length === 0) return;
    await this.committer.commitWithRetry(`snapgate: ${missing.length} blob(s)`, async () => {
      const entries: TreeEntry[] = [];
      for (const blob of missing) {
        const inline = fitsInline(blob.ciphertext);
        entries.push({
          path: blobPath(blob),
          mode: "100644",
          type: "blob",
          ...(inline
            ? { content: Buffer.from(blob.ciphertext).toString("utf8") }
            : { sha: await this.committer.createGitBlob(blob.ciphertext) }),
        });
      }
      return entries;
    });
  }

  /** Coalesced with the blob reads of the same tick: a 2,000-file root's ~125 nodes cost 2 queries. */
  readNode(id: string): Promise<Uint8Array | null> {
    return this.reader.readCoalesced(nodePath(id));
  }

  async listNodes(): Promise<StoredNode[]> {
    const tree = await this.reader.query<{
      repository: { ref: { target: { file: FileNode<TreeObject> | null } } | null };
    }>(
      `query SnapgateNodeList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "nodes") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.reader.qualifiedRef },
      "listing manifest nodes",
    );
    return [...nodeIdsOf(tree.repository.ref?.target.file ?? null)].sort().map((id) => ({ id }));
  }

  async deleteNodes(
    ids: readonly string[],
    recheck?: (ids: readonly string[]) => Promise<readonly string[]>,
  ): Promise<void> {
    if (ids.length === 0) return;
    // As deleteBlobs: one commit on the state recheck read, or none.
    await this.committer.commitWithRetry(
      `snapgate: prune ${ids.length} manifest node(s)`,
      async () =>
        (recheck ? await recheck(ids) : ids).map((id) => ({
          path: nodePath(id),
          mode: "100644" as const,
          type: "blob" as const,
          sha: null,
        })),
    );
  }

  async listBlobs(): Promise<StoredBlob[]> {
    const result = await this.reader.query<{
      repository: { ref: { target: { file: FileNode<TreeObject> | null } } | null };
    }>(
      `query SnapgateBlobList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.reader.qualifiedRef },
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
    await this.committer.commitWithRetry(`snapgate: prune ${blobs.length} blob(s)`, async () =>
      (recheck ? await recheck(blobs) : blobs).map((blob) => ({
        path: blobPath(blob),
        mode: "100644" as const,
        type: "blob" as const,
        sha: null,
      })),
    );
  }

  async readAuditLines(): Promise<string[]> {
    const years = await this.reader.readTree("audit");
    const lines: string[] = [];
    for (const year of (years?.entries ?? [])
      .filter((e) => /^\d{4}$/.test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const months = await this.reader.readTree(`audit/${year.name}`, true);
      for (const file of (months?.entries ?? [])
        .filter((e) => /^\d{2}\.jsonl$/.test(e.name))
        .sort((a, b) => a.name.localeCompare(b.name))) {
        const text =
          file.object?.text && !file.object.isTruncated
            ? file.object.text
            : file.oid
              ? Buffer.from(await this.reader.readGitBlob(file.oid)).toString("utf8")
              : "";
        lines.push(...text.split("\n").filter((line) => line.trim() !== ""));
      }
    }
    return lines;
  }

  async currentAuditHead(): Promise<AuditHead | null> {
    const text = await this.reader.readFile(AUDIT_HEAD_PATH);
    if (!text) return null;
    const head = JSON.parse(Buffer.from(text).toString("utf8")) as AuditHead;
    return { seq: head.seq, hash: head.hash };
  }

  /** The same pointer: on GitHub the log and audit/head.json change in one commit. */
  async recordedAuditHead(): Promise<AuditHead | null> {
    return parseAuditHeadPointer(await this.reader.readFile(AUDIT_HEAD_PATH));
  }

  async appendAudit(
    expected: AuditHead | null,
    lines: readonly string[],
    time: Date,
  ): Promise<CommitOutcome> {
    const state = await this.reader.readWriteState("_", time);
    if (!state)
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Take a snapshot first.",
      });
    const headText = await this.reader.blobText(state.auditHead);
    const current = headText ? (JSON.parse(headText) as AuditHead) : null;
    if (
      (current?.seq ?? 0) !== (expected?.seq ?? 0) ||
      (current?.hash ?? null) !== (expected?.hash ?? null)
    )
      return "conflict";
    return this.committer.commitFiles(
      state,
      await auditTreeEntries(this.reader, state, lines, time),
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
    await this.committer.commitWithRetry(message, async (state) =>
      recordTreeEntries(this.reader, state, records),
    );
  }

  /** Coalesced like blobs: the records a gate or restore looks up together cost one query per 100. */
  async readRecord(path: string): Promise<Uint8Array | null> {
    assertRecordPath(path);
    return this.reader.readCoalesced(path);
  }

  /** Two levels per query (rewraps/<id>/<hash>.json, verifications/<env>/...): one query for those. */
  async listRecords(prefix: string): Promise<string[]> {
    const root = prefix.replace(/\/$/, "");
    assertRecordPath(`${root}/x`);
    const found: string[] = [];
    const walk = async (path: string): Promise<void> => {
      const tree = await this.reader.readTwoLevels(path);
      const deeper: string[] = [];
      for (const entry of tree?.entries ?? []) {
        if (entry.type !== "tree") {
          found.push(`${path}/${entry.name}`);
          continue;
        }
        for (const child of entry.object?.entries ?? []) {
          if (child.type === "tree") deeper.push(`${path}/${entry.name}/${child.name}`);
          else found.push(`${path}/${entry.name}/${child.name}`);
        }
      }
      for (const next of deeper) await walk(next);
    };
    await walk(root);
    return found.sort();
  }
}
