import { isSnapgateError, SnapgateError } from "../errors.js";
import type { Manifest } from "../types.js";
import type { StoredNode } from "../store/store.js";
import {
  blobPath,
  nodePath,
  gzipNodePath,
  type BlobRef,
  type Store,
  type TempFileSweep,
} from "../store/store.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { followRewraps } from "../rekey/follow-rewraps.js";
import { STALE_TEMP_MS } from "../store/atomic-file.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { appendAuditEvents } from "../audit/append-audit-events.js";
import { blobRefOf } from "./blob-ref-of.js";
import { parseManifest } from "./parse-manifest.js";
import type { ReleaseCheck } from "./tier0-release-check.js";
import { listForgotten, readTombstone, tombstonePath, type Tombstone } from "./tombstone.js";
import { openManifest } from "./open-manifest.js";

export interface PruneOptions {
  /** Blobs are deleted only when unreferenced for at least this long. */
  graceMs: number;
  now: Date;
  dryRun?: boolean;
  /**
   * Whether a forgotten snapshot's blobs may go (tier0ReleaseCheck: tier-0
   * data needs an approved forget request). Absent: every forgotten
   * snapshot's may.
   */
  releaseCheck?: ReleaseCheck;
}

/** A forgotten snapshot whose blobs stay, and why. */
export interface HeldSnapshot {
  stream: string;
  seq: number;
  snapshot: string;
  reason: string;
}

export type PruneReason = "forgotten" | "orphan";

export interface PrunedBlob extends BlobRef {
  reason: PruneReason;
  /** When it stopped being needed: the newest tombstone of the snapshots that used it, or the blob's write time. */
  since: string | null;
}

export interface PruneResult {
  dryRun: boolean;
  graceMs: number;
  /** Blob files in the store before pruning. */
  blobs: number;
  /** Blob files a live (not forgotten) snapshot references. */
  referenced: number;
  /** Deleted (or, with dryRun, to delete). */
  deleted: PrunedBlob[];
  /** Unreferenced but within the grace period, or of unknown age: kept for now. */
  waiting: PrunedBlob[];
  /** Forgotten snapshots the release check holds (tier-0 without an approved forget request). */
  held: HeldSnapshot[];
  /** Blobs only held snapshots (and other forgotten ones) use: past the grace period, yet kept. */
  heldBlobs: string[];
  /** Blobs spared because a snapshot committed while prune ran references them. */
  spared: string[];
  /** Temp files interrupted writers left, older than the grace period and 6 hours (deleted, or with dryRun, to delete). */
  tempFiles: TempFileSweep;
  /** Snapshots committed during the delete that reference a deleted blob (restic takes a lock; see the report). */
  damaged: Array<{ stream: string; seq: number; blobs: string[] }>;
  /** Manifest nodes (v2), judged as blobs are: by the live roots that name them (ADR 1101). */
  nodes: NodePrune;
}

export interface NodePrune {
  /** Node files in the store before pruning. */
  stored: number;
  /** Named by a live snapshot's root. */
  referenced: number;
  /** Ids deleted (or, with dryRun, to delete). */
  deleted: string[];
  /** Unreferenced but within the grace period, or of unknown age. */
  waiting: number;
  /** Spared because a snapshot committed while prune ran names them. */
  spared: string[];
}

/** A blob file's whole name: two blobs of one content sealed to different recipients are two files. */
const key = (blob: BlobRef) => blobPath(blob);

function blobKeys(manifest: Manifest): string[] {
  return manifest.files.flatMap((file) => (file.type === "file" ? [key(blobRefOf(file))] : []));
}

/** Node ids a manifest file names (none for v1); its root alone says, no node is read. */
function nodeIds(bytes: Uint8Array, where: string): string[] {
  return parseManifest(bytes, where).nodes ?? [];
}

/** Node reads of one prune, shared: consecutive snapshots name mostly the same nodes. */
function cachedNodes(store: Store): Pick<Store, "readNode" | "location"> {
  const read = new Map<string, Promise<Uint8Array | null>>();
  return {
    location: store.location,
    readNode: (id) => {
      let bytes = read.get(id);
      if (!bytes) read.set(id, (bytes = store.readNode(id)));
      return bytes;
    },
  };
}

/**
 * Deletes blobs no live snapshot references: those only forgotten snapshots
 * used, once their newest tombstone is older than the grace period, and
 * orphans (from a lost race or a crash) once the blob itself is that old.
 * Forgotten snapshots whose tombstone is damaged or names another manifest
 * count as live. Manifests committed while prune runs are read again while
 * the store holds snapshot commits back, and their blobs are spared.
 */
export async function pruneBlobs(store: Store, options: PruneOptions): Promise<PruneResult> {
  await store.assertExists();
  const now = options.now.getTime();
  const forgotten = await listForgotten(store);
  const live = new Set<string>();
  const releasedAt = new Map<string, number>();
  const heldBlobs = new Set<string>();
  const held: HeldSnapshot[] = [];
  const liveNodes = new Set<string>();
  const nodeReleasedAt = new Map<string, number>();
  const scanned = new Map<string, number>();
  const nodeReader = cachedNodes(store);

  for (const stream of await store.listStreams()) {
    const seqs = await store.listManifestSeqs(stream);
    scanned.set(stream, seqs.at(-1) ?? 0);
    const forgottenSeqs = forgotten.get(stream);
    await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return;
      const where = `manifest ${stream}@${seq}`;
      let released: number | null = null;
      let tombstone: Tombstone | null = null;
      if (forgottenSeqs?.has(seq)) {
        try {
          tombstone = await readTombstone(store, tombstonePath(stream, seq));
          if (tombstone.snapshot === sha256Hex(bytes)) released = Date.parse(tombstone.forgottenAt);
        } catch (error) {
          if (!isSnapgateError(error, "INTEGRITY")) throw error;
        }
      }
      if (released === null) {
        // A live manifest that cannot be read would hide its references: stop rather than guess.
        for (const id of nodeIds(bytes, where)) liveNodes.add(id);
        for (const blob of blobKeys(await openManifest(nodeReader, bytes, where))) live.add(blob);
        return;
      }
      let manifest: Manifest;
      try {
        for (const id of nodeIds(bytes, where))
          nodeReleasedAt.set(id, Math.max(nodeReleasedAt.get(id) ?? 0, released));
        manifest = await openManifest(nodeReader, bytes, where);
      } catch {
        // A damaged forgotten manifest (or one whose nodes an earlier prune took):
        // its blobs are judged as orphans, by age.
        return;
      }
      const why =
        options.releaseCheck && tombstone
          ? await options.releaseCheck({
              stream,
              seq,
              snapshot: tombstone.snapshot,
              manifest,
              tombstone,
            })
          : null;
      if (why !== null) {
        held.push({ stream, seq, snapshot: tombstone?.snapshot ?? "", reason: why });
        for (const blob of blobKeys(manifest)) heldBlobs.add(blob);
      }
      for (const blob of blobKeys(manifest))
        releasedAt.set(blob, Math.max(releasedAt.get(blob) ?? 0, released));
    });
  }

  // A re-wrapped blob is referenced through its record (snapgate rekey): it lives as its old ref does.
  await followRewraps(store, live, releasedAt, key);
  const [stored, storedNodes] = await Promise.all([store.listBlobs(), store.listNodes()]);
  const nodeCandidates = judgeNodes(storedNodes, liveNodes, nodeReleasedAt, now, options.graceMs);
  const result: PruneResult = {
    dryRun: options.dryRun === true,
    graceMs: options.graceMs,
    blobs: stored.length,
    referenced: 0,
    deleted: [],
    waiting: [],
    held: held.sort((a, b) => a.stream.localeCompare(b.stream) || a.seq - b.seq),
    heldBlobs: [],
    spared: [],
    damaged: [],
    nodes: {
      stored: storedNodes.length,
      referenced: storedNodes.length - nodeCandidates.doomed.length - nodeCandidates.waiting,
      deleted: nodeCandidates.doomed,
      waiting: nodeCandidates.waiting,
      spared: [],
    },
    // A live writer's staged blobs are temp files too: never younger than STALE_TEMP_MS.
    tempFiles: (await store.clearStaleTempFiles?.(
      new Date(now - Math.max(options.graceMs, STALE_TEMP_MS)),
      { dryRun: options.dryRun === true },
    )) ?? { files: 0, bytes: 0, strays: [] },
  };
  for (const blob of stored) {
    const { modifiedAt: _modifiedAt, ...ref } = blob;
    if (live.has(key(ref))) {
      result.referenced += 1;
      continue;
    }
    const released = releasedAt.get(key(ref));
    const since = released ?? blob.modifiedAt?.getTime() ?? null;
    const entry: PrunedBlob = {
      ...ref,
      reason: released === undefined ? "orphan" : "forgotten",
      since: since === null ? null : new Date(since).toISOString(),
    };
    if (since === null || now - since < options.graceMs) result.waiting.push(entry);
    else if (heldBlobs.has(key(ref))) result.heldBlobs.push(ref.id);
    else result.deleted.push(entry);
  }
  if (result.heldBlobs.length > 0 && !result.dryRun) throw heldError(result);
  if (result.dryRun) return result;
  if (result.deleted.length > 0) await deleteUnreferencedBlobs(store, result, scanned);
  // Nodes after blobs: until they go, a forgotten snapshot's blobs can still be found from its root.
  await pruneNodes(store, result.nodes, scanned);
  dropKeptLocked(store, result);
  if (result.deleted.length === 0 && result.nodes.deleted.length === 0) return result;
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
        nodes: result.nodes.deleted.length,
        graceMs: options.graceMs,
      },
    },
  ]);
  return result;
}

/**
 * What a WORM lock kept (an S3 version under retention or legal hold) was not
 * deleted: it leaves result.deleted and nodes.deleted, so the report and the
 * audit event count only what is gone (the store reports the locks).
 */
function dropKeptLocked(store: Store, result: PruneResult): void {
  const kept = new Set((store.keptLocked ?? []).map((entry) => entry.path));
  if (kept.size === 0) return;
  result.deleted = result.deleted.filter((blob) => !kept.has(blobPath(blob)));
  result.nodes.deleted = result.nodes.deleted.filter(
    (id) => !kept.has(nodePath(id)) && !kept.has(gzipNodePath(id)),
  );
}

/** Deletes result.deleted, sparing what snapshots committed meanwhile reuse; reports damage. */
async function deleteUnreferencedBlobs(
  store: Store,
  result: PruneResult,
  scanned: ReadonlyMap<string, number>,
): Promise<void> {
  // Snapshots committed since the scan may have reused a blob about to go. They are read
  // again where the store lets no snapshot commit before the deletion does, and spared.
  const candidates = result.deleted;
  let rechecked = scanned;
  await store.deleteBlobs(candidates, async (offered) => {
    const since = await newReferences(store, scanned);
    rechecked = since.scanned;
    // A store may offer fewer than asked: an S3 store withholds what a commit in flight names
    // (ADR 1408). Those are spared too.
    const offeredKeys = new Set(offered.map(key));
    const kept = (blob: BlobRef) => since.keys.has(key(blob)) || !offeredKeys.has(key(blob));
    result.spared = candidates.filter(kept).map((blob) => blob.id);
    result.deleted = candidates.filter((blob) => !kept(blob));
    return result.deleted;
  });
  // Nothing should reference a deleted blob now; a store that breaks the protocol is reported.
  const after = await newReferences(store, rechecked);
  const gone = new Set(result.deleted.map(key));
  result.damaged = after.manifests
    .map(({ stream, seq, keys }) => ({
      stream,
      seq,
      blobs: keys.filter((blob) => gone.has(blob)).map((blob) => blob.slice(0, 64)),
    }))
    .filter((entry) => entry.blobs.length > 0);
}

/** Prune refuses as a whole, before deleting anything, while tier-0 data lacks its approval. */
function heldError(result: PruneResult): SnapgateError {
  const named = result.held.map((snapshot) => `${snapshot.stream}@${snapshot.seq}`);
  const [first] = result.held;
  return new SnapgateError(
    "POLICY",
    `Prune would delete ${result.heldBlobs.length} blob(s) of forgotten snapshot(s) ${named.join(", ")} without the approval tier-0 data needs: ${result.held.map((snapshot) => snapshot.reason).join("; ")}. Nothing was deleted.`,
    {
      fix: `Deleting tier-0 data needs the same quorum as a restore. Ask for it in the source repository with \`/snapgate forget ${first ? `${first.stream}@${first.seq}` : "ENV@SEQ"} --reason "..."\`; once enough other people approve, the app forgets it and records the request, and prune (with the policy) deletes its blobs. For a request approved already, pass --approval REQUEST-ID.`,
      details: { held: result.held },
    },
  );
}

/** Splits unreferenced nodes into those past the grace period and those waiting. */
function judgeNodes(
  stored: readonly StoredNode[],
  live: ReadonlySet<string>,
  releasedAt: ReadonlyMap<string, number>,
  now: number,
  graceMs: number,
): { doomed: string[]; waiting: number } {
  const doomed: string[] = [];
  let waiting = 0;
  for (const node of stored) {
    if (live.has(node.id)) continue;
    const since = releasedAt.get(node.id) ?? node.modifiedAt?.getTime() ?? null;
    if (since !== null && now - since >= graceMs) doomed.push(node.id);
    else waiting += 1;
  }
  return { doomed, waiting };
}

/**
 * Deletes the doomed nodes as blobs are deleted (ADR 0008): the store holds
 * snapshot commits back while roots committed since the scan are read again,
 * and the nodes they name are spared.
 */
async function pruneNodes(
  store: Store,
  nodes: NodePrune,
  scanned: ReadonlyMap<string, number>,
): Promise<void> {
  if (nodes.deleted.length === 0) return;
  const candidates = nodes.deleted;
  await store.deleteNodes(candidates, async (offered) => {
    const since = await newReferences(store, scanned);
    const kept = (id: string) => since.nodes.has(id) || !offered.includes(id);
    nodes.spared = candidates.filter(kept);
    nodes.deleted = candidates.filter((id) => !kept(id));
    return nodes.deleted;
  });
}

/** Blob keys (and node ids) of manifests committed after the seqs in `scanned`. */
async function newReferences(
  store: Store,
  scanned: ReadonlyMap<string, number>,
): Promise<{
  nodes: Set<string>;
  keys: Set<string>;
  manifests: Array<{ stream: string; seq: number; keys: string[] }>;
  scanned: Map<string, number>;
}> {
  const keys = new Set<string>();
  const nodes = new Set<string>();
  const manifests: Array<{ stream: string; seq: number; keys: string[] }> = [];
  const next = new Map(scanned);
  for (const stream of await store.listStreams()) {
    const seqs = (await store.listManifestSeqs(stream)).filter(
      (seq) => seq > (scanned.get(stream) ?? 0),
    );
    for (const seq of seqs) {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) continue;
      const where = `manifest ${stream}@${seq}`;
      nodeIds(bytes, where).forEach((id) => nodes.add(id));
      const found = blobKeys(await openManifest(store, bytes, where));
      found.forEach((blob) => keys.add(blob));
      manifests.push({ stream, seq, keys: found });
      next.set(stream, Math.max(next.get(stream) ?? 0, seq));
    }
  }
  return { nodes, keys, manifests, scanned: next };
}
