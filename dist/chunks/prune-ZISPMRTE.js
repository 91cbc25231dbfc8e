import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openStore
} from "./chunk-73AYIJNZ.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-SAGAXC7G.js";
import {
  STALE_TEMP_MS
} from "./chunk-ECMEO24E.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  blobRefOf
} from "./chunk-YTP4PIXP.js";
import {
  listForgotten,
  readTombstone,
  tombstonePath
} from "./chunk-J632YTNX.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import {
  parseManifest
} from "./chunk-3ERUTO3M.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-M4VZOO76.js";
import "./chunk-ZITD4ZB6.js";
import {
  blobPath
} from "./chunk-ZE5TBVON.js";
import "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";

// core/snapshot/prune-blobs.ts
var key = (blob) => blobPath(blob);
function blobKeys(manifest) {
  return manifest.files.flatMap((file) => file.type === "file" ? [key(blobRefOf(file))] : []);
}
async function pruneBlobs(store, options) {
  await store.assertExists();
  const now = options.now.getTime();
  const forgotten = await listForgotten(store);
  const live = /* @__PURE__ */ new Set();
  const releasedAt = /* @__PURE__ */ new Map();
  const scanned = /* @__PURE__ */ new Map();
  for (const stream of await store.listStreams()) {
    const seqs = await store.listManifestSeqs(stream);
    scanned.set(stream, seqs.at(-1) ?? 0);
    const forgottenSeqs = forgotten.get(stream);
    await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return;
      const where = `manifest ${stream}@${seq}`;
      let released = null;
      if (forgottenSeqs?.has(seq)) {
        try {
          const tombstone = await readTombstone(store, tombstonePath(stream, seq));
          if (tombstone.snapshot === sha256Hex(bytes)) released = Date.parse(tombstone.forgottenAt);
        } catch (error) {
          if (!isSnapgateError(error, "INTEGRITY")) throw error;
        }
      }
      if (released === null) {
        for (const blob of blobKeys(parseManifest(bytes, where))) live.add(blob);
        return;
      }
      let manifest;
      try {
        manifest = parseManifest(bytes, where);
      } catch {
        return;
      }
      for (const blob of blobKeys(manifest))
        releasedAt.set(blob, Math.max(releasedAt.get(blob) ?? 0, released));
    });
  }
  const stored = await store.listBlobs();
  const result = {
    dryRun: options.dryRun === true,
    graceMs: options.graceMs,
    blobs: stored.length,
    referenced: 0,
    deleted: [],
    waiting: [],
    spared: [],
    damaged: [],
    // A live writer's staged blobs are temp files too: never younger than STALE_TEMP_MS.
    tempFiles: await store.clearStaleTempFiles?.(
      new Date(now - Math.max(options.graceMs, STALE_TEMP_MS)),
      { dryRun: options.dryRun === true }
    ) ?? { files: 0, bytes: 0, strays: [] }
  };
  for (const blob of stored) {
    const { modifiedAt: _modifiedAt, ...ref } = blob;
    if (live.has(key(ref))) {
      result.referenced += 1;
      continue;
    }
    const released = releasedAt.get(key(ref));
    const since = released ?? blob.modifiedAt?.getTime() ?? null;
    const entry = {
      ...ref,
      reason: released === void 0 ? "orphan" : "forgotten",
      since: since === null ? null : new Date(since).toISOString()
    };
    if (since !== null && now - since >= options.graceMs) result.deleted.push(entry);
    else result.waiting.push(entry);
  }
  if (result.dryRun || result.deleted.length === 0) return result;
  const candidates = result.deleted;
  let rechecked = scanned;
  await store.deleteBlobs(candidates, async () => {
    const since = await newReferences(store, scanned);
    rechecked = since.scanned;
    result.spared = candidates.filter((blob) => since.keys.has(key(blob))).map((blob) => blob.id);
    result.deleted = candidates.filter((blob) => !since.keys.has(key(blob)));
    return result.deleted;
  });
  const after = await newReferences(store, rechecked);
  const gone = new Set(result.deleted.map(key));
  result.damaged = after.manifests.map(({ stream, seq, keys }) => ({
    stream,
    seq,
    blobs: keys.filter((blob) => gone.has(blob)).map((blob) => blob.slice(0, 64))
  })).filter((entry) => entry.blobs.length > 0);
  await appendAuditEvents(store, [
    {
      type: "blobs.pruned",
      time: options.now,
      actor: { kind: "cli" },
      subject: { store: store.location },
      details: {
        deleted: result.deleted.length,
        forgotten: result.deleted.filter((blob) => blob.reason === "forgotten").length,
        orphans: result.deleted.filter((blob) => blob.reason === "orphan").length,
        graceMs: options.graceMs
      }
    }
  ]);
  return result;
}
async function newReferences(store, scanned) {
  const keys = /* @__PURE__ */ new Set();
  const manifests = [];
  const next = new Map(scanned);
  for (const stream of await store.listStreams()) {
    const seqs = (await store.listManifestSeqs(stream)).filter(
      (seq) => seq > (scanned.get(stream) ?? 0)
    );
    for (const seq of seqs) {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) continue;
      const found = blobKeys(parseManifest(bytes, `manifest ${stream}@${seq}`));
      found.forEach((blob) => keys.add(blob));
      manifests.push({ stream, seq, keys: found });
      next.set(stream, Math.max(next.get(stream) ?? 0, seq));
    }
  }
  return { keys, manifests, scanned: next };
}

// cli/commands/prune.ts
var pruneCommand = {
  name: "prune",
  summary: "Delete blobs no live snapshot references, once forgotten (or orphaned) longer than the grace period",
  usage: "snapgate prune --store STORE [--grace DUR] [--dry-run] [--json]",
  help: [
    "--grace DUR           how long a blob must have been unreferenced (default 24h; units s, m, h, d, w)",
    "--dry-run             list what would be deleted; delete nothing",
    "also deletes temp files (.snapgate-tmp-*) that killed or failed writers left, once older than the grace period and 6 hours, and names files under blobs/ that are not blobs (never deleted)"
  ],
  json: '`{dryRun, graceMs, blobs, referenced, deleted: [{id, sha256, encoding, reason: "forgotten"|"orphan", since}], waiting[], spared[], damaged[], tempFiles: {files, bytes, strays[]}}`',
  options: { ...STORE_OPTION, grace: { type: "string" }, "dry-run": { type: "boolean" } },
  async run(args, context) {
    const graceText = stringValue(args, "grace") ?? "24h";
    const graceMs = parseDuration(graceText);
    if (graceMs === null) {
      throw new SnapgateError("USAGE", `--grace '${graceText}' is not a duration.`, {
        fix: "Write e.g. 24h, 2d or 30m (units s, m = minutes, h, d, w)."
      });
    }
    const store = await openStore(args, context);
    const result = await pruneBlobs(store, {
      graceMs,
      now: /* @__PURE__ */ new Date(),
      dryRun: flag(args, "dry-run")
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (reason) => result.deleted.filter((b) => b.reason === reason).length;
      context.stdout(
        `${result.dryRun ? "Would delete" : "Deleted"} ${result.deleted.length} blob(s) (${count("forgotten")} of forgotten snapshots, ${count("orphan")} orphaned); ${result.waiting.length} unreferenced but within the ${formatDuration(graceMs)} grace period (or of unknown age); ${result.referenced} referenced by live snapshots.
`
      );
      if (result.tempFiles.files > 0)
        context.stdout(
          `${result.dryRun ? "Would remove" : "Removed"} ${result.tempFiles.files} temp file(s) (${formatBytes(result.tempFiles.bytes)}) left by interrupted writers.
`
        );
      if (result.tempFiles.strays.length > 0)
        context.stdout(
          `Skipped ${result.tempFiles.strays.length} file(s) under blobs/ that are not blobs (move them out of the store): ${result.tempFiles.strays.join(", ")}.
`
        );
      if (result.spared.length)
        context.stdout(
          `Spared ${result.spared.length} blob(s) a snapshot taken meanwhile reuses.
`
        );
    }
    if (result.damaged.length > 0) {
      throw new SnapgateError(
        "INTEGRITY",
        `A snapshot committed while prune deleted blobs references ${result.damaged.reduce((n, d) => n + d.blobs.length, 0)} deleted blob(s): ${result.damaged.map((d) => `${d.stream}@${d.seq}`).join(", ")}.`,
        {
          fix: "Take a new snapshot of those environments (it stores the content again), and do not run prune while snapshots are being taken.",
          details: { damaged: result.damaged }
        }
      );
    }
    return 0;
  }
};
export {
  pruneCommand
};
