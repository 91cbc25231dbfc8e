import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  compressNode,
  decompressNode
} from "./chunk-PCQS3LOH.js";
import {
  DIR_MODE,
  STALE_TEMP_MS,
  TEMP_PREFIX,
  flushFiles,
  tempPathFor,
  writeFileAtomic,
  writeTempFile
} from "./chunk-CPZT5EG3.js";
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
  parseAuditHeadPointer
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  AUDIT_HEAD_PATH,
  BLOB_DIRECTORIES,
  STORE_FORMAT,
  auditPath,
  blobDirectoryOf,
  blobLookupKey,
  blobPath,
  catalogPath,
  gzipNodePath,
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

// core/store/local-dir-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { renameSync } from "node:fs";
import { access, mkdir as mkdir2, open, readdir, readFile as readFile2, stat as stat2, unlink as unlink2 } from "node:fs/promises";
import { dirname as dirname2, join, resolve, sep } from "node:path";

// core/store/file-lock.ts
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var UNREADABLE_STALE_MS = 2e3;
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function parseOwner(text) {
  try {
    const owner = JSON.parse(text);
    if (typeof owner?.pid === "number" && typeof owner.host === "string" && typeof owner.time === "number" && typeof owner.nonce === "string")
      return owner;
  } catch {
  }
  return void 0;
}
async function readHeld(path) {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, "utf8")]);
    return { ino: info.ino, mtimeMs: info.mtimeMs, owner: parseOwner(text) };
  } catch {
    return void 0;
  }
}
function isStale(held, staleMs, me) {
  const age = Date.now() - held.mtimeMs;
  if (!held.owner) return age > UNREADABLE_STALE_MS;
  if (held.owner.host === me.host && !isAlive(held.owner.pid)) return true;
  return age > staleMs;
}
async function recover(path, held, nonce) {
  const aside = `${path}.stale-${nonce}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await stat(aside).catch(() => void 0);
  if (moved && (moved.ino !== held.ino || moved.mtimeMs !== held.mtimeMs)) {
    await link(aside, path).catch(() => void 0);
  }
  await unlink(aside).catch(() => void 0);
}
function describeHolder(path, held, timeoutMs) {
  const owner = held?.owner;
  const since = owner ? ` since ${new Date(owner.time).toISOString()}` : "";
  const who = owner ? `pid ${owner.pid} on ${owner.host}${since}` : "an unknown holder";
  return new SnapgateError(
    "CONFLICT",
    `The store lock ${path} has been held for over ${timeoutMs / 1e3}s by ${who}.`,
    {
      fix: owner ? `Another Snapgate process (pid ${owner.pid} on ${owner.host}) is writing: wait for it and run this again. If no Snapgate process runs there any more, delete ${path}.` : `Run this again; if it persists and no Snapgate process is writing to the store, delete ${path}.`,
      details: owner ? { pid: owner.pid, host: owner.host, since: owner.time } : {}
    }
  );
}
async function withFileLock(path, fn, options = {}) {
  const timeoutMs = options.timeoutMs ?? 3e4;
  const staleMs = options.staleMs ?? 3e4;
  const me = {
    pid: process.pid,
    host: hostname(),
    time: Date.now(),
    nonce: randomBytes(8).toString("hex")
  };
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const record = tempPathFor(path);
  try {
    await writeFile(record, JSON.stringify(me), { flag: "wx", mode: 420 });
    const deadline = Date.now() + timeoutMs;
    let wait = 2;
    for (; ; ) {
      try {
        await link(record, path);
        break;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
      const held = await readHeld(path);
      if (held && isStale(held, staleMs, me)) {
        await recover(path, held, me.nonce);
        continue;
      }
      if (Date.now() > deadline) throw describeHolder(path, held, timeoutMs);
      await new Promise((resolve2) => setTimeout(resolve2, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 100);
    }
  } finally {
    await unlink(record).catch(() => void 0);
  }
  const heartbeat = setInterval(
    () => {
      const now = /* @__PURE__ */ new Date();
      utimes(path, now, now).catch(() => void 0);
    },
    Math.max(10, staleMs / 3)
  );
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    const held = await readHeld(path);
    if (held?.owner?.nonce === me.nonce) await unlink(path).catch(() => void 0);
  }
}

// core/store/local-dir-store.ts
var MANIFEST_NAME = /^(\d{10})\.json$/;
var PRUNE_EPOCH_PATH = "locks/prune-epoch";
var PRUNE_DELETING = "deleting ";
function pruneMayHaveDeleted(then, now) {
  return then !== now || (now?.startsWith(PRUNE_DELETING) ?? false);
}
async function removeIfStale(path, before, dryRun = false) {
  const info = await stat2(path).catch(() => void 0);
  if (!info?.isFile() || info.mtimeMs >= before) return 0;
  if (!dryRun) await unlink2(path).catch(() => void 0);
  return Math.max(1, info.size);
}
function isMissing(error) {
  return error?.code === "ENOENT";
}
async function readdirOrEmpty(dir) {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error) || error?.code === "ENOTDIR") return [];
    throw error;
  }
}
async function readOrNull(path) {
  try {
    return await readFile2(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
function sameAuditHead(a, b) {
  return (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);
}
var LocalWriteView = class {
  constructor(store, stream, head, auditHead, pruneEpoch) {
    this.store = store;
    this.stream = stream;
    this.head = head;
    this.auditHead = auditHead;
    this.pruneEpoch = pruneEpoch;
  }
  store;
  stream;
  head;
  auditHead;
  pruneEpoch;
  /** Promises, so a listing already under way (a prefetch) is shared, not read twice. */
  blobDirs = /* @__PURE__ */ new Map();
  touchedDirs = /* @__PURE__ */ new Set();
  /** Blobs written to temp files, renamed into place after one durability barrier at commit. */
  pending = [];
  blobsWithPrefix(prefix) {
    let known = this.blobDirs.get(prefix);
    if (!known) {
      const dir = this.store.path(`blobs/${prefix}`);
      known = readdirOrEmpty(dir).then(async (names) => {
        const refs = /* @__PURE__ */ new Map();
        for (const name of names.sort()) {
          const ref = parseBlobFileName(name);
          const key = ref && blobLookupKey(ref.id, ref.recipientSet);
          if (ref && key && !refs.has(key)) refs.set(key, ref);
        }
        const before = Date.now() - STALE_TEMP_MS;
        await Promise.all(
          names.filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => removeIfStale(join(dir, name), before))
        );
        return refs;
      });
      this.blobDirs.set(prefix, known);
    }
    return known;
  }
  async findBlobs(ids, recipientSet) {
    const found = /* @__PURE__ */ new Map();
    await Promise.all(
      [...new Set(ids.map((id) => blobDirectoryOf(id)))].map(
        (prefix) => this.blobsWithPrefix(prefix)
      )
    );
    for (const id of ids) {
      const ref = (await this.blobsWithPrefix(blobDirectoryOf(id))).get(
        blobLookupKey(id, recipientSet)
      );
      if (ref) found.set(id, ref);
    }
    return found;
  }
  async stageBlob(blob) {
    if (this.discarded) return;
    const { ciphertext, ...ref } = blob;
    const dir = this.store.path(`blobs/${blobDirectoryOf(ref.id)}`);
    if (!this.touchedDirs.has(dir)) {
      await mkdir2(dir, { recursive: true, mode: DIR_MODE });
      this.touchedDirs.add(dir);
    }
    const target = this.store.path(blobPath(ref));
    this.pending.push({ temp: await writeTempFile(target, ciphertext, 292), target });
    (await this.blobsWithPrefix(blobDirectoryOf(ref.id))).set(
      blobLookupKey(ref.id, ref.recipientSet),
      ref
    );
  }
  /** One mkdir per prefix directory, shared by every blob sealed into it at the same time. */
  madeDirs = /* @__PURE__ */ new Map();
  async blobStagingDirectory(id) {
    const dir = this.store.path(`blobs/${blobDirectoryOf(id)}`);
    let made = this.madeDirs.get(dir);
    if (!made) {
      made = mkdir2(dir, { recursive: true, mode: DIR_MODE }).then(() => this.touchedDirs.add(dir));
      made.catch(() => this.madeDirs.delete(dir));
      this.madeDirs.set(dir, made);
    }
    await made;
    return dir;
  }
  async blobStagingRoot() {
    const root = this.store.path("blobs");
    await mkdir2(root, { recursive: true, mode: DIR_MODE });
    const folders = new Set(await readdirOrEmpty(root));
    await Promise.all(
      BLOB_DIRECTORIES.map((prefix) => {
        if (folders.has(prefix)) return this.blobsWithPrefix(prefix);
        if (!this.blobDirs.has(prefix)) this.blobDirs.set(prefix, Promise.resolve(/* @__PURE__ */ new Map()));
        return void 0;
      })
    );
    return root;
  }
  async adoptStagedBlob(ref, tempPath) {
    if (this.discarded) return unlink2(tempPath).catch(() => void 0);
    const target = this.store.path(blobPath(ref));
    this.touchedDirs.add(dirname2(target));
    this.pending.push({ temp: tempPath, target });
    (await this.blobsWithPrefix(blobDirectoryOf(ref.id))).set(
      blobLookupKey(ref.id, ref.recipientSet),
      ref
    );
  }
  discarded = false;
  async discard() {
    this.discarded = true;
    await Promise.all(
      this.pending.splice(0).map(({ temp }) => unlink2(temp).catch(() => void 0))
    );
  }
  /**
   * Makes every staged blob and node durable, then gives it its final name:
   * one barrier for all their bytes, the renames, one barrier for the
   * directories the names went into. A blob or node appears under its final
   * name only once its content is durable (ADR 0008), so a crash never leaves
   * a truncated one that a later snapshot would reuse.
   */
  async publishStaged(nodes) {
    const staged = [...this.pending, ...nodes.pending];
    if (staged.length === 0) return;
    const roots = [
      ...this.pending.length > 0 ? [this.store.path("blobs")] : [],
      ...nodes.pending.length > 0 ? [this.store.path("nodes")] : []
    ];
    try {
      await flushFiles(
        roots,
        staged.map((p) => p.temp)
      );
    } catch (error) {
      await Promise.all(nodes.pending.map(({ temp }) => unlink2(temp).catch(() => void 0)));
      throw error;
    }
    this.pending.splice(0);
    for (const { temp, target } of staged) renameSync(temp, target);
    const dirRoots = [
      ...this.touchedDirs.size > 0 ? [this.store.path("blobs")] : [],
      ...nodes.dirs.length > 0 ? [this.store.path("nodes")] : []
    ];
    await flushFiles(dirRoots, [...this.touchedDirs, ...nodes.dirs]);
  }
};
var LocalDirStore = class {
  location;
  armorBlobs = false;
  root;
  constructor(root) {
    this.root = resolve(root);
    this.location = this.root;
  }
  path(relative) {
    return join(this.root, ...relative.split("/"));
  }
  async initialize() {
    if (await this.isStore()) return;
    await mkdir2(this.root, { recursive: true, mode: DIR_MODE });
    const entries = (await readdir(this.root)).filter((name) => !name.startsWith("."));
    if (entries.length > 0) {
      if (await this.isStore()) return;
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.root} is not empty and is not a Snapgate store.`,
        {
          fix: "Point --store at a new or empty directory, or at an existing Snapgate store (it has a snapgate.json)."
        }
      );
    }
    const body = JSON.stringify({ format: STORE_FORMAT, created: (/* @__PURE__ */ new Date()).toISOString() }, null, 2) + "\n";
    await writeFileAtomic(this.path("snapgate.json"), body, { exclusive: true });
  }
  async isStore() {
    const raw = await readOrNull(this.path("snapgate.json"));
    if (raw === null) return false;
    let format;
    try {
      format = JSON.parse(raw.toString("utf8")).format;
    } catch {
      format = void 0;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.root}/snapgate.json is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another directory."
        }
      );
    }
    return true;
  }
  async assertExists() {
    if (!await this.isStore()) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.root}.`, {
        fix: "Check --store (or SNAPGATE_STORE); a store is created by the first `snapgate snapshot`."
      });
    }
  }
  async beginWrite(stream) {
    await this.assertExists();
    const [head, auditHead, pruneEpoch] = await Promise.all([
      this.readHead(stream),
      this.currentAuditHead(),
      this.readPruneEpoch()
    ]);
    return new LocalWriteView(this, stream, head, auditHead, pruneEpoch);
  }
  async readHead(stream) {
    const seqs = await this.headManifestSeqs(stream);
    const seq = seqs.at(-1);
    if (seq === void 0) return null;
    const manifest = await readFile2(this.path(manifestPath(stream, seq)));
    checkHeadManifest(stream, seq, manifest, this.root);
    return { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
  }
  /**
   * Writes the nodes the store lacks, gzip'd (ADR 1106), as temp files that
   * publishStaged makes durable and renames with the blobs, so no node
   * appears under its name half-written. Nothing names them until the root
   * commits. A node an older writer kept as plain JSON is present already.
   */
  async stageNodes(nodes) {
    const missing = (await mapWithConcurrency(
      nodes,
      32,
      async (node) => await this.nodePresent(node.id) ? null : node
    )).filter((node) => node !== null);
    if (missing.length === 0) return { pending: [], dirs: [] };
    const dirs = [...new Set(missing.map((node) => this.path(nodePath(node.id).slice(0, 8))))];
    await Promise.all(dirs.map((dir) => mkdir2(dir, { recursive: true, mode: DIR_MODE })));
    const pending = await mapWithConcurrency(missing, 16, async (node) => {
      const target = this.path(gzipNodePath(node.id));
      return { temp: await writeTempFile(target, compressNode(node.bytes), 292), target };
    });
    return { pending, dirs };
  }
  /** Whether a node is stored, gzip'd or (written before ADR 1106) plain. */
  async nodePresent(id) {
    return await this.allPresent([gzipNodePath(id)]) || await this.allPresent([nodePath(id)]);
  }
  async commitSnapshot(commit) {
    await commit.view.publishStaged(await this.stageNodes(commit.nodes ?? []));
    return withFileLock(this.path("locks/commit.lock"), async () => {
      const seqs = await this.listManifestSeqs(commit.view.stream);
      if ((seqs.at(-1) ?? 0) !== (commit.view.head?.seq ?? 0)) return "conflict";
      if (!sameAuditHead(await this.currentAuditHead(), commit.view.auditHead)) return "conflict";
      const view = commit.view;
      if (pruneMayHaveDeleted(view.pruneEpoch, await this.readPruneEpoch()) && !(await this.allBlobsPresent(commit.blobs) && (await mapWithConcurrency(commit.nodes ?? [], 32, (node) => this.nodePresent(node.id))).every(Boolean)))
        return "conflict";
      const target = this.path(manifestPath(commit.view.stream, commit.seq));
      if (!await writeFileAtomic(target, commit.manifest, { mode: 292, exclusive: true }))
        return "conflict";
      await this.appendDurably(
        catalogPath(commit.view.stream, commit.time),
        JSON.stringify(commit.catalogEntry) + "\n"
      );
      await writeFileAtomic(this.path(headPath(commit.view.stream)), headPointerText(commit));
      if (commit.auditLines.length > 0)
        await this.appendAuditUnlocked(commit.auditLines, commit.time);
      return "committed";
    });
  }
  /** Appends lines; a torn last line left by a crash is closed first so it cannot swallow the next one. */
  async appendDurably(relative, text) {
    const target = this.path(relative);
    await mkdir2(join(target, ".."), { recursive: true, mode: DIR_MODE });
    const handle = await open(target, "a+", 420);
    try {
      const { size } = await handle.stat();
      let prefix = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 10) prefix = "\n";
      }
      await handle.write(prefix + text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  async listStreams() {
    return (await readdirOrEmpty(this.path("manifests"))).filter((name) => !name.startsWith(".")).sort();
  }
  async readCatalog(stream) {
    const shards = (await readdirOrEmpty(this.path(`catalog/${stream}`))).filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name)).sort();
    const texts = await Promise.all(
      shards.map(async (name) => {
        const path = `catalog/${stream}/${name}`;
        return { path, text: await readFile2(this.path(path), "utf8") };
      })
    );
    const entries = parseCatalogLines(texts, stream);
    await this.headManifestSeqs(stream);
    return entries;
  }
  /**
   * The stream's manifest seqs, after checking that the manifest the head
   * pointer names exists. The pointer is written after its manifest, so it is
   * never ahead of the manifests unless one was deleted.
   */
  async headManifestSeqs(stream) {
    const raw = await readOrNull(this.path(headPath(stream)));
    const seqs = await this.listManifestSeqs(stream);
    checkHeadPointer(stream, raw, seqs, this.root);
    return seqs;
  }
  async readStreamIndex(stream) {
    const [catalog, manifestSeqs, tombstones, verifications, blobs, locks, drills, signoffs] = await Promise.all([
      this.readCatalog(stream),
      this.listManifestSeqs(stream),
      readdirOrEmpty(this.path(`tombstones/${stream}`)),
      readdirOrEmpty(this.path(`verifications/${stream}`)),
      this.listBlobs(),
      readdirOrEmpty(this.path(`locks/${stream}`)),
      readdirOrEmpty(this.path(`drills/${stream}`)),
      readdirOrEmpty(this.path(`drills/${stream}/signoffs`))
    ]);
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: tombstones.map((name) => /^(\d{10})\.json$/.exec(name)?.[1]).filter((seq) => seq !== void 0).map(Number).sort((a, b) => a - b),
      verifications: verifications.filter((name) => name.endsWith(".json")).map((name) => `verifications/${stream}/${name}`),
      blobs: blobs.map(({ modifiedAt: _modifiedAt, ...ref }) => ref),
      locks: locks.filter((name) => name.endsWith(".json")).map((name) => `locks/${stream}/${name}`),
      drills: [
        ...drills.filter((name) => name.endsWith(".json")).map((name) => `drills/${stream}/${name}`),
        ...signoffs.filter((name) => name.endsWith(".json")).map((name) => `drills/${stream}/signoffs/${name}`)
      ]
    };
  }
  async listManifestSeqs(stream) {
    const seqs = [];
    for (const name of await readdirOrEmpty(this.path(`manifests/${stream}`))) {
      const match = MANIFEST_NAME.exec(name);
      if (match?.[1]) seqs.push(Number(match[1]));
    }
    return seqs.sort((a, b) => a - b);
  }
  async readManifest(stream, seq) {
    return readOrNull(this.path(manifestPath(stream, seq)));
  }
  async readBlob(blob) {
    return readOrNull(this.path(blobPath(blob)));
  }
  blobFilePath(blob) {
    return this.path(blobPath(blob));
  }
  async putBlob(blob) {
    const { ciphertext, ...ref } = blob;
    await writeFileAtomic(this.path(blobPath(ref)), ciphertext, { mode: 292, exclusive: true });
  }
  async putBlobs(blobs) {
    await mapWithConcurrency(blobs, 16, async (blob) => {
      await mkdir2(this.path(blobPath(blob).slice(0, 8)), { recursive: true, mode: DIR_MODE });
      await this.putBlob(blob);
    });
  }
  async readNode(id) {
    const gzipped = await readOrNull(this.path(gzipNodePath(id)));
    if (gzipped) return decompressNode(gzipped, `${this.root}/${gzipNodePath(id)}`);
    return readOrNull(this.path(nodePath(id)));
  }
  /** One entry per node id: a node kept both plain and gzip'd (an interrupted upgrade) counts both files' bytes. */
  async listNodes() {
    const nodes = /* @__PURE__ */ new Map();
    for (const prefix of (await readdirOrEmpty(this.path("nodes"))).sort()) {
      for (const name of (await readdirOrEmpty(this.path(`nodes/${prefix}`))).sort()) {
        const id = parseNodeFileName(name);
        if (!id) continue;
        const info = await stat2(this.path(`nodes/${prefix}/${name}`)).catch(() => void 0);
        const seen = nodes.get(id);
        const storedBytes = (seen?.storedBytes ?? 0) + (info?.size ?? 0);
        const modifiedAt = info && seen?.modifiedAt && seen.modifiedAt > info.mtime ? seen.modifiedAt : info?.mtime;
        nodes.set(id, { id, ...modifiedAt ? { modifiedAt } : {}, storedBytes });
      }
    }
    return [...nodes.values()];
  }
  async listBlobs(options = {}) {
    const prefixes = (await readdirOrEmpty(this.path("blobs"))).sort();
    const names = await mapWithConcurrency(
      prefixes,
      16,
      async (prefix) => (await readdirOrEmpty(this.path(`blobs/${prefix}`))).sort().map((name) => ({
        ref: parseBlobFileName(name),
        path: this.path(`blobs/${prefix}/${name}`)
      }))
    );
    const found = names.flat().filter((entry) => entry.ref !== void 0);
    if (options.modifiedAt === false) return found.map(({ ref }) => ref);
    return mapWithConcurrency(found, 32, async ({ ref, path }) => {
      const info = await stat2(path).catch(() => void 0);
      return info ? { ...ref, modifiedAt: info.mtime } : ref;
    });
  }
  async clearStaleTempFiles(before, options = {}) {
    const sweep = { files: 0, bytes: 0, strays: [] };
    const blobs = this.path("blobs");
    const walk = async (dir) => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      await mapWithConcurrency(entries, 16, async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        if (!entry.name.startsWith(TEMP_PREFIX)) {
          if (path.startsWith(blobs + sep) && !parseBlobFileName(entry.name))
            sweep.strays.push(
              path.slice(this.root.length + 1).split(sep).join("/")
            );
          return;
        }
        const size = await removeIfStale(path, before.getTime(), options.dryRun);
        if (size > 0) {
          sweep.files += 1;
          sweep.bytes += size;
        }
      });
    };
    await walk(this.root);
    sweep.strays.sort();
    return sweep;
  }
  async deleteBlobs(blobs, recheck) {
    if (blobs.length === 0) return;
    await withFileLock(this.path("locks/commit.lock"), async () => {
      const epoch = `${Date.now()}-${randomBytes2(8).toString("hex")}`;
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `${PRUNE_DELETING}${epoch}
`);
      const doomed = recheck ? await recheck(blobs) : blobs;
      for (const blob of doomed) {
        await unlink2(this.path(blobPath(blob))).catch((error) => {
          if (!isMissing(error)) throw error;
        });
      }
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `done ${epoch}
`);
    });
  }
  /** Nodes go as blobs do: under the commit lock, between prune's `deleting` and `done` marks. */
  async deleteNodes(ids, recheck) {
    if (ids.length === 0) return;
    await withFileLock(this.path("locks/commit.lock"), async () => {
      const epoch = `${Date.now()}-${randomBytes2(8).toString("hex")}`;
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `${PRUNE_DELETING}${epoch}
`);
      const doomed = recheck ? await recheck(ids) : ids;
      for (const path of doomed.flatMap((id) => [gzipNodePath(id), nodePath(id)])) {
        await unlink2(this.path(path)).catch((error) => {
          if (!isMissing(error)) throw error;
        });
      }
      await writeFileAtomic(this.path(PRUNE_EPOCH_PATH), `done ${epoch}
`);
    });
  }
  async allPresent(paths) {
    const present = await mapWithConcurrency(
      paths,
      32,
      (path) => access(this.path(path)).then(
        () => true,
        () => false
      )
    );
    return present.every(Boolean);
  }
  async readPruneEpoch() {
    const raw = await readOrNull(this.path(PRUNE_EPOCH_PATH));
    return raw === null ? null : raw.toString("utf8");
  }
  async allBlobsPresent(blobs) {
    const present = await mapWithConcurrency(
      blobs,
      32,
      (blob) => access(this.path(blobPath(blob))).then(
        () => true,
        () => false
      )
    );
    return present.every(Boolean);
  }
  async auditFiles() {
    const files = [];
    for (const year of (await readdirOrEmpty(this.path("audit"))).filter((y) => /^\d{4}$/.test(y)).sort()) {
      for (const month of (await readdirOrEmpty(this.path(`audit/${year}`))).sort()) {
        if (/^\d{2}\.jsonl$/.test(month)) files.push(`audit/${year}/${month}`);
      }
    }
    return files;
  }
  async readAuditLines() {
    const lines = [];
    for (const file of await this.auditFiles()) {
      const raw = await readFile2(this.path(file), "utf8");
      lines.push(...raw.split("\n").filter((line) => line.trim() !== ""));
    }
    return lines;
  }
  async currentAuditHead() {
    const last = (await this.auditFiles()).at(-1);
    if (!last) return null;
    const lines = (await readFile2(this.path(last), "utf8")).split("\n").filter((line2) => line2.trim() !== "");
    const line = lines.at(-1);
    return line ? auditHeadOfLine(line) ?? null : null;
  }
  async recordedAuditHead() {
    return parseAuditHeadPointer(await readOrNull(this.path(AUDIT_HEAD_PATH)));
  }
  async appendAudit(expected, lines, time) {
    return withFileLock(this.path("locks/commit.lock"), async () => {
      if (!sameAuditHead(await this.currentAuditHead(), expected)) return "conflict";
      await this.appendAuditUnlocked(lines, time);
      return "committed";
    });
  }
  /** Appends to the month file of `time`, or to the newest file if a writer's clock is behind. */
  async appendAuditUnlocked(lines, time) {
    const newest = (await this.auditFiles()).at(-1);
    const byTime = auditPath(time);
    const target = newest && newest > byTime ? newest : byTime;
    await this.appendDurably(target, lines.map((line) => `${line}
`).join(""));
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    if (head)
      await writeFileAtomic(
        this.path(AUDIT_HEAD_PATH),
        JSON.stringify({ ...head, file: target }) + "\n"
      );
  }
  async writeRecords(records) {
    for (const record of records) assertRecordPath(record.path);
    for (const record of records) {
      const written = await writeFileAtomic(this.path(record.path), record.bytes, {
        mode: 292,
        exclusive: true
      });
      if (!written) {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${record.path} already exists in ${this.root}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name."
          }
        );
      }
    }
  }
  async readRecord(path) {
    assertRecordPath(path);
    return readOrNull(this.path(path));
  }
  async listRecords(prefix) {
    assertRecordPath(`${prefix.replace(/\/$/, "")}/x`);
    const found = [];
    const walk = async (relative) => {
      for (const entry of await readdir(this.path(relative), { withFileTypes: true }).catch(
        (error) => {
          if (isMissing(error)) return [];
          throw error;
        }
      )) {
        if (entry.name.startsWith(TEMP_PREFIX)) continue;
        const child = `${relative}/${entry.name}`;
        if (entry.isDirectory()) await walk(child);
        else found.push(child);
      }
    };
    await walk(prefix.replace(/\/$/, ""));
    return found.sort();
  }
};

export {
  LocalDirStore
};
