import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  BlobSealer,
  encodeContent,
  writeSealedTempFile
} from "./chunk-IEOR2R4X.js";
import {
  readCollectedFile,
  scanTree
} from "./chunk-C266N7X3.js";
import {
  diffFileStates,
  isEmptyDiff
} from "./chunk-MS7OGOB6.js";
import {
  CryptoPool
} from "./chunk-7RENLTOI.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  signManifest
} from "./chunk-PP22UWMA.js";
import {
  catalogEntryOf
} from "./chunk-DENSVYIT.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  MANIFEST_NODE_FORMAT,
  MANIFEST_NODE_V2_FORMAT,
  MANIFEST_V2_FORMAT,
  PHASES,
  STREAM_PATTERN
} from "./chunk-MVZIGVV4.js";
import {
  chainAuditEvents
} from "./chunk-2NBA2BLU.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/create-snapshot.ts
import { unlink } from "node:fs/promises";

// core/crypto/create-sealer.ts
async function createSealer(recipients, options) {
  const armor = options.armor ?? false;
  const pool = await CryptoPool.start(
    options.workerUrl,
    { recipients: [...recipients], armor, ...options.macKey ? { macKey: options.macKey } : {} },
    options.expectedBlobs
  );
  if (pool) {
    return {
      async seal(plaintext, compress, writeInto, sealOptions) {
        const reply = await pool.request(
          { kind: "seal", plaintext, compress, ...writeInto ? { writeInto } : {} },
          sealOptions?.transfer && plaintext.buffer instanceof ArrayBuffer ? [plaintext.buffer] : []
        );
        const sealed = reply.sealed;
        return {
          ...sealed,
          ciphertext: new Uint8Array(sealed.ciphertext),
          size: sealed.size ?? sealed.ciphertext.byteLength,
          ...typeof reply.tempPath === "string" ? { tempPath: reply.tempPath } : {}
        };
      },
      ...options.macKey ? {
        async sealFile(file) {
          const reply = await pool.request({ kind: "sealFile", file });
          return reply.unread ? void 0 : reply.sealedFile;
        }
      } : {},
      close: () => pool.close(),
      mode: "pool"
    };
  }
  const local = await BlobSealer.create(recipients, { armor });
  return {
    async seal(plaintext, compress, writeInto) {
      const sealed = await local.seal(plaintext, compress);
      if (!writeInto) return { ...sealed, size: sealed.ciphertext.length };
      const tempPath = writeSealedTempFile(writeInto, sealed.ciphertext);
      return { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length, tempPath };
    },
    close: async () => void 0,
    mode: "thread"
  };
}

// core/snapshot/build-manifest-nodes.ts
import { createHash } from "node:crypto";
var BOUNDARY_BELOW = 256 / 16;
var MAX_NODE_FILES = 64;
function buildManifestNodes(entries, shape = {
  boundaryBelow: BOUNDARY_BELOW,
  maxFiles: MAX_NODE_FILES
}) {
  const ids = [];
  const files = /* @__PURE__ */ new Map();
  let run = [];
  const close = () => {
    if (run.length === 0) return;
    const packed = run.some((entry) => entry.type === "file" && entry.pack !== void 0);
    const node = {
      format: packed ? MANIFEST_NODE_V2_FORMAT : MANIFEST_NODE_FORMAT,
      files: run
    };
    const bytes = new TextEncoder().encode(JSON.stringify(node));
    const id = sha256Hex(bytes);
    ids.push(id);
    if (!files.has(id)) files.set(id, { id, bytes });
    run = [];
  };
  for (const entry of entries) {
    run.push(entry);
    const cut = (createHash("sha256").update(entry.path).digest()[0] ?? 0) < shape.boundaryBelow;
    if (cut || run.length >= shape.maxFiles) close();
  }
  close();
  return { ids, files: [...files.values()] };
}

// core/snapshot/build-pack.ts
function buildPack(members) {
  const parts = [];
  const slices = [];
  let offset = 0;
  for (const { content, compress } of members) {
    const { payload, encoding } = encodeContent(content, compress);
    parts.push(payload);
    slices.push({ offset, length: payload.length, encoding });
    offset += payload.length;
  }
  return { plaintext: Buffer.concat(parts), slices };
}

// core/snapshot/confirm-packed.ts
async function confirmPacked(view, known, ids, recipientSet) {
  const candidates = /* @__PURE__ */ new Map();
  const packs = /* @__PURE__ */ new Set();
  for (const id of ids) {
    const content = known.get(id);
    if (!content?.pack || content.ref.recipientSet !== recipientSet) continue;
    candidates.set(id, content);
    packs.add(content.ref.id);
  }
  if (candidates.size === 0) return candidates;
  const present = await view.findBlobs([...packs], recipientSet);
  for (const [id, { ref }] of candidates)
    if (present.get(ref.id)?.sha256 !== ref.sha256) candidates.delete(id);
  return candidates;
}

// core/snapshot/packed-contents-of.ts
function packedContentsOf(manifest) {
  const packed = /* @__PURE__ */ new Map();
  for (const file of manifest.files) {
    if (file.type !== "file" || !file.pack) continue;
    packed.set(file.blob, { ref: blobRefOf(file), encoding: file.encoding, pack: file.pack });
  }
  return packed;
}

// core/snapshot/plan-packs.ts
var MIN_PACKED_BLOBS = 32;
var MAX_PACKED_FILE_BYTES = 1024 * 1024;
var MAX_PACK_MEMBERS = 64;
var MAX_PACK_BYTES = 4 * 1024 * 1024;
var BOUNDARY_BELOW2 = 256 / 32;
function planPacks(blobs, sizeOf, idOf = () => "ff") {
  const fits = blobs.filter((blob) => sizeOf(blob) <= MAX_PACKED_FILE_BYTES);
  if (fits.length < MIN_PACKED_BLOBS) return { packs: [], alone: [...blobs] };
  const packs = [];
  let current = [];
  let bytes = 0;
  for (const blob of fits) {
    current.push(blob);
    bytes += sizeOf(blob);
    const boundary = Number.parseInt(idOf(blob).slice(0, 2), 16) < BOUNDARY_BELOW2;
    if (boundary || current.length >= MAX_PACK_MEMBERS || bytes >= MAX_PACK_BYTES) {
      packs.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) packs.push(current);
  return { packs, alone: blobs.filter((blob) => sizeOf(blob) > MAX_PACKED_FILE_BYTES) };
}

// core/snapshot/create-snapshot.ts
var MAX_ATTEMPTS = 25;
var MIN_FILES_TO_PRESTART = 200;
function validateOptions(options) {
  if (!STREAM_PATTERN.test(options.stream)) {
    throw new SnapgateError("USAGE", `'${options.stream}' is not a valid environment name.`, {
      fix: "Use lower-case letters, digits, '.', '_' and '-' (at most 63 characters), e.g. prod or eu-staging."
    });
  }
  if (!PHASES.includes(options.phase)) {
    throw new SnapgateError("USAGE", `'${options.phase}' is not a snapshot phase.`, {
      fix: `Use one of ${PHASES.join(", ")}.`
    });
  }
  if (options.paths.length === 0) {
    throw new SnapgateError("USAGE", "No paths to snapshot were given.", {
      fix: "Name the files, directories or globs to back up, e.g. deploy/prod terraform/prod."
    });
  }
}
function normalizeMetadata(stream, metadata) {
  const result = {
    environment: stream,
    tags: [...new Set(metadata?.tags ?? [])].sort()
  };
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (key === "tags" || key === "environment" || value === void 0 || value === "") continue;
    result[key] = value;
  }
  return result;
}
function assertRecipients(recipients) {
  if (recipients.length === 0) {
    throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
      fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup."
    });
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
}
async function prepare(options, knownBlobs, recipientSet, onFound, sealFile) {
  const progress = options.onProgress ?? (() => void 0);
  const tree = options.tree ?? await scanTree({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories,
    macKey: options.writerKey.macKey,
    classify: options.classify,
    maxFileBytes: options.maxFileBytes,
    statCache: options.statCache,
    now: options.now,
    onProgress: progress,
    ...knownBlobs ? { knownBlobs } : {},
    ...onFound ? { onFound } : {},
    ...sealFile ? { sealFile } : {}
  });
  return {
    options,
    files: tree.files,
    states: tree.states,
    emptyDirectories: tree.emptyDirectories ?? [],
    uniqueIds: tree.uniqueIds,
    recipientSet,
    base: {
      stream: options.stream,
      files: tree.files.length,
      bytes: tree.bytes,
      excluded: tree.excluded,
      skippedFiles: tree.skipped,
      cachedFiles: tree.cachedFiles
    },
    scannedAtMs: tree.scannedAtMs,
    progress
  };
}
async function stageMissingBlobs(prepared, view, sealers, counts, sealedEarly, packed) {
  const { files, progress, options } = prepared;
  const located = /* @__PURE__ */ new Map();
  const findPacked = async (ids) => {
    const confirmed = await confirmPacked(view, packed.known, ids, prepared.recipientSet);
    for (const [id, content] of confirmed) located.set(id, content);
  };
  const findAlone = async (ids) => {
    if (ids.length === 0) return;
    for (const [id, ref] of await view.findBlobs(ids, prepared.recipientSet))
      located.set(id, { ref, encoding: ref.encoding });
  };
  const inPacks = prepared.uniqueIds.filter((id) => packed.known.has(id));
  await Promise.all([
    findPacked(inPacks),
    findAlone(prepared.uniqueIds.filter((id) => !packed.known.has(id)))
  ]);
  await findAlone(inPacks.filter((id) => !located.has(id)));
  const unresolved = prepared.uniqueIds.filter((id) => !located.has(id));
  if (unresolved.length >= MIN_PACKED_BLOBS && view.head && !packed.headRead) {
    packed.headRead = true;
    const head = packed.head ?? await openManifest(
      options.store,
      await view.head.loadManifest(),
      `manifest ${options.stream}@${view.head.seq}`
    );
    for (const [id, content] of packedContentsOf(head))
      if (!packed.known.has(id)) packed.known.set(id, content);
    await findPacked(unresolved);
  }
  const seen = /* @__PURE__ */ new Set();
  const missing = files.filter((entry) => {
    if (entry.blob === void 0 || located.has(entry.blob) || seen.has(entry.blob)) return false;
    seen.add(entry.blob);
    return true;
  });
  const { packs, alone } = options.packs === false || missing.some((entry) => entry.sealed) ? { packs: [], alone: missing } : planPacks(
    missing,
    (entry) => entry.file.size,
    (entry) => entry.blob
  );
  const total = missing.length;
  const expectedBlobs = packs.length + alone.length;
  let sealed = 0;
  await mapWithConcurrency(alone, 16, async (entry) => {
    const blob = entry.sealed && view.adoptStagedBlob ? takeSealedEarly(entry, sealedEarly) : await sealHere(prepared, view, sealers, entry, expectedBlobs);
    const ref = {
      id: entry.blob,
      sha256: blob.sha256,
      encoding: blob.encoding,
      recipientSet: prepared.recipientSet
    };
    await stage(view, ref, blob);
    located.set(ref.id, { ref, encoding: ref.encoding });
    counts.newBlobs += 1;
    counts.bytesAdded += blob.size;
    delete entry.content;
    progress({ stage: "encrypt", done: ++sealed, total });
  });
  const built = packs.map((members) => {
    const pack = buildPack(
      members.map((entry) => ({
        content: contentToSeal(prepared, entry),
        compress: !entry.classification.secret
      }))
    );
    for (const entry of members) delete entry.content;
    return { members, pack, id: computeBlobId(options.writerKey.macKey, pack.plaintext) };
  });
  const held = built.length > 0 ? await view.findBlobs(
    built.map(({ id }) => id),
    prepared.recipientSet
  ) : /* @__PURE__ */ new Map();
  await mapWithConcurrency(built, 2, async ({ members, pack, id }) => {
    const stored = held.get(id);
    let ref;
    if (stored?.encoding === "none") {
      ref = stored;
    } else {
      const blob = await sealBlob(
        prepared,
        view,
        sealers,
        id,
        pack.plaintext,
        false,
        expectedBlobs
      );
      ref = { id, sha256: blob.sha256, encoding: "none", recipientSet: prepared.recipientSet };
      await stage(view, ref, blob);
      counts.newBlobs += members.length;
      counts.bytesAdded += blob.size;
    }
    members.forEach((entry, index) => {
      const slice = pack.slices[index];
      const content = {
        ref,
        encoding: slice.encoding,
        pack: { blob: id, offset: slice.offset, length: slice.length }
      };
      located.set(entry.blob, content);
      packed.known.set(entry.blob, content);
    });
    sealed += members.length;
    progress({ stage: "encrypt", done: sealed, total });
  });
  return located;
}
async function stage(view, ref, blob) {
  if (blob.tempPath && view.adoptStagedBlob) await view.adoptStagedBlob(ref, blob.tempPath);
  else await view.stageBlob({ ...ref, ciphertext: blob.ciphertext });
}
function takeSealedEarly(entry, sealedEarly) {
  const early = entry.sealed;
  sealedEarly.delete(early.tempPath);
  delete entry.sealed;
  return {
    ciphertext: new Uint8Array(0),
    sha256: early.sha256,
    encoding: early.encoding,
    size: early.sealedSize,
    tempPath: early.tempPath
  };
}
async function sealHere(prepared, view, sealers, entry, expectedBlobs) {
  const content = contentToSeal(prepared, entry);
  return sealBlob(
    prepared,
    view,
    sealers,
    entry.blob,
    content,
    !entry.classification.secret,
    expectedBlobs,
    // Content read here is this snapshot's own, and allocUnsafe takes 4 KiB or more outside
    // Node's shared pool: such a buffer moves to a crypto worker instead of being copied.
    content.byteLength >= Buffer.poolSize >>> 1
  );
}
function contentToSeal(prepared, entry) {
  const { options } = prepared;
  const content = entry.content ?? readCollectedFile(entry.file, options.maxFileBytes).content;
  if (content.length !== entry.file.size || !entry.content && computeBlobId(options.writerKey.macKey, content) !== entry.blob) {
    throw new SnapgateError(
      "CONFLICT",
      `${entry.file.path} changed while the snapshot was being taken.`,
      {
        fix: "Run the snapshot again once whatever writes the configuration has finished (if the file did not change, run it with --no-cache: the stat cache was wrong)."
      }
    );
  }
  return content;
}
async function sealBlob(prepared, view, sealers, id, plaintext, compress, expectedBlobs, transfer = false) {
  const { options } = prepared;
  sealers.current ??= createSealer(options.recipients, {
    workerUrl: options.sealWorkerUrl,
    expectedBlobs,
    armor: options.store.armorBlobs
  });
  const writeInto = view.adoptStagedBlob ? await view.blobStagingDirectory?.(id) : void 0;
  return (await sealers.current).seal(plaintext, compress, writeInto, { transfer });
}
function fileEntries(files, located) {
  return files.map(({ file, blob, classification }) => {
    const classes = {};
    if (classification.component) classes.component = classification.component;
    if (classification.tier) classes.tier = classification.tier;
    if (classification.owner) classes.owner = classification.owner;
    if (file.type === "symlink")
      return { type: "symlink", path: file.path, target: file.target ?? "", ...classes };
    const { ref, encoding, pack } = located.get(blob);
    return {
      type: "file",
      path: file.path,
      mode: file.mode,
      size: file.size,
      blob,
      encoding,
      ciphertextSha256: ref.sha256,
      ...ref.recipientSet ? { recipientSet: ref.recipientSet } : {},
      ...pack ? { pack } : {},
      ...classes
    };
  });
}
function storedObjects(located) {
  return [...new Map([...located.values()].map(({ ref }) => [blobPath(ref), ref])).values()];
}
async function createSnapshot(options) {
  validateOptions(options);
  assertRecipients(options.recipients);
  const recipients = [...new Set(options.recipients)];
  const recipientSet = recipientSetId(recipients);
  let view = await beginWriteOrInitialize(options.store, options.stream);
  const sealers = {};
  const sealedEarly = /* @__PURE__ */ new Set();
  let committed = false;
  try {
    const previous = options.skipUnchanged && view.head ? await readPreviousManifest(
      options.store,
      await view.head.loadManifest(),
      `manifest ${options.stream}@${view.head.seq}`,
      options.statCache
    ) : null;
    const knownBlobs = previous ? new Set(
      previous.manifest.files.flatMap(
        (file) => file.type === "file" && file.recipientSet === recipientSet ? [file.blob] : []
      )
    ) : void 0;
    if (knownBlobs) view.findBlobs([...knownBlobs], recipientSet).catch(() => void 0);
    const packs = options.packs !== false;
    const prestart = (files) => {
      if (packs || files < MIN_FILES_TO_PRESTART || view.head || sealers.current) return;
      sealers.current = createSealer(options.recipients, {
        workerUrl: options.sealWorkerUrl,
        expectedBlobs: files,
        armor: options.store.armorBlobs,
        // A file store takes temp files its workers wrote: they may read and seal the files too.
        ...view.blobStagingRoot && view.adoptStagedBlob ? { macKey: options.writerKey.macKey } : {}
      });
      sealers.current.catch(() => void 0);
    };
    const blobsRoot = view.head || packs ? void 0 : view.blobStagingRoot?.();
    blobsRoot?.catch(() => void 0);
    const sealFile = async (file, classification, maxBytes) => {
      const sealer = blobsRoot && sealers.current ? await sealers.current.catch(() => void 0) : void 0;
      if (!sealer?.sealFile || !blobsRoot) return void 0;
      const sealed = await sealer.sealFile({
        absolute: file.absolute,
        shown: file.path,
        ...file.dev !== void 0 && file.stamp ? { expect: { dev: file.dev, ino: file.stamp.ino } } : {},
        maxBytes,
        compress: !classification.secret,
        blobsRoot: await blobsRoot
      });
      if (sealed) sealedEarly.add(sealed.tempPath);
      return sealed;
    };
    const prepared = await prepare(
      {
        ...options,
        onProgress: (progress) => {
          if (progress.stage === "scan") prestart(progress.total);
          options.onProgress?.(progress);
        }
      },
      knownBlobs,
      recipientSet,
      prestart,
      blobsRoot ? sealFile : void 0
    );
    if (options.skipUnchanged && view.head && previous) {
      const samePolicy = previous.manifest.policyDigest === (options.policyDigest ?? null);
      const sameDirectories = (previous.manifest.emptyDirectories ?? []).join("\0") === prepared.emptyDirectories.join("\0");
      const sameRecipients = previous.manifest.files.every(
        (file) => file.type !== "file" || file.recipientSet === recipientSet
      );
      if (samePolicy && sameDirectories && sameRecipients && recipientSetId(previous.manifest.recipients) === recipientSet && isEmptyDiff(diffFileStates(previous.manifest.files, prepared.states))) {
        options.statCache?.save(
          prepared.files,
          prepared.scannedAtMs,
          previous.sha256,
          packedContentsOf(previous.manifest)
        );
        return {
          ...prepared.base,
          skipped: true,
          id: view.head.sha256,
          seq: view.head.seq,
          previousId: view.head.sha256,
          newBlobs: 0,
          reusedBlobs: 0,
          bytesAdded: 0,
          manifest: previous.manifest,
          attempts: 1
        };
      }
    }
    const now = options.now ?? (() => /* @__PURE__ */ new Date());
    const counts = { newBlobs: 0, bytesAdded: 0 };
    const packed = {
      // What the last snapshot of this root packed: usually all this one reuses (ADR 1114).
      known: options.statCache?.packedContents() ?? /* @__PURE__ */ new Map(),
      headRead: false,
      ...previous ? { head: previous.manifest } : {}
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await stageMissingBlobs(prepared, view, sealers, counts, sealedEarly, packed);
      const written = now();
      const files = fileEntries(prepared.files, stored);
      const nodes = buildManifestNodes(files);
      const body = {
        format: MANIFEST_V2_FORMAT,
        stream: options.stream,
        seq: (view.head?.seq ?? 0) + 1,
        prev: view.head?.sha256 ?? null,
        phase: options.phase,
        time: (options.time ?? written).toISOString(),
        writtenAt: written.toISOString(),
        metadata: normalizeMetadata(options.stream, options.metadata),
        policyDigest: options.policyDigest ?? null,
        recipients,
        recipientSets: { [recipientSet]: { recipients: [...recipients].sort() } },
        nodes: nodes.ids,
        ...prepared.emptyDirectories.length ? { emptyDirectories: prepared.emptyDirectories } : {},
        ...options.consistency ? { consistency: options.consistency } : {},
        ...options.coverage ? { coverage: options.coverage } : {}
      };
      const root = signManifest(await loadSodium(), body, options.writerKey);
      const manifestBytes = new TextEncoder().encode(JSON.stringify(root));
      const manifest = { ...root, files };
      const id = sha256Hex(manifestBytes);
      const audit = chainAuditEvents(view.auditHead, [
        snapshotAuditEvent(manifest, id, written, counts.newBlobs)
      ]);
      prepared.progress({ stage: "commit", done: 0, total: 1 });
      const outcome = await options.store.commitSnapshot({
        view,
        seq: body.seq,
        manifest: manifestBytes,
        blobs: storedObjects(stored),
        nodes: nodes.files,
        catalogEntry: catalogEntryOf(manifest, id),
        auditLines: audit.lines,
        time: written
      });
      if (outcome === "committed") {
        committed = true;
        prepared.progress({ stage: "commit", done: 1, total: 1 });
        options.statCache?.save(prepared.files, prepared.scannedAtMs, id, stored);
        return {
          ...prepared.base,
          skipped: false,
          id,
          seq: body.seq,
          previousId: view.head?.sha256 ?? null,
          newBlobs: counts.newBlobs,
          reusedBlobs: prepared.uniqueIds.length - counts.newBlobs,
          bytesAdded: counts.bytesAdded,
          manifest,
          attempts: attempt
        };
      }
      await new Promise(
        (resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt))
      );
      view = await options.store.beginWrite(options.stream, view);
    }
  } finally {
    if (!committed) await view.discard?.().catch(() => void 0);
    await Promise.all([...sealedEarly].map((path) => unlink(path).catch(() => void 0)));
    if (sealers.current)
      await sealers.current.then(
        (sealer) => sealer.close(),
        () => void 0
      );
  }
  throw new SnapgateError(
    "CONFLICT",
    `Could not commit to ${options.store.location} after ${MAX_ATTEMPTS} attempts.`,
    {
      fix: "Too many writers raced for the same stream; run the snapshot again."
    }
  );
}
async function readPreviousManifest(store, bytes, where, statCache) {
  const sha256 = sha256Hex(bytes);
  const trusted = statCache?.knowsManifest(sha256) ? JSON.parse(Buffer.from(bytes).toString("utf8")) : null;
  const manifest = trusted && trusted.format !== MANIFEST_V2_FORMAT ? trusted : await openManifest(store, bytes, where);
  return { manifest, sha256 };
}
async function beginWriteOrInitialize(store, stream) {
  try {
    return await store.beginWrite(stream);
  } catch (error) {
    if (!isSnapgateError(error, "STORE_MISSING")) throw error;
    await store.initialize();
    return store.beginWrite(stream);
  }
}
function snapshotAuditEvent(manifest, id, time, newBlobs) {
  return {
    type: "snapshot.created",
    time,
    actor: {
      kind: "writer",
      key: manifest.signature.key,
      ...manifest.metadata.deployer ? { login: manifest.metadata.deployer } : {}
    },
    subject: { stream: manifest.stream, seq: manifest.seq, snapshot: id },
    details: {
      phase: manifest.phase,
      files: manifest.files.length,
      newBlobs,
      ...manifest.metadata.commit ? { commit: manifest.metadata.commit } : {},
      ...manifest.metadata.changeId ? { changeId: manifest.metadata.changeId } : {}
    }
  };
}

export {
  createSnapshot
};
