import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openStore
} from "./chunk-TPBVYUMC.js";
import "./chunk-WIE2Z5X7.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-H7HHPLOE.js";
import "./chunk-WHUW7ABC.js";
import {
  appendAuditEvents
} from "./chunk-3XHERIG2.js";
import {
  listForgotten,
  readTombstone,
  tombstonePath
} from "./chunk-EVV5HKRG.js";
import {
  parseManifest
} from "./chunk-MVVOTCSL.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-M4VZOO76.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-ZITD4ZB6.js";
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
var key = (blob) => `${blob.id}-${blob.sha256}-${blob.encoding}`;
function blobKeys(manifest) {
  return manifest.files.flatMap(
    (file) => file.type === "file" ? [key({ id: file.blob, sha256: file.ciphertextSha256, encoding: file.encoding })] : []
  );
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
    damaged: []
  };
  for (const blob of stored) {
    const ref = { id: blob.id, sha256: blob.sha256, encoding: blob.encoding };
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
  const before = await newReferences(store, scanned);
  result.spared = result.deleted.filter((blob) => before.keys.has(key(blob))).map((blob) => blob.id);
  result.deleted = result.deleted.filter((blob) => !before.keys.has(key(blob)));
  await store.deleteBlobs(result.deleted);
  const after = await newReferences(store, before.scanned);
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
    "--dry-run             list what would be deleted; delete nothing"
  ],
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
