import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  s3Error
} from "./chunk-TXCZOU2P.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  assertRecordPath,
  checkHeadManifest,
  checkHeadPointer,
  parseCatalogLines
} from "./chunk-PBLOV7KH.js";
import {
  AUDIT_HEAD_PATH,
  STORE_FORMAT,
  blobLookupKey,
  blobPath,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  parseBlobFileName,
  parseNodeFileName,
  s3AuditBatchPath,
  s3CatalogEntryPath,
  s3ClaimProbePath
} from "./chunk-2ABVE2K6.js";
import {
  auditHeadOfLine,
  chainAuditEvents,
  parseAuditHeadPointer
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/store/s3/claim-s3-key.ts
async function claimS3Key(client, mode, key, body, lock = {}) {
  if (mode === "if-none-match") {
    const put2 = await client.put(key, body, { ifNoneMatch: true, ...lock });
    return put2 === "exists" ? "lost" : "won";
  }
  const put = await client.put(key, body, lock);
  if (put === "exists" || !put.versionId) return "lost";
  const oldest = (await client.listVersions(key)).at(-1);
  return oldest?.versionId === put.versionId ? "won" : "lost";
}

// core/store/s3/detect-s3-claim-mode.ts
import { randomBytes } from "node:crypto";
async function detectS3ClaimMode(client, prefix) {
  const key = `${prefix}${s3ClaimProbePath(randomBytes(8).toString("hex"))}`;
  const body = new TextEncoder().encode("snapgate conditional-write probe\n");
  await client.put(key, body, { ifNoneMatch: true });
  const second = await client.put(key, body, { ifNoneMatch: true });
  for (const version of await client.listVersions(key).catch(() => []))
    await client.delete(key, version.versionId).catch(() => void 0);
  return second === "exists" ? "if-none-match" : "put-then-list";
}

// core/store/s3/read-s3-claimed.ts
async function readS3Claimed(client, mode, key) {
  if (mode === "if-none-match") return client.get(key);
  const versions = await client.listVersions(key);
  const oldest = versions.at(-1);
  if (!oldest) return null;
  return versions.length === 1 ? client.get(key) : client.get(key, oldest.versionId);
}

// core/store/s3/s3-write-view.ts
var S3WriteView = class {
  constructor(client, prefix, stream, head, auditHead, blobs, lock) {
    this.client = client;
    this.prefix = prefix;
    this.stream = stream;
    this.head = head;
    this.auditHead = auditHead;
    this.blobs = blobs;
    this.lock = lock;
  }
  client;
  prefix;
  stream;
  head;
  auditHead;
  blobs;
  lock;
  staged = /* @__PURE__ */ new Map();
  async findBlobs(ids, recipientSet) {
    const found = /* @__PURE__ */ new Map();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref) found.set(id, ref);
    }
    return found;
  }
  async stageBlob(blob) {
    const { ciphertext, ...ref } = blob;
    await this.client.put(`${this.prefix}${blobPath(ref)}`, ciphertext, this.lock());
    this.staged.set(blobLookupKey(ref.id, ref.recipientSet), ref);
  }
};

// core/store/s3-store.ts
var MANIFEST_NAME = /\/(\d{10})\.json$/;
var AUDIT_ATTEMPTS = 25;
var DAY_MS = 864e5;
function sameAuditHead(a, b) {
  return (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);
}
function rechain(lines, head) {
  const inputs = lines.map((line) => {
    const event = JSON.parse(line);
    return {
      type: event.type,
      time: new Date(event.time),
      actor: event.actor,
      subject: event.subject,
      ...event.details ? { details: event.details } : {},
      ...event.deliveryId ? { deliveryId: event.deliveryId } : {},
      ...event.requestDigest ? { requestDigest: event.requestDigest } : {}
    };
  });
  return chainAuditEvents(head, inputs).lines;
}
var S3Store = class {
  constructor(client, where, options = {}) {
    this.client = client;
    this.where = where;
    this.options = options;
    this.location = `s3://${where.bucket}/${where.prefix}`;
  }
  client;
  where;
  options;
  location;
  armorBlobs = false;
  claimModeP;
  lockP;
  key(relative) {
    return `${this.where.prefix}${relative}`;
  }
  async call(doing, run) {
    try {
      return await run();
    } catch (error) {
      throw s3Error(error, doing, this.location);
    }
  }
  /** Whether the bucket has Object Lock (asked once). */
  objectLockEnabled() {
    this.lockP ??= this.call(
      "reading the Object Lock configuration",
      () => this.client.objectLockEnabled()
    );
    return this.lockP;
  }
  /** How writes claim keys: probed on the first write (ADR 1404). */
  claimMode() {
    this.claimModeP ??= this.call(
      "probing conditional writes",
      () => detectS3ClaimMode(this.client, this.where.prefix)
    );
    return this.claimModeP;
  }
  /** How reads find a claimed key's winner: the oldest version where versions can pile up. */
  async readMode() {
    if (this.claimModeP) return this.claimModeP;
    return await this.objectLockEnabled() ? "put-then-list" : "if-none-match";
  }
  /** The Object Lock fields a WORM put carries: none in a bucket without Object Lock. */
  lockFor(lockEnabled) {
    const { lock, legalHold } = this.options;
    if (!lockEnabled) return {};
    return {
      ...lock ? { retention: { mode: lock.mode, until: new Date(Date.now() + lock.days * DAY_MS) } } : {},
      ...legalHold ? { legalHold: true } : {}
    };
  }
  async lock() {
    return this.lockFor(await this.objectLockEnabled());
  }
  async readClaimed(relative) {
    const mode = await this.readMode();
    return this.call(
      `reading ${relative}`,
      () => readS3Claimed(this.client, mode, this.key(relative))
    );
  }
  async get(relative) {
    return this.call(`reading ${relative}`, () => this.client.get(this.key(relative)));
  }
  async put(relative, bytes, locked) {
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const lock = locked ? await this.lock() : {};
    await this.call(`writing ${relative}`, () => this.client.put(this.key(relative), body, lock));
  }
  async claim(relative, bytes) {
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const [mode, lock] = await Promise.all([this.claimMode(), this.lock()]);
    return this.call(
      `writing ${relative}`,
      () => claimS3Key(this.client, mode, this.key(relative), body, lock)
    );
  }
  /** Relative keys under `relative` (a folder, ending in "/"). */
  async list(relative) {
    const items = await this.call(
      `listing ${relative}`,
      () => this.client.list(this.key(relative))
    );
    return items.map((item) => ({
      path: item.key.slice(this.where.prefix.length),
      ...item.lastModified ? { lastModified: item.lastModified } : {}
    })).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  }
  async initialize() {
    if (await this.isStore()) return;
    const others = (await this.list("")).filter(
      (item) => !item.path.startsWith(s3ClaimProbePath(""))
    );
    if (others.length > 0) {
      if (await this.isStore()) return;
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location} is not empty and is not a Snapgate store.`,
        {
          fix: "Point --store at a new or empty prefix (s3://BUCKET/NEW-PREFIX), or at an existing Snapgate store (it has a snapgate.json)."
        }
      );
    }
    const body = JSON.stringify({ format: STORE_FORMAT, created: (/* @__PURE__ */ new Date()).toISOString() }, null, 2) + "\n";
    await this.claim("snapgate.json", body);
  }
  async isStore() {
    const raw = await this.get("snapgate.json");
    if (raw === null) return false;
    let format;
    try {
      format = JSON.parse(Buffer.from(raw).toString("utf8")).format;
    } catch {
      format = void 0;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location}snapgate.json is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another prefix."
        }
      );
    }
    return true;
  }
  async assertExists() {
    if (!await this.isStore()) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check --store (or SNAPGATE_STORE); a store is created by the first `snapgate snapshot`."
      });
    }
  }
  async beginWrite(stream) {
    await this.assertExists();
    const [head, auditHead, stored, lockEnabled] = await Promise.all([
      this.readHead(stream),
      this.currentAuditHead(),
      this.listBlobs(),
      this.objectLockEnabled(),
      this.claimMode()
    ]);
    const blobs = /* @__PURE__ */ new Map();
    for (const { modifiedAt: _modifiedAt, ...ref } of stored) {
      const key = blobLookupKey(ref.id, ref.recipientSet);
      if (!blobs.has(key)) blobs.set(key, ref);
    }
    return new S3WriteView(
      this.client,
      this.where.prefix,
      stream,
      head,
      auditHead,
      blobs,
      () => this.lockFor(lockEnabled)
    );
  }
  async readHead(stream) {
    const seqs = await this.headManifestSeqs(stream);
    const seq = seqs.at(-1);
    if (seq === void 0) return null;
    const manifest = await this.readManifest(stream, seq);
    if (!manifest) return null;
    checkHeadManifest(stream, seq, manifest, this.location);
    return { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
  }
  async headManifestSeqs(stream) {
    const [raw, seqs] = await Promise.all([
      this.get(headPath(stream)),
      this.listManifestSeqs(stream)
    ]);
    checkHeadPointer(stream, raw, seqs, this.location);
    return seqs;
  }
  /** Keys present among `paths` (one listing of each top folder would cost more for a small commit). */
  async allPresent(paths) {
    const present = await mapWithConcurrency(
      paths,
      16,
      (path) => this.call(`checking ${path}`, () => this.client.lockState(this.key(path))).then(
        (state) => state !== null
      )
    );
    return present.every(Boolean);
  }
  async commitSnapshot(commit) {
    const stream = commit.view.stream;
    const nodes = commit.nodes ?? [];
    const missing = await mapWithConcurrency(
      nodes,
      16,
      async (node) => await this.call(
        `checking ${nodePath(node.id)}`,
        () => this.client.lockState(this.key(nodePath(node.id)))
      ) === null ? node : null
    );
    await mapWithConcurrency(
      missing.filter((node) => node !== null),
      16,
      (node) => this.put(nodePath(node.id), node.bytes, true)
    );
    const seqs = await this.listManifestSeqs(stream);
    if ((seqs.at(-1) ?? 0) !== (commit.view.head?.seq ?? 0)) return "conflict";
    if (!await this.allPresent(commit.blobs.map((blob) => blobPath(blob)))) return "conflict";
    if (await this.claim(manifestPath(stream, commit.seq), commit.manifest) === "lost")
      return "conflict";
    await this.put(
      s3CatalogEntryPath(stream, commit.seq, commit.time),
      JSON.stringify(commit.catalogEntry) + "\n",
      false
    );
    await this.put(headPath(stream), headPointerText(commit), false);
    if (commit.auditLines.length > 0) await this.appendRechained(commit, commit.view.auditHead);
    return "committed";
  }
  /** The commit's audit lines, chained again on the newest head until an append wins. */
  async appendRechained(commit, viewHead) {
    let head = viewHead;
    let lines = [...commit.auditLines];
    for (let attempt = 1; attempt <= AUDIT_ATTEMPTS; attempt++) {
      if (await this.appendAudit(head, lines, commit.time) === "committed") return;
      await new Promise(
        (resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt))
      );
      const now = await this.currentAuditHead();
      if (!sameAuditHead(now, head)) lines = rechain(commit.auditLines, now);
      head = now;
    }
    throw new SnapgateError(
      "CONFLICT",
      `${commit.view.stream}@${commit.seq} is committed to ${this.location}, but its audit event could not be appended.`,
      {
        fix: "Too many writers raced for the audit log; the snapshot is safe. Run `snapgate audit verify` to see the log."
      }
    );
  }
  async listStreams() {
    const streams = /* @__PURE__ */ new Set();
    for (const { path } of await this.list("manifests/")) {
      const stream = path.split("/")[1];
      if (stream && MANIFEST_NAME.test(path)) streams.add(stream);
    }
    return [...streams].sort();
  }
  async readCatalog(stream) {
    const paths = (await this.list(`catalog/${stream}/`)).map((item) => item.path).filter((path) => /\/\d{4}-\d{2}\/\d{10}\.jsonl$/.test(path));
    const shards = await mapWithConcurrency(paths, 16, async (path) => ({
      path,
      text: Buffer.from(await this.get(path) ?? new Uint8Array()).toString("utf8")
    }));
    const entries = parseCatalogLines(shards, stream);
    await this.headManifestSeqs(stream);
    return entries;
  }
  async listManifestSeqs(stream) {
    const seqs = [];
    for (const { path } of await this.list(`manifests/${stream}/`)) {
      const match = MANIFEST_NAME.exec(path);
      if (match?.[1] && path === manifestPath(stream, Number(match[1])))
        seqs.push(Number(match[1]));
    }
    return seqs.sort((a, b) => a - b);
  }
  async readManifest(stream, seq) {
    return this.readClaimed(manifestPath(stream, seq));
  }
  async readBlob(blob) {
    return this.get(blobPath(blob));
  }
  async putBlob(blob) {
    const { ciphertext, ...ref } = blob;
    await this.put(blobPath(ref), ciphertext, true);
  }
  /** replicate's blobs: content-addressed, so a blob put twice (a resumed run) holds the same bytes. */
  async putBlobs(blobs) {
    await mapWithConcurrency(blobs, 16, (blob) => this.putBlob(blob));
  }
  async readNode(id) {
    return this.get(nodePath(id));
  }
  async listNodes() {
    const nodes = [];
    for (const { path, lastModified } of await this.list("nodes/")) {
      const id = parseNodeFileName(path.split("/").at(-1) ?? "");
      if (id && path === nodePath(id))
        nodes.push(lastModified ? { id, modifiedAt: lastModified } : { id });
    }
    return nodes;
  }
  async listBlobs() {
    const blobs = [];
    for (const { path, lastModified } of await this.list("blobs/")) {
      const ref = parseBlobFileName(path.split("/").at(-1) ?? "");
      if (ref && path === blobPath(ref))
        blobs.push(lastModified ? { ...ref, modifiedAt: lastModified } : ref);
    }
    return blobs;
  }
  /**
   * Locked versions are never deleted (ADR 1404): the keys deleteBlobs and
   * deleteNodes kept since this store was opened, and until when (prune reports them).
   */
  keptLocked = [];
  /**
   * Deletes every version of `path` that no lock holds; in a bucket without
   * Object Lock, the key. A version under retention or legal hold is kept and
   * reported in keptLocked.
   */
  async deleteUnlocked(path) {
    const key = this.key(path);
    if (!await this.objectLockEnabled()) {
      await this.call(`deleting ${path}`, () => this.client.delete(key));
      return;
    }
    const now = Date.now();
    for (const version of await this.call(`listing ${path}`, () => this.client.listVersions(key))) {
      const state = await this.call(
        `reading the lock of ${path}`,
        () => this.client.lockState(key, version.versionId)
      );
      if (!state) continue;
      if (state.legalHold || state.retainUntil && state.retainUntil.getTime() > now) {
        this.keptLocked.push({
          path,
          ...state.retainUntil ? { until: state.retainUntil } : {},
          legalHold: state.legalHold
        });
        continue;
      }
      await this.call(`deleting ${path}`, () => this.client.delete(key, version.versionId));
    }
  }
  async deleteBlobs(blobs, recheck) {
    if (blobs.length === 0) return;
    const doomed = recheck ? await recheck(blobs) : blobs;
    for (const blob of doomed) await this.deleteUnlocked(blobPath(blob));
  }
  async deleteNodes(ids, recheck) {
    if (ids.length === 0) return;
    const doomed = recheck ? await recheck(ids) : ids;
    for (const id of doomed) await this.deleteUnlocked(nodePath(id));
  }
  async readStreamIndex(stream) {
    const [catalog, manifestSeqs, tombstones, verifications, blobs, locks] = await Promise.all([
      this.readCatalog(stream),
      this.listManifestSeqs(stream),
      this.list(`tombstones/${stream}/`),
      this.list(`verifications/${stream}/`),
      this.listBlobs(),
      this.list(`locks/${stream}/`)
    ]);
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: tombstones.map(({ path }) => /^tombstones\/[^/]+\/(\d{10})\.json$/.exec(path)?.[1]).filter((seq) => seq !== void 0).map(Number).sort((a, b) => a - b),
      verifications: verifications.map(({ path }) => path).filter((path) => path.endsWith(".json") && path.split("/").length === 3),
      blobs: blobs.map(({ modifiedAt: _modifiedAt, ...ref }) => ref),
      locks: locks.map(({ path }) => path).filter((path) => path.endsWith(".json") && path.split("/").length === 3)
    };
  }
  async auditBatches() {
    return (await this.list("audit/log/")).map((item) => item.path).filter((path) => /^audit\/log\/\d{10}\.jsonl$/.test(path));
  }
  async batchLines(path) {
    const raw = await this.readClaimed(path);
    return Buffer.from(raw ?? new Uint8Array()).toString("utf8").split("\n").filter((line) => line.trim() !== "");
  }
  async readAuditLines() {
    const batches = await mapWithConcurrency(
      await this.auditBatches(),
      16,
      (path) => this.batchLines(path)
    );
    return batches.flat();
  }
  async currentAuditHead() {
    const last = (await this.auditBatches()).at(-1);
    if (!last) return null;
    const line = (await this.batchLines(last)).at(-1);
    return line ? auditHeadOfLine(line) ?? null : null;
  }
  async recordedAuditHead() {
    return parseAuditHeadPointer(await this.get(AUDIT_HEAD_PATH));
  }
  async appendAudit(expected, lines, _time) {
    if (lines.length === 0) return "committed";
    if (!sameAuditHead(await this.currentAuditHead(), expected)) return "conflict";
    const target = s3AuditBatchPath((expected?.seq ?? 0) + 1);
    if (await this.claim(target, lines.map((line) => `${line}
`).join("")) === "lost")
      return "conflict";
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    if (head)
      await this.put(AUDIT_HEAD_PATH, JSON.stringify({ ...head, file: target }) + "\n", false);
    return "committed";
  }
  async writeRecords(records) {
    for (const record of records) assertRecordPath(record.path);
    for (const record of records) {
      if (await this.claim(record.path, record.bytes) === "lost") {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${record.path} already exists in ${this.location}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name."
          }
        );
      }
    }
  }
  async readRecord(path) {
    assertRecordPath(path);
    return this.readClaimed(path);
  }
  async listRecords(prefix) {
    assertRecordPath(`${prefix.replace(/\/$/, "")}/x`);
    return (await this.list(`${prefix.replace(/\/$/, "")}/`)).map((item) => item.path);
  }
};
export {
  S3Store
};
