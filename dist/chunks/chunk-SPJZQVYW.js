import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  githubError,
  githubMessage,
  httpStatus
} from "./chunk-AHAZ4DV7.js";
import {
  assertRecordPath,
  checkHeadManifest,
  checkHeadPointer,
  parseCatalogLines
} from "./chunk-26DBSQQT.js";
import {
  auditHeadOfLine,
  parseAuditHeadPointer
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  AUDIT_HEAD_PATH,
  STORE_FORMAT,
  auditPath,
  blobLookupKey,
  blobPath,
  catalogPath,
  headNodesOf,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  parseBlobFileName,
  parseNodeFileName
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/github/github-committer.ts
var TREE_PAYLOAD_BUDGET = 2 * 1024 * 1024;
var GitHubCommitter = class {
  constructor(client, where, reader, location) {
    this.client = client;
    this.where = where;
    this.reader = reader;
    this.location = location;
  }
  client;
  where;
  reader;
  location;
  async createGitBlob(bytes) {
    try {
      const { data } = await this.client.rest.git.createBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        content: Buffer.from(bytes).toString("base64"),
        encoding: "base64"
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
  async commitFiles(state, entries, message) {
    const { owner, repo } = this.where;
    let tree = state.treeOid;
    let commit = null;
    try {
      for (const chunk of chunkByPayload(entries)) {
        tree = (await this.client.rest.git.createTree({ owner, repo, base_tree: tree, tree: chunk })).data.sha;
      }
      commit = (await this.client.rest.git.createCommit({
        owner,
        repo,
        message,
        tree,
        parents: [state.oid]
      })).data.sha;
      await this.client.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${this.where.branch}`,
        sha: commit,
        force: false
      });
      return "committed";
    } catch (error) {
      const conflict = httpStatus(error) === 422 && /fast forward|not a fast-forward|reference cannot be updated/i.test(githubMessage(error));
      const status = httpStatus(error);
      if (commit === null || !(conflict || status === void 0 || status >= 500)) {
        if (conflict) return "conflict";
        throw githubError(error, "committing to the backup repository", this.location);
      }
      let landed;
      try {
        landed = await this.reader.branchContains(commit);
      } catch {
        const failure = githubError(error, "updating the branch", this.location, false);
        throw new SnapgateError(
          failure.code,
          `${failure.summary} The commit may have landed: GitHub lost the answer to the branch update and could not be read back.`,
          {
            fix: `Once GitHub answers again, check with \`snapgate list --store ${this.location}\` before writing again.`,
            cause: error
          }
        );
      }
      if (landed) return "committed";
      if (conflict) return "conflict";
      throw githubError(error, "committing to the backup repository", this.location);
    }
  }
  /** For writes outside a snapshot: re-read, rebuild the entries, commit; retry when another writer won. */
  async commitWithRetry(message, build) {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
      if (!state)
        throw new SnapgateError(
          "STORE_MISSING",
          `There is no Snapgate store at ${this.location}.`,
          { fix: "Take a snapshot first." }
        );
      if (await this.commitFiles(state, await build(state), message) === "committed") return;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
    throw new SnapgateError(
      "CONFLICT",
      `Could not commit to ${this.location}: other writers kept moving the branch.`,
      { fix: "Run the command again." }
    );
  }
};
function chunkByPayload(entries) {
  const chunks = [];
  let current = [];
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

// core/store/github/github-reader.ts
var LANDED_SEARCH_DEPTH = 100;
var BLOB_READ_BATCH = 100;
var WRITE_STATE_QUERY = `
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
var GitHubReader = class {
  constructor(client, where, location) {
    this.client = client;
    this.where = where;
    this.location = location;
    this.qualifiedRef = `refs/heads/${where.branch}`;
  }
  client;
  where;
  location;
  qualifiedRef;
  async query(query, variables, doing) {
    try {
      return await this.client.graphql(query, {
        owner: this.where.owner,
        name: this.where.repo,
        ...variables
      });
    } catch (error) {
      throw githubError(error, doing, this.location);
    }
  }
  async readWriteState(stream, now) {
    const monthPaths = { catalog: catalogPath(stream, now), audit: auditPath(now) };
    const result = await this.query(
      WRITE_STATE_QUERY,
      {
        ref: this.qualifiedRef,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        ...monthPaths
      },
      "reading the backup repository"
    );
    if (!result.repository) {
      throw new SnapgateError(
        "PERMISSION",
        `The repository ${this.where.owner}/${this.where.repo} does not exist or the token cannot see it.`,
        {
          fix: "Check --store github://OWNER/REPO and that the token (a GitHub App installation token) has contents access to it."
        }
      );
    }
    const target = result.repository.ref?.target;
    if (!target) return null;
    return { ...target, treeOid: target.tree.oid, monthPaths };
  }
  async blobText(node) {
    const object = node?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return object.text;
    if (!object.oid) return null;
    return Buffer.from(await this.readGitBlob(object.oid)).toString("utf8");
  }
  async readGitBlob(oid) {
    try {
      const { data } = await this.client.rest.git.getBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        file_sha: oid
      });
      return new Uint8Array(
        Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8")
      );
    } catch (error) {
      throw githubError(error, "reading a blob", this.location);
    }
  }
  async readManifestAt(commitOid, stream, seq) {
    const path = manifestPath(stream, seq);
    const text = await this.fileTextAt(commitOid, path);
    if (text === null) {
      throw new SnapgateError(
        "INTEGRITY",
        `${path} is missing from ${this.location} although heads/${stream}.json points at it.`,
        {
          fix: "The repository was changed by hand; run `snapgate verify --all` against it."
        }
      );
    }
    return new TextEncoder().encode(text);
  }
  /** A file's text at a commit, or null when the commit has no such file. */
  async fileTextAt(commitOid, path) {
    const result = await this.query(
      `query SnapgateFileAt($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated oid } } } } } }
      }`,
      { oid: commitOid, path },
      `reading ${path}`
    );
    return this.blobText(result.repository.object?.file ?? null);
  }
  /** A directory's entries at the branch head, with their blobs' text when `withText`. */
  async readTree(path, withText = false) {
    const blob = withText ? "object { ... on Blob { text isTruncated oid } }" : "";
    const result = await this.query(
      `query SnapgateTree($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Tree { entries { name type oid ${blob} } } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `listing ${path}`
    );
    return result.repository.ref?.target.file?.object ?? null;
  }
  /** A directory's entries and, for its subdirectories, theirs: one query. */
  async readTwoLevels(path) {
    const result = await this.query(
      `query SnapgateTwoLevels($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Tree { entries { name type object { ... on Tree { entries { name type } } } } } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `listing ${path}`
    );
    return result.repository.ref?.target.file?.object ?? null;
  }
  async readFile(path) {
    const result = await this.query(
      `query SnapgateFile($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated isBinary oid } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `reading ${path}`
    );
    const object = result.repository.ref?.target.file?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return new TextEncoder().encode(object.text);
    return object.oid ? this.readGitBlob(object.oid) : null;
  }
  /** Catalog lines from the month shards of a catalog directory listing (text included). */
  async catalogFromShards(stream, shards) {
    const ordered = shards.filter((e) => /^\d{4}-\d{2}\.jsonl$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
    const texts = await Promise.all(
      ordered.map(
        async (shard) => shard.object?.text && !shard.object.isTruncated ? shard.object.text : shard.oid ? Buffer.from(await this.readGitBlob(shard.oid)).toString("utf8") : ""
      )
    );
    return parseCatalogLines(
      texts.map((text, index) => ({ path: `catalog/${stream}/${ordered[index]?.name}`, text })),
      stream
    );
  }
  /** Which of `paths` exist at a commit: one query whatever their number. */
  async existingPaths(oid, paths) {
    const fields = paths.map((path, index) => `p${index}: file(path: ${JSON.stringify(path)}) { oid }`).join("\n");
    const result = await this.query(
      `query SnapgateExisting($owner: String!, $name: String!, $oid: GitObjectID!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${fields} } } }
      }`,
      { oid },
      "checking records"
    );
    const object = result.repository.object ?? {};
    return paths.filter((_, index) => object[`p${index}`]);
  }
  /** Whether `commit` is the branch head or one of its recent ancestors (other writers may have built on it). */
  async branchContains(commit) {
    const result = await this.query(
      `query SnapgateLanded($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { oid ... on Commit { history(first: ${LANDED_SEARCH_DEPTH}) { nodes { oid } } } } } }
      }`,
      { ref: this.qualifiedRef },
      "checking whether the commit landed"
    );
    const target = result.repository.ref?.target;
    if (!target) return false;
    return target.oid === commit || (target.history?.nodes ?? []).some((node) => node.oid === commit);
  }
  pendingReads = [];
  flushScheduled = false;
  /**
   * Reads are coalesced: every readBlob() issued in the same tick goes into
   * one GraphQL query (up to 100 blobs each), so a restore of 2,000 files costs
   * about 20 calls, not 2,000.
   */
  readBlob(blob) {
    return this.readCoalesced(blobPath(blob));
  }
  /** Any file at the branch head, in the same batches as blobs (manifest nodes). */
  readCoalesced(path) {
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ path, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flushReads());
      }
    });
  }
  async flushReads() {
    this.flushScheduled = false;
    const batch = this.pendingReads.splice(0);
    for (let start = 0; start < batch.length; start += BLOB_READ_BATCH) {
      const slice = batch.slice(start, start + BLOB_READ_BATCH);
      try {
        const fields = slice.map(
          (item, index) => `b${index}: file(path: ${JSON.stringify(item.path)}) { object { ... on Blob { text isTruncated isBinary byteSize oid } } }`
        ).join("\n");
        const result = await this.query(
          `query SnapgateBlobs($owner: String!, $name: String!, $ref: String!) {
            repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { ${fields} } } } }
          }`,
          { ref: this.qualifiedRef },
          "reading blobs"
        );
        const target = result.repository.ref?.target ?? {};
        await Promise.all(
          slice.map(async (item, index) => {
            const object = target[`b${index}`]?.object;
            if (!object) return item.resolve(null);
            const text = object.text !== null ? new TextEncoder().encode(object.text) : null;
            if (text && !object.isTruncated && !object.isBinary && (object.byteSize === void 0 || text.length === object.byteSize))
              return item.resolve(text);
            item.resolve(object.oid ? await this.readGitBlob(object.oid) : null);
          })
        );
      } catch (error) {
        for (const item of slice) item.reject(error);
      }
    }
  }
};

// core/store/github/append-lines.ts
function appendLines(existing, lines) {
  const base = existing === "" || existing.endsWith("\n") ? existing : `${existing}
`;
  return base + lines.map((line) => `${line}
`).join("");
}

// core/store/github/month-file-text.ts
async function monthFileText(reader, state, kind, path) {
  const text = path === state.monthPaths[kind] ? await reader.blobText(state[kind]) : await reader.fileTextAt(state.oid, path);
  return text ?? "";
}

// core/store/github/audit-tree-entries.ts
async function auditTreeEntries(reader, state, lines, time) {
  if (lines.length === 0) return [];
  const file = auditPath(time);
  const existing = await monthFileText(reader, state, "audit", file);
  const head = auditHeadOfLine(lines.at(-1) ?? "");
  return [
    { path: file, mode: "100644", type: "blob", content: appendLines(existing, lines) },
    ...head ? [
      {
        path: AUDIT_HEAD_PATH,
        mode: "100644",
        type: "blob",
        content: JSON.stringify({ ...head, file }) + "\n"
      }
    ] : []
  ];
}

// core/store/github/fits-inline.ts
var INLINE_BLOB_LIMIT = 512 * 1024;
function fitsInline(bytes) {
  if (bytes.length > INLINE_BLOB_LIMIT) return false;
  for (const byte of bytes)
    if (byte > 126 || byte < 32 && byte !== 10 && byte !== 13) return false;
  return true;
}

// core/store/github/blob-tree-entries.ts
async function blobTreeEntries(committer, blobs) {
  const entries = [];
  const large = [];
  for (const blob of blobs) {
    if (!fitsInline(blob.ciphertext)) large.push(blob);
    else
      entries.push({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        content: Buffer.from(blob.ciphertext).toString("utf8")
      });
  }
  for (const blob of large)
    entries.push({
      path: blobPath(blob),
      mode: "100644",
      type: "blob",
      sha: await committer.createGitBlob(blob.ciphertext)
    });
  return entries;
}

// core/store/github/manifest-seqs-of.ts
function manifestSeqsOf(tree) {
  return (tree?.object?.entries ?? []).map((entry) => /^(\d{10})\.json$/.exec(entry.name)?.[1]).filter((seq) => seq !== void 0).map(Number).sort((a, b) => a - b);
}

// core/store/github/node-ids-of.ts
function nodeIdsOf(tree) {
  const ids = /* @__PURE__ */ new Set();
  for (const prefix of tree?.object?.entries ?? []) {
    for (const entry of prefix.object?.entries ?? []) {
      const id = parseNodeFileName(entry.name);
      if (id && `${prefix.name}/${entry.name}` === nodePath(id).slice("nodes/".length)) ids.add(id);
    }
  }
  return ids;
}

// core/store/github/read-github-catalog.ts
async function readGitHubCatalog(reader, stream) {
  const result = await reader.query(
    `query SnapgateCatalog($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!) {
      repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
        catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated oid } } } } } }
        head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
        manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
      } } } }
    }`,
    {
      ref: reader.qualifiedRef,
      catalog: `catalog/${stream}`,
      head: headPath(stream),
      manifests: `manifests/${stream}`
    },
    `listing catalog/${stream}`
  );
  const target = result.repository.ref?.target;
  const entries = await reader.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
  checkHeadPointer(
    stream,
    await reader.blobText(target?.head ?? null),
    manifestSeqsOf(target?.manifests),
    reader.location
  );
  return entries;
}

// core/store/github/read-github-stream-index.ts
async function readGitHubStreamIndex(reader, stream) {
  const names = "object { ... on Tree { entries { name } } }";
  const result = await reader.query(
    `query SnapgateStreamIndex($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!, $tombstones: String!, $verifications: String!, $locks: String!, $drills: String!, $signoffs: String!) {
      repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
        catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated } } } } } }
        head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
        manifests: file(path: $manifests) { ${names} }
        tombstones: file(path: $tombstones) { ${names} }
        verifications: file(path: $verifications) { ${names} }
        locks: file(path: $locks) { ${names} }
        drills: file(path: $drills) { ${names} }
        signoffs: file(path: $signoffs) { ${names} }
        blobs: file(path: "blobs") { object { ... on Tree { entries { name ${names} } } } }
      } } } }
    }`,
    {
      ref: reader.qualifiedRef,
      catalog: `catalog/${stream}`,
      head: headPath(stream),
      manifests: `manifests/${stream}`,
      tombstones: `tombstones/${stream}`,
      verifications: `verifications/${stream}`,
      locks: `locks/${stream}`,
      drills: `drills/${stream}`,
      signoffs: `drills/${stream}/signoffs`
    },
    `reading the index of ${stream}`
  );
  const target = result.repository.ref?.target;
  const manifestSeqs = manifestSeqsOf(target?.manifests);
  const catalog = await reader.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
  const headText = await reader.blobText(target?.head ?? null);
  checkHeadPointer(stream, headText, manifestSeqs, reader.location);
  const headNodes = headNodesOf(headText);
  const blobs = [];
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
    verifications: (target?.verifications?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `verifications/${stream}/${entry.name}`),
    blobs,
    locks: (target?.locks?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `locks/${stream}/${entry.name}`),
    drills: [
      ...(target?.drills?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `drills/${stream}/${entry.name}`),
      ...(target?.signoffs?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `drills/${stream}/signoffs/${entry.name}`)
    ],
    ...headNodes ? { headNodes } : {}
  };
}

// core/store/github/record-tree-entries.ts
async function recordTreeEntries(reader, state, records, extra = []) {
  const existing = await reader.existingPaths(
    state.oid,
    records.map((record) => record.path)
  );
  if (existing.length > 0) {
    throw new SnapgateError(
      "CONFLICT",
      `The record ${existing[0]} already exists in ${reader.location}.`,
      {
        fix: "Records are never overwritten; retry, which writes a record with a new name."
      }
    );
  }
  return [
    ...extra,
    ...records.map((record) => ({
      path: record.path,
      mode: "100644",
      type: "blob",
      content: Buffer.from(record.bytes).toString("utf8")
    }))
  ];
}

// core/store/github/snapshot-tree-entries.ts
async function snapshotTreeEntries(reader, committer, commits) {
  const commit = commits.at(-1);
  if (!commit) return [];
  const view = commit.view;
  const { state } = view;
  const catalogFile = catalogPath(view.stream, commit.time);
  const catalogText = await monthFileText(reader, state, "catalog", catalogFile);
  const entries = await blobTreeEntries(committer, [...view.staged.values()]);
  const knownNodes = nodeIdsOf(state.nodes);
  for (const node of commits.flatMap((each) => each.nodes ?? [])) {
    if (!knownNodes.has(node.id)) {
      knownNodes.add(node.id);
      entries.push({
        path: nodePath(node.id),
        mode: "100644",
        type: "blob",
        content: Buffer.from(node.bytes).toString("utf8")
      });
    }
  }
  for (const each of commits)
    entries.push({
      path: manifestPath(view.stream, each.seq),
      mode: "100644",
      type: "blob",
      content: Buffer.from(each.manifest).toString("utf8")
    });
  entries.push(
    {
      path: headPath(view.stream),
      mode: "100644",
      type: "blob",
      content: headPointerText(commit)
    },
    {
      path: catalogFile,
      mode: "100644",
      type: "blob",
      content: appendLines(
        catalogText,
        commits.map((each) => JSON.stringify(each.catalogEntry))
      )
    },
    ...await auditTreeEntries(
      reader,
      state,
      commits.flatMap((each) => each.auditLines),
      commit.time
    )
  );
  return entries;
}

// core/store/github/github-write-view.ts
var GITHUB_MAX_BLOB_BYTES = 100 * 1024 * 1024;
var GitHubWriteView = class {
  constructor(stream, state, head, auditHead, blobs) {
    this.stream = stream;
    this.state = state;
    this.head = head;
    this.auditHead = auditHead;
    this.blobs = blobs;
  }
  stream;
  state;
  head;
  auditHead;
  blobs;
  staged = /* @__PURE__ */ new Map();
  async findBlobs(ids, recipientSet) {
    const found = /* @__PURE__ */ new Map();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref)
        found.set(id, {
          id: ref.id,
          sha256: ref.sha256,
          encoding: ref.encoding,
          ...ref.recipientSet ? { recipientSet: ref.recipientSet } : {}
        });
    }
    return found;
  }
  async stageBlob(blob) {
    if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES) {
      throw new SnapgateError(
        "TOO_LARGE",
        `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
        {
          fix: "Exclude the file from the snapshot: large artefacts are not configuration."
        }
      );
    }
    this.staged.set(blobLookupKey(blob.id, blob.recipientSet), blob);
  }
  /** Staged blobs the repository still lacks (after a conflict, another writer may have added some). */
  carryOver(into) {
    for (const [key, blob] of this.staged) {
      if (!into.blobs.has(key)) into.staged.set(key, blob);
    }
  }
};

// core/store/github/parse-github-store-spec.ts
function parseGitHubStoreSpec(spec) {
  const match = /^github:\/\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})(?:@([^\s~^:?*[\\]+))?$/.exec(
    spec
  );
  if (!match?.[1] || !match[2]) {
    throw new SnapgateError("USAGE", `'${spec}' is not a GitHub store.`, {
      fix: "Write github://OWNER/REPO or github://OWNER/REPO@BRANCH, e.g. github://acme/config-backups@main."
    });
  }
  return { owner: match[1], repo: match[2], branch: match[3] ?? "main" };
}

// core/store/github-store.ts
var GitHubStore = class {
  constructor(client, where) {
    this.client = client;
    this.where = where;
    this.location = `github://${where.owner}/${where.repo}@${where.branch}`;
    this.reader = new GitHubReader(client, where, this.location);
    this.committer = new GitHubCommitter(client, where, this.reader, this.location);
  }
  client;
  where;
  location;
  armorBlobs = true;
  reader;
  committer;
  async initialize() {
    const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
    if (state?.storeFile?.object) return this.checkFormat(state.storeFile.object.text);
    const body = JSON.stringify({ format: STORE_FORMAT, created: (/* @__PURE__ */ new Date()).toISOString() }, null, 2) + "\n";
    if (!state) {
      try {
        await this.client.rest.repos.createOrUpdateFileContents({
          owner: this.where.owner,
          repo: this.where.repo,
          path: "snapgate.json",
          branch: this.where.branch,
          message: "snapgate: initialise the backup store",
          content: Buffer.from(body).toString("base64")
        });
      } catch (error) {
        if (httpStatus(error) === 409 || httpStatus(error) === 422) return this.assertExists();
        throw githubError(error, "initialising the backup repository", this.location);
      }
      return;
    }
    await this.committer.commitFiles(
      state,
      [{ path: "snapgate.json", mode: "100644", type: "blob", content: body }],
      "snapgate: initialise the backup store"
    );
  }
  checkFormat(text) {
    let format;
    try {
      format = JSON.parse(text ?? "").format;
    } catch {
      format = void 0;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location} holds a snapgate.json that is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another repository or branch."
        }
      );
    }
  }
  async assertExists() {
    const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check the repository and branch; a store is created by the first `snapgate snapshot`."
      });
    }
    this.checkFormat(state.storeFile.object.text);
  }
  async beginWrite(stream, previous) {
    const now = /* @__PURE__ */ new Date();
    const state = await this.reader.readWriteState(stream, now);
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "It is created by the first snapshot; if this persists, check the branch name."
      });
    }
    const blobs = /* @__PURE__ */ new Map();
    for (const prefix of state.blobs?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        const key = ref && blobLookupKey(ref.id, ref.recipientSet);
        if (ref && key && !blobs.has(key)) blobs.set(key, ref);
      }
    }
    const seqs = manifestSeqsOf(state.manifests);
    checkHeadPointer(stream, await this.reader.blobText(state.head), seqs, this.location);
    const seq = seqs.at(-1);
    let head = null;
    if (seq !== void 0) {
      const manifest = await this.reader.readManifestAt(state.oid, stream, seq);
      checkHeadManifest(stream, seq, manifest, this.location);
      head = { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
    }
    const auditHeadText = await this.reader.blobText(state.auditHead);
    const auditHead = auditHeadText ? JSON.parse(auditHeadText) : null;
    const view = new GitHubWriteView(
      stream,
      state,
      head,
      auditHead ? { seq: auditHead.seq, hash: auditHead.hash } : null,
      blobs
    );
    if (previous instanceof GitHubWriteView) previous.carryOver(view);
    return view;
  }
  async commitSnapshot(commit) {
    return this.commitSnapshotBatch([commit]);
  }
  /** One commit for consecutive snapshots of the view's stream: their nodes, roots, catalog lines, last head. */
  async commitSnapshotBatch(commits) {
    const commit = commits.at(-1);
    if (!commit) return "committed";
    const view = commit.view;
    const { state } = view;
    const entries = await snapshotTreeEntries(this.reader, this.committer, commits);
    return this.committer.commitFiles(
      state,
      entries,
      commits.length === 1 ? `snapgate: snapshot ${view.stream}@${commit.seq} ${commit.catalogEntry.id.slice(0, 12)}` : `snapgate: ${commits.length} snapshots ${view.stream}@${commits[0]?.seq}..${commit.seq}`
    );
  }
  /**
   * One commit for a batch of re-wrapped blobs and their re-wrap records
   * (ADR 1303): a reader finds both or neither. Large blobs are uploaded once,
   * before the first attempt; a lost race rebuilds only the tree.
   */
  async putBlobsWithRecords(blobs, records) {
    if (blobs.length === 0 && records.length === 0) return;
    for (const record of records) assertRecordPath(record.path);
    const blobEntries = await blobTreeEntries(this.committer, blobs);
    await this.committer.commitWithRetry(
      `snapgate: rekey ${records.length} blob(s)`,
      async (state) => recordTreeEntries(this.reader, state, records, blobEntries)
    );
  }
  readCatalog(stream) {
    return readGitHubCatalog(this.reader, stream);
  }
  readStreamIndex(stream) {
    return readGitHubStreamIndex(this.reader, stream);
  }
  async listStreams() {
    const tree = await this.reader.readTree("manifests");
    return (tree?.entries ?? []).filter((entry) => entry.type === "tree").map((entry) => entry.name).sort();
  }
  async listManifestSeqs(stream) {
    return manifestSeqsOf({ object: await this.reader.readTree(`manifests/${stream}`) });
  }
  /** Coalesced like blobs and nodes: the gate reads a root and the nodes the head names in one query. */
  readManifest(stream, seq) {
    return this.reader.readCoalesced(manifestPath(stream, seq));
  }
  /** Coalesced with the other blob reads of the same tick: see GitHubReader.readBlob. */
  readBlob(blob) {
    return this.reader.readBlob(blob);
  }
  /** One commit for every blob the branch lacks; none when it has them all. */
  async putBlobs(blobs) {
    if (blobs.length === 0) return;
    for (const blob of blobs) {
      if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES)
        throw new SnapgateError(
          "TOO_LARGE",
          `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
          { fix: "Keep this store on a local directory (or object storage) rather than GitHub." }
        );
    }
    const known = new Set((await this.listBlobs()).map((blob) => blobPath(blob)));
    const missing = blobs.filter((blob) => !known.has(blobPath(blob)));
    if (missing.length === 0) return;
    await this.committer.commitWithRetry(`snapgate: ${missing.length} blob(s)`, async () => {
      const entries = [];
      for (const blob of missing) {
        const inline = fitsInline(blob.ciphertext);
        entries.push({
          path: blobPath(blob),
          mode: "100644",
          type: "blob",
          ...inline ? { content: Buffer.from(blob.ciphertext).toString("utf8") } : { sha: await this.committer.createGitBlob(blob.ciphertext) }
        });
      }
      return entries;
    });
  }
  /** Coalesced with the blob reads of the same tick: a 2,000-file root's ~125 nodes cost 2 queries. */
  readNode(id) {
    return this.reader.readCoalesced(nodePath(id));
  }
  async listNodes() {
    const tree = await this.reader.query(
      `query SnapgateNodeList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "nodes") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.reader.qualifiedRef },
      "listing manifest nodes"
    );
    return [...nodeIdsOf(tree.repository.ref?.target.file ?? null)].sort().map((id) => ({ id }));
  }
  async deleteNodes(ids, recheck) {
    if (ids.length === 0) return;
    await this.committer.commitWithRetry(
      `snapgate: prune ${ids.length} manifest node(s)`,
      async () => (recheck ? await recheck(ids) : ids).map((id) => ({
        path: nodePath(id),
        mode: "100644",
        type: "blob",
        sha: null
      }))
    );
  }
  async listBlobs() {
    const result = await this.reader.query(
      `query SnapgateBlobList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.reader.qualifiedRef },
      "listing blobs"
    );
    const blobs = [];
    for (const prefix of result.repository.ref?.target.file?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        if (ref) blobs.push(ref);
      }
    }
    return blobs;
  }
  async deleteBlobs(blobs, recheck) {
    if (blobs.length === 0) return;
    await this.committer.commitWithRetry(
      `snapgate: prune ${blobs.length} blob(s)`,
      async () => (recheck ? await recheck(blobs) : blobs).map((blob) => ({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        sha: null
      }))
    );
  }
  async readAuditLines() {
    const years = await this.reader.readTree("audit");
    const lines = [];
    for (const year of (years?.entries ?? []).filter((e) => /^\d{4}$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      const months = await this.reader.readTree(`audit/${year.name}`, true);
      for (const file of (months?.entries ?? []).filter((e) => /^\d{2}\.jsonl$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
        const text = file.object?.text && !file.object.isTruncated ? file.object.text : file.oid ? Buffer.from(await this.reader.readGitBlob(file.oid)).toString("utf8") : "";
        lines.push(...text.split("\n").filter((line) => line.trim() !== ""));
      }
    }
    return lines;
  }
  async currentAuditHead() {
    const text = await this.reader.readFile(AUDIT_HEAD_PATH);
    if (!text) return null;
    const head = JSON.parse(Buffer.from(text).toString("utf8"));
    return { seq: head.seq, hash: head.hash };
  }
  /** The same pointer: on GitHub the log and audit/head.json change in one commit. */
  async recordedAuditHead() {
    return parseAuditHeadPointer(await this.reader.readFile(AUDIT_HEAD_PATH));
  }
  async appendAudit(expected, lines, time) {
    const state = await this.reader.readWriteState("_", time);
    if (!state)
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Take a snapshot first."
      });
    const headText = await this.reader.blobText(state.auditHead);
    const current = headText ? JSON.parse(headText) : null;
    if ((current?.seq ?? 0) !== (expected?.seq ?? 0) || (current?.hash ?? null) !== (expected?.hash ?? null))
      return "conflict";
    return this.committer.commitFiles(
      state,
      await auditTreeEntries(this.reader, state, lines, time),
      `snapgate: audit ${lines.length} event(s)`
    );
  }
  async writeRecords(records) {
    if (records.length === 0) return;
    for (const record of records) assertRecordPath(record.path);
    const message = records.length === 1 ? `snapgate: record ${records[0]?.path}` : `snapgate: ${records.length} records`;
    await this.committer.commitWithRetry(
      message,
      async (state) => recordTreeEntries(this.reader, state, records)
    );
  }
  /** Coalesced like blobs: the records a gate or restore looks up together cost one query per 100. */
  async readRecord(path) {
    assertRecordPath(path);
    return this.reader.readCoalesced(path);
  }
  /** Two levels per query (rewraps/<id>/<hash>.json, verifications/<env>/...): one query for those. */
  async listRecords(prefix) {
    const root = prefix.replace(/\/$/, "");
    assertRecordPath(`${root}/x`);
    const found = [];
    const walk = async (path) => {
      const tree = await this.reader.readTwoLevels(path);
      const deeper = [];
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
};

export {
  GITHUB_MAX_BLOB_BYTES,
  parseGitHubStoreSpec,
  GitHubStore
};
