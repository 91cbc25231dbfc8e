import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  POLICY_HELP,
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openGitHub,
  openStore,
  storeSpec
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  listValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  checkApproval,
  readApprovalRequest
} from "./chunk-BDT2C2U7.js";
import {
  STALE_TEMP_MS
} from "./chunk-CPZT5EG3.js";
import {
  snapshotTier
} from "./chunk-KBLB3GEK.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  listForgotten,
  readTombstone,
  tombstonePath
} from "./chunk-TITZY4GY.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  parseManifest
} from "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-WPITP5OQ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath,
  gzipNodePath,
  nodePath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/prune.ts
import { resolve } from "node:path";

// core/rekey/follow-rewraps.ts
async function followRewraps(store, live, releasedAt, key2) {
  const records = [];
  for (const path of await store.listRecords("rewraps")) {
    const bytes = await store.readRecord(path);
    if (!bytes) continue;
    try {
      const record = JSON.parse(new TextDecoder().decode(bytes));
      if (record?.old?.id && record?.new?.id) records.push(record);
    } catch {
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const record of records) {
      const from = key2(record.old);
      const to = key2(record.new);
      if (live.has(from) && !live.has(to)) {
        live.add(to);
        changed = true;
      }
      const released = releasedAt.get(from);
      if (released !== void 0 && (releasedAt.get(to) ?? -1) < released) {
        releasedAt.set(to, released);
        changed = true;
      }
    }
  }
}

// core/snapshot/prune-blobs.ts
var key = (blob) => blobPath(blob);
function blobKeys(manifest) {
  return manifest.files.flatMap((file) => file.type === "file" ? [key(blobRefOf(file))] : []);
}
function nodeIds(bytes, where) {
  return parseManifest(bytes, where).nodes ?? [];
}
function cachedNodes(store) {
  const read = /* @__PURE__ */ new Map();
  return {
    location: store.location,
    readNode: (id) => {
      let bytes = read.get(id);
      if (!bytes) read.set(id, bytes = store.readNode(id));
      return bytes;
    }
  };
}
async function pruneBlobs(store, options) {
  await store.assertExists();
  const now = options.now.getTime();
  const forgotten = await listForgotten(store);
  const live = /* @__PURE__ */ new Set();
  const releasedAt = /* @__PURE__ */ new Map();
  const heldBlobs = /* @__PURE__ */ new Set();
  const held = [];
  const liveNodes = /* @__PURE__ */ new Set();
  const nodeReleasedAt = /* @__PURE__ */ new Map();
  const scanned = /* @__PURE__ */ new Map();
  const nodeReader = cachedNodes(store);
  for (const stream of await store.listStreams()) {
    const seqs = await store.listManifestSeqs(stream);
    scanned.set(stream, seqs.at(-1) ?? 0);
    const forgottenSeqs = forgotten.get(stream);
    await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return;
      const where = `manifest ${stream}@${seq}`;
      let released = null;
      let tombstone = null;
      if (forgottenSeqs?.has(seq)) {
        try {
          tombstone = await readTombstone(store, tombstonePath(stream, seq));
          if (tombstone.snapshot === sha256Hex(bytes)) released = Date.parse(tombstone.forgottenAt);
        } catch (error) {
          if (!isSnapgateError(error, "INTEGRITY")) throw error;
        }
      }
      if (released === null) {
        for (const id of nodeIds(bytes, where)) liveNodes.add(id);
        for (const blob of blobKeys(await openManifest(nodeReader, bytes, where))) live.add(blob);
        return;
      }
      let manifest;
      try {
        for (const id of nodeIds(bytes, where))
          nodeReleasedAt.set(id, Math.max(nodeReleasedAt.get(id) ?? 0, released));
        manifest = await openManifest(nodeReader, bytes, where);
      } catch {
        return;
      }
      const why = options.releaseCheck && tombstone ? await options.releaseCheck({
        stream,
        seq,
        snapshot: tombstone.snapshot,
        manifest,
        tombstone
      }) : null;
      if (why !== null) {
        held.push({ stream, seq, snapshot: tombstone?.snapshot ?? "", reason: why });
        for (const blob of blobKeys(manifest)) heldBlobs.add(blob);
      }
      for (const blob of blobKeys(manifest))
        releasedAt.set(blob, Math.max(releasedAt.get(blob) ?? 0, released));
    });
  }
  await followRewraps(store, live, releasedAt, key);
  const [stored, storedNodes] = await Promise.all([store.listBlobs(), store.listNodes()]);
  const nodeCandidates = judgeNodes(storedNodes, liveNodes, nodeReleasedAt, now, options.graceMs);
  const result = {
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
      spared: []
    },
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
    if (since === null || now - since < options.graceMs) result.waiting.push(entry);
    else if (heldBlobs.has(key(ref))) result.heldBlobs.push(ref.id);
    else result.deleted.push(entry);
  }
  if (result.heldBlobs.length > 0 && !result.dryRun) throw heldError(result);
  if (result.dryRun) return result;
  if (result.deleted.length > 0) await deleteUnreferencedBlobs(store, result, scanned);
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
        graceMs: options.graceMs
      }
    }
  ]);
  return result;
}
function dropKeptLocked(store, result) {
  const kept = new Set((store.keptLocked ?? []).map((entry) => entry.path));
  if (kept.size === 0) return;
  result.deleted = result.deleted.filter((blob) => !kept.has(blobPath(blob)));
  result.nodes.deleted = result.nodes.deleted.filter(
    (id) => !kept.has(nodePath(id)) && !kept.has(gzipNodePath(id))
  );
}
async function deleteUnreferencedBlobs(store, result, scanned) {
  const candidates = result.deleted;
  let rechecked = scanned;
  await store.deleteBlobs(candidates, async (offered) => {
    const since = await newReferences(store, scanned);
    rechecked = since.scanned;
    const offeredKeys = new Set(offered.map(key));
    const kept = (blob) => since.keys.has(key(blob)) || !offeredKeys.has(key(blob));
    result.spared = candidates.filter(kept).map((blob) => blob.id);
    result.deleted = candidates.filter((blob) => !kept(blob));
    return result.deleted;
  });
  const after = await newReferences(store, rechecked);
  const gone = new Set(result.deleted.map(key));
  result.damaged = after.manifests.map(({ stream, seq, keys }) => ({
    stream,
    seq,
    blobs: keys.filter((blob) => gone.has(blob)).map((blob) => blob.slice(0, 64))
  })).filter((entry) => entry.blobs.length > 0);
}
function heldError(result) {
  const named = result.held.map((snapshot) => `${snapshot.stream}@${snapshot.seq}`);
  const [first] = result.held;
  return new SnapgateError(
    "POLICY",
    `Prune would delete ${result.heldBlobs.length} blob(s) of forgotten snapshot(s) ${named.join(", ")} without the approval tier-0 data needs: ${result.held.map((snapshot) => snapshot.reason).join("; ")}. Nothing was deleted.`,
    {
      fix: `Deleting tier-0 data needs the same quorum as a restore. Ask for it in the source repository with \`/snapgate forget ${first ? `${first.stream}@${first.seq}` : "ENV@SEQ"} --reason "..."\`; once enough other people approve, the app forgets it and records the request, and prune (with the policy) deletes its blobs. For a request approved already, pass --approval REQUEST-ID.`,
      details: { held: result.held }
    }
  );
}
function judgeNodes(stored, live, releasedAt, now, graceMs) {
  const doomed = [];
  let waiting = 0;
  for (const node of stored) {
    if (live.has(node.id)) continue;
    const since = releasedAt.get(node.id) ?? node.modifiedAt?.getTime() ?? null;
    if (since !== null && now - since >= graceMs) doomed.push(node.id);
    else waiting += 1;
  }
  return { doomed, waiting };
}
async function pruneNodes(store, nodes, scanned) {
  if (nodes.deleted.length === 0) return;
  const candidates = nodes.deleted;
  await store.deleteNodes(candidates, async (offered) => {
    const since = await newReferences(store, scanned);
    const kept = (id) => since.nodes.has(id) || !offered.includes(id);
    nodes.spared = candidates.filter(kept);
    nodes.deleted = candidates.filter((id) => !kept(id));
    return nodes.deleted;
  });
}
async function newReferences(store, scanned) {
  const keys = /* @__PURE__ */ new Set();
  const nodes = /* @__PURE__ */ new Set();
  const manifests = [];
  const next = new Map(scanned);
  for (const stream of await store.listStreams()) {
    const seqs = (await store.listManifestSeqs(stream)).filter(
      (seq) => seq > (scanned.get(stream) ?? 0)
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

// core/snapshot/tier0-release-check.ts
function tier0ReleaseCheck(options) {
  const { store, policy, sodium } = options;
  return async ({ stream, seq, snapshot, manifest, tombstone }) => {
    if (policy === null)
      return "there is no policy to tell whether it is tier-0 (tier-0 data needs an approved forget request)";
    if (!policy.environments[stream])
      return `its environment ${stream} is not in the policy, so its tier is unknown`;
    const tier = snapshotTier(policy, stream, {
      components: manifest.files.flatMap((file) => file.component ? [file.component] : []),
      tiers: manifest.files.flatMap((file) => file.tier ? [file.tier] : [])
    });
    if (tier.level !== 0) return null;
    const candidates = [
      .../* @__PURE__ */ new Set([...tombstone.approval ? [tombstone.approval] : [], ...options.approvals])
    ];
    if (candidates.length === 0)
      return `${stream}@${seq} is ${tier.name} (tier-0) and no forget request approved forgetting it`;
    const problems = [];
    for (const id of candidates) {
      try {
        const request = await readApprovalRequest(store, id);
        if (!request.subject.snapshots.includes(snapshot)) {
          problems.push(`request ${id} does not name ${stream}@${seq}`);
          continue;
        }
        checkApproval(sodium, request, {
          action: "forget",
          environment: stream,
          snapshots: request.subject.snapshots,
          // The policy it was approved under: a later policy change does not undo a forget.
          policyDigest: request.subject.policyDigest,
          requiredApprovals: tier.approvals,
          appKeys: policy.keys.app ?? [],
          now: new Date(tombstone.forgottenAt)
        });
        return null;
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        problems.push(error.message);
      }
    }
    return `${stream}@${seq} is ${tier.name} (tier-0): ${problems.join("; ")}`;
  };
}

// cli/commands/prune.ts
var pruneCommand = {
  name: "prune",
  summary: "Delete blobs no live snapshot references, once forgotten (or orphaned) longer than the grace period",
  usage: "snapgate prune --store STORE [--policy FILE] [--grace DUR] [--approval ID]... [--dry-run] [--json]",
  help: [
    "--grace DUR           how long a blob must have been unreferenced (default 24h; units s, m, h, d, w)",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "--approval ID         an approved forget request (requests/ID.json, signed by an app key of keys.app) covering forgotten tier-0 snapshots whose tombstone names none (repeatable)",
    "--dry-run             list what would be deleted; delete nothing",
    "blobs of forgotten tier-0 snapshots go only with an approved forget request (the one their tombstone names, or --approval); without the policy, no forgotten snapshot's blobs go",
    "also deletes temp files (.snapgate-tmp-*) that killed or failed writers left, once older than the grace period and 6 hours, and names files under blobs/ that are not blobs (never deleted)",
    "on a github:// store, also deletes the Snapgate App's gate lock refs (refs/snapgate/checks/DAY/...) of days before yesterday, UTC (ADR 0611)"
  ],
  json: '`{dryRun, graceMs, blobs, referenced, deleted: [{id, sha256, encoding, reason: "forgotten"|"orphan", since}], waiting[], held: [{stream, seq, snapshot, reason}], heldBlobs[], spared[], damaged[], tempFiles: {files, bytes, strays[]}, nodes: {stored, referenced, deleted[], waiting, spared[]}, gateLocks, locked[]}` (`nodes`: manifest nodes of format v2, judged like blobs; `gateLocks`: `{deleted[], kept}` on a github:// store, else `null`; `locked`: `[{path, until, legalHold}]` object versions an s3:// store kept under Object Lock, not counted in `deleted`)',
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    root: { type: "string" },
    grace: { type: "string" },
    approval: { type: "string", multiple: true },
    "dry-run": { type: "boolean" }
  },
  async run(args, context) {
    const graceText = stringValue(args, "grace") ?? "24h";
    const graceMs = parseDuration(graceText);
    if (graceMs === null) {
      throw new SnapgateError("USAGE", `--grace '${graceText}' is not a duration.`, {
        fix: "Write e.g. 24h, 2d or 30m (units s, m = minutes, h, d, w)."
      });
    }
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const store = await openStore(args, context);
    const now = /* @__PURE__ */ new Date();
    const dryRun = flag(args, "dry-run");
    const blobs = await pruneBlobs(store, {
      graceMs,
      now,
      dryRun,
      releaseCheck: tier0ReleaseCheck({
        store,
        policy: loaded?.policy ?? null,
        sodium: await loadSodium(),
        approvals: listValue(args, "approval")
      })
    });
    let gateLocks = null;
    if (storeSpec(args, context).startsWith("github://")) {
      const [{ client, location }, { pruneGateLocks }] = await Promise.all([
        openGitHub(args, context),
        import("./prune-gate-locks-DNQVPIOF.js")
      ]);
      gateLocks = await pruneGateLocks(client, location, now, { dryRun });
    }
    const locked = [...store.keptLocked ?? []];
    const result = { ...blobs, gateLocks, locked };
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (reason) => result.deleted.filter((b) => b.reason === reason).length;
      context.stdout(
        `${result.dryRun ? "Would delete" : "Deleted"} ${result.deleted.length} blob(s) (${count("forgotten")} of forgotten snapshots, ${count("orphan")} orphaned); ${result.waiting.length} unreferenced but within the ${formatDuration(graceMs)} grace period (or of unknown age); ${result.referenced} referenced by live snapshots.
`
      );
      if (result.nodes.deleted.length > 0 || result.nodes.waiting > 0)
        context.stdout(
          `${result.dryRun ? "Would delete" : "Deleted"} ${result.nodes.deleted.length} manifest node(s) no live snapshot names; ${result.nodes.waiting} within the grace period (or of unknown age).
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
      if (result.heldBlobs.length)
        context.stdout(
          `Would keep ${result.heldBlobs.length} blob(s) of forgotten snapshots that lack the approval tier-0 data needs (prune without --dry-run refuses): ${result.held.map((held) => `${held.stream}@${held.seq}: ${held.reason}`).join("; ")}.
`
        );
      if (gateLocks && gateLocks.deleted.length > 0)
        context.stdout(
          `${result.dryRun ? "Would delete" : "Deleted"} ${gateLocks.deleted.length} gate lock ref(s) of days before yesterday (refs/snapgate/checks/).
`
        );
      if (locked.length > 0) {
        const dates = locked.flatMap((kept) => kept.until ? [kept.until.getTime()] : []);
        const first = dates.length ? new Date(Math.min(...dates)).toISOString() : null;
        context.stdout(
          `Kept ${locked.length} object version(s) under S3 Object Lock${locked.some((kept) => kept.legalHold) ? " (some on legal hold)" : ""}${first ? `; the first becomes deletable at ${first}` : ""}: run prune again after that.
`
        );
      }
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
