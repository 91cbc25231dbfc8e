import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  s3Error
} from "./chunk-TXCZOU2P.js";
import {
  compressNode,
  decompressNode
} from "./chunk-PCQS3LOH.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  assertRecordPath,
  checkHeadManifest,
  checkHeadPointer,
  parseCatalogLines
} from "./chunk-26DBSQQT.js";
import {
  auditHeadOfLine,
  chainAuditEvents,
  parseAuditHeadPointer
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  AUDIT_HEAD_PATH,
  STORE_FORMAT,
  blobLookupKey,
  blobPath,
  gzipNodePath,
  headPath,
  headPointerText,
  manifestPath,
  nodePath,
  parseBlobFileName,
  parseNodeFileName,
  s3AuditBatchPath,
  s3CatalogEntryPath,
  s3ClaimProbePath,
  s3CommitIntentPath,
  s3PruneMarkPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/s3-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// core/store/s3/check-applied-lock.ts
var DATE_SLACK_MS = 1e3;
var STRENGTH = { GOVERNANCE: 1, COMPLIANCE: 2 };
function checkAppliedLock(asked, applied, key, where) {
  const short = [];
  const wanted = asked.retention;
  if (wanted) {
    const mode = applied?.mode ?? "none";
    const until = applied?.retainUntil;
    if ((STRENGTH[mode] ?? 0) < (STRENGTH[wanted.mode] ?? 0))
      short.push(`mode ${mode} instead of ${wanted.mode}`);
    if (!until || until.getTime() < wanted.until.getTime() - DATE_SLACK_MS)
      short.push(
        `retain-until ${until ? until.toISOString() : "none"} instead of ${wanted.until.toISOString()}`
      );
  }
  if (asked.legalHold && !applied?.legalHold) short.push("no legal hold where one was asked");
  if (short.length === 0) return;
  throw new SnapgateError(
    "CONFIG",
    `${where} did not apply the Object Lock it was asked for on ${key}: ${short.join("; ")}.`,
    {
      fix: "The bucket ignores per-object lock headers. On Ceph RGW (Pacific) that happens while the bucket's public access block has BlockPublicAcls on: turn BlockPublicAcls off and keep the other three settings on. Otherwise set the bucket's default retention (put-object-lock-configuration) to at least this mode and period and drop --object-lock-mode/--retain-days and the tier's retention.object_lock; a legal hold then has to be put by hand (put-object-legal-hold)."
    }
  );
}

// core/store/s3/claim-s3-key.ts
async function claimS3Key(client, mode, key, body, lock = {}) {
  if (mode === "if-none-match") {
    const put2 = await client.put(key, body, { ifNoneMatch: true, ...lock });
    return put2 === "exists" ? { outcome: "lost" } : { outcome: "won", ...put2 };
  }
  const put = await client.put(key, body, lock);
  if (put === "exists" || !put.versionId) return { outcome: "lost" };
  const oldest = (await client.listVersions(key)).at(-1);
  return { outcome: oldest?.versionId === put.versionId ? "won" : "lost", ...put };
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
  constructor(putBlob, stream, head, auditHead, blobs) {
    this.putBlob = putBlob;
    this.stream = stream;
    this.head = head;
    this.auditHead = auditHead;
    this.blobs = blobs;
  }
  putBlob;
  stream;
  head;
  auditHead;
  blobs;
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
    const { ciphertext: _ciphertext, ...ref } = blob;
    await this.putBlob(blob);
    this.staged.set(blobLookupKey(ref.id, ref.recipientSet), ref);
  }
};

// core/store/s3-store.ts
var MANIFEST_NAME = /\/(\d{10})\.json$/;
var AUDIT_ATTEMPTS = 25;
var DAY_MS = 864e5;
var FENCE_WINDOW_MS = 36e5;
var INTENT_MAX_AGE_MS = 18e5;
var PRUNE_BATCH = 500;
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
  /** The read-back of this store's first locked write (ADR 1408): once per opened store. */
  appliedP;
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
    const put = await this.call(
      `writing ${relative}`,
      () => this.client.put(this.key(relative), body, lock)
    );
    await this.checkApplied(relative, put === "exists" ? void 0 : put.versionId, lock);
  }
  async claim(relative, bytes) {
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const [mode, lock] = await Promise.all([this.claimMode(), this.lock()]);
    const { outcome, versionId } = await this.call(
      `writing ${relative}`,
      () => claimS3Key(this.client, mode, this.key(relative), body, lock)
    );
    await this.checkApplied(relative, versionId, lock);
    return outcome;
  }
  /**
   * Reads back the lock of the first locked version this store wrote and refuses when the server
   * applied less than asked (ADR 1408). One HeadObject per opened store: what drops lock headers
   * is the bucket's configuration, the same for every object of a run; a snapshot's first
   * locked write is normally a blob, read back before its manifest is claimed. Every later
   * locked write waits for the answer, so none goes on after a refusal.
   */
  async checkApplied(relative, versionId, lock) {
    if (!lock.retention && !lock.legalHold) return;
    this.appliedP ??= this.call(
      `reading back the lock of ${relative}`,
      async () => checkAppliedLock(
        lock,
        await this.client.lockState(this.key(relative), versionId),
        relative,
        this.location
      )
    );
    await this.appliedP;
  }
  /** Relative keys under `relative` (a folder, ending in "/"). */
  async list(relative) {
    const items = await this.call(
      `listing ${relative}`,
      () => this.client.list(this.key(relative))
    );
    return items.map((item) => ({
      path: item.key.slice(this.where.prefix.length),
      ...item.lastModified ? { lastModified: item.lastModified } : {},
      ...item.size !== void 0 ? { size: item.size } : {}
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
    const [head, auditHead, stored] = await Promise.all([
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
    return new S3WriteView((blob) => this.putBlob(blob), stream, head, auditHead, blobs);
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
      async (node) => await this.nodePresent(node.id) ? null : node
    );
    await mapWithConcurrency(
      missing.filter((node) => node !== null),
      16,
      (node) => this.put(gzipNodePath(node.id), compressNode(node.bytes), true)
    );
    const named = [
      ...commit.blobs.map((blob) => blobPath(blob)),
      ...nodes.map((node) => nodePath(node.id))
    ];
    const intentAt = /* @__PURE__ */ new Date();
    await this.put(
      s3CommitIntentPath(intentAt, randomBytes2(8).toString("hex")),
      JSON.stringify({ stream, seq: commit.seq, paths: named }) + "\n",
      false
    );
    const pruning = await this.pathsBeingPruned();
    if (named.some((path) => pruning.has(path))) return "conflict";
    const seqs = await this.listManifestSeqs(stream);
    if ((seqs.at(-1) ?? 0) !== (commit.view.head?.seq ?? 0)) return "conflict";
    const reusedNodes = nodes.filter((node) => !missing.includes(node));
    if (!await this.allPresent(commit.blobs.map((blob) => blobPath(blob)))) return "conflict";
    const nodesPresent = await mapWithConcurrency(
      reusedNodes,
      16,
      (node) => this.nodePresent(node.id)
    );
    if (!nodesPresent.every(Boolean)) return "conflict";
    if (Date.now() - intentAt.getTime() > INTENT_MAX_AGE_MS) return "conflict";
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
  /** Whether a node is stored, gzip'd or (written before ADR 1106) plain. */
  async nodePresent(id) {
    for (const path of [gzipNodePath(id), nodePath(id)]) {
      const state = await this.call(
        `checking ${path}`,
        () => this.client.lockState(this.key(path))
      );
      if (state !== null) return true;
    }
    return false;
  }
  async readNode(id) {
    const gzipped = await this.get(gzipNodePath(id));
    if (gzipped) return decompressNode(gzipped, `${this.location}${gzipNodePath(id)}`);
    return this.get(nodePath(id));
  }
  async listNodes() {
    const nodes = /* @__PURE__ */ new Map();
    for (const { path, lastModified, size } of await this.list("nodes/")) {
      const id = parseNodeFileName(path.split("/").at(-1) ?? "");
      if (!id || path !== nodePath(id) && path !== gzipNodePath(id)) continue;
      const seen = nodes.get(id);
      const storedBytes = seen?.storedBytes === void 0 || size === void 0 ? seen?.storedBytes ?? size : seen.storedBytes + size;
      const modifiedAt = seen?.modifiedAt ?? lastModified;
      nodes.set(id, {
        id,
        ...modifiedAt ? { modifiedAt } : {},
        ...storedBytes !== void 0 ? { storedBytes } : {}
      });
    }
    return [...nodes.values()];
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
   * Deletes every version of `path` that no lock holds (in a bucket without
   * Object Lock, every version). A version under retention or legal hold is
   * kept and reported in keptLocked.
   */
  async deleteUnlocked(path) {
    const key = this.key(path);
    const versions = await this.call(`listing ${path}`, () => this.client.listVersions(key));
    if (!await this.objectLockEnabled()) {
      if (versions.length === 0) await this.call(`deleting ${path}`, () => this.client.delete(key));
      for (const version of versions)
        await this.call(`deleting ${path}`, () => this.client.delete(key, version.versionId));
      return;
    }
    const now = Date.now();
    for (const version of versions) {
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
  /**
   * Turns the S3 legal hold OFF on every version of `paths` that has one (ADR 1408): a ListObjectVersions per
   * path, a HeadObject per version and a PutObjectLegalHold per held version. Retention is not
   * touched: a version still under retention stays undeletable until it passes. With `dryRun`,
   * only reports what it would lift.
   */
  async liftLegalHolds(paths, dryRun = false) {
    if (!await this.objectLockEnabled()) {
      throw new SnapgateError(
        "USAGE",
        `The bucket of ${this.location} has no Object Lock, so nothing in it has an S3 legal hold.`,
        {
          fix: "Nothing to lift: removing legal_hold from the policy is all a store without Object Lock needs."
        }
      );
    }
    const found = await mapWithConcurrency(paths, 8, async (path) => {
      const key = this.key(path);
      const versions = await this.call(`listing ${path}`, () => this.client.listVersions(key));
      const held = [];
      for (const { versionId } of versions) {
        const state = await this.call(
          `reading the lock of ${path}`,
          () => this.client.lockState(key, versionId)
        );
        if (!state?.legalHold) continue;
        if (!dryRun)
          await this.call(
            `lifting the legal hold of ${path}`,
            () => this.client.setLegalHold(key, versionId, false)
          );
        held.push({ path, versionId });
      }
      return { held, versions: versions.length };
    });
    return {
      lifted: found.flatMap((item) => item.held),
      versions: found.reduce((sum, item) => sum + item.versions, 0)
    };
  }
  /** Relative keys under `folder` newer than FENCE_WINDOW_MS (their names start with the time). */
  async recentUnder(folder, oldest) {
    const since = new Date(Date.now() - FENCE_WINDOW_MS);
    const items = await this.call(
      `listing ${folder}`,
      () => this.client.list(this.key(folder), this.key(oldest(since)))
    );
    return items.map((item) => item.key.slice(this.where.prefix.length));
  }
  /** Fence objects (intents or marks) as written; a damaged one names nothing. */
  async readFences(keys) {
    const bodies = await mapWithConcurrency(keys, 16, (path) => this.get(path));
    return bodies.map((body) => {
      try {
        const fence = JSON.parse(Buffer.from(body ?? []).toString("utf8"));
        return {
          ...typeof fence.stream === "string" ? { stream: fence.stream } : {},
          ...typeof fence.seq === "number" ? { seq: fence.seq } : {},
          paths: Array.isArray(fence.paths) ? fence.paths.map(String) : []
        };
      } catch {
        return { paths: [] };
      }
    });
  }
  /**
   * What snapshot commits of the window name, less those already forgotten: a tombstone exists
   * only for a committed snapshot, whose blobs prune may then take like any forgotten one's.
   */
  async pathsBeingCommitted() {
    const intents = await this.readFences(
      await this.recentUnder("locks/_commit/", (since) => s3CommitIntentPath(since, ""))
    );
    const streams = [...new Set(intents.flatMap((intent) => intent.stream ?? []))];
    const forgotten = new Set(
      (await Promise.all(streams.map((stream) => this.list(`tombstones/${stream}/`)))).flat().map((item) => item.path)
    );
    const paths = /* @__PURE__ */ new Set();
    for (const intent of intents) {
      const tombstone = `tombstones/${intent.stream}/${String(intent.seq).padStart(10, "0")}.json`;
      if (intent.stream && intent.seq && forgotten.has(tombstone)) continue;
      for (const path of intent.paths) paths.add(path);
    }
    return paths;
  }
  /** What unfinished prunes (a mark without its done mark, within the window) are about to delete. */
  async pathsBeingPruned() {
    const keys = await this.recentUnder("locks/_prune/", (since) => s3PruneMarkPath(since, ""));
    const done = new Set(
      keys.filter((key) => key.endsWith("-done")).map((key) => key.slice(0, -"-done".length))
    );
    const marks = await this.readFences(
      keys.filter((key) => !key.endsWith("-done") && !done.has(key))
    );
    return new Set(marks.flatMap((mark) => mark.paths));
  }
  /**
   * Deletes blobs or nodes fenced against concurrent snapshot commits (ADR 1408): put marks naming
   * them (PRUNE_BATCH paths a mark), read the commit intents of the window, withhold every path
   * one names (kept in sparedForCommits), offer the rest to `recheck`, delete what it returns,
   * then put each mark's done twin.
   */
  async deleteFenced(items, pathOf, recheck, remove = (item) => this.deleteUnlocked(pathOf(item))) {
    if (items.length === 0) return;
    if (!recheck) {
      for (const item of items) await remove(item);
      return;
    }
    const at = /* @__PURE__ */ new Date();
    const marks = [];
    for (let start = 0; start < items.length; start += PRUNE_BATCH) {
      const mark = s3PruneMarkPath(at, randomBytes2(8).toString("hex"));
      const paths = items.slice(start, start + PRUNE_BATCH).map(pathOf);
      await this.put(mark, JSON.stringify({ paths }) + "\n", false);
      marks.push(mark);
    }
    try {
      const named = await this.pathsBeingCommitted();
      const offered = items.filter((item) => !named.has(pathOf(item)));
      for (const item of items)
        if (named.has(pathOf(item))) this.sparedForCommits.push(pathOf(item));
      const doomed = await recheck(offered);
      for (const item of doomed) await remove(item);
    } finally {
      for (const mark of marks) await this.put(`${mark}-done`, "{}\n", false);
    }
  }
  async lockOf(path) {
    const state = await this.call(
      `reading the lock of ${path}`,
      () => this.client.lockState(this.key(path))
    );
    const until = state?.retainUntil && state.retainUntil.getTime() > Date.now() ? state.retainUntil : void 0;
    if (!state || !until && !state.legalHold) return null;
    return { ...until ? { until } : {}, legalHold: state.legalHold };
  }
  /** Paths deleteBlobs and deleteNodes withheld because a snapshot in flight names them (ADR 1408). */
  sparedForCommits = [];
  async deleteBlobs(blobs, recheck) {
    await this.deleteFenced(blobs, (blob) => blobPath(blob), recheck);
  }
  async deleteNodes(ids, recheck) {
    await this.deleteFenced(
      ids,
      (id) => nodePath(id),
      recheck,
      async (id) => {
        await this.deleteUnlocked(gzipNodePath(id));
        await this.deleteUnlocked(nodePath(id));
      }
    );
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
