import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_STORE_HELP,
  STORE_OPTION,
  openStore,
  storeSpec
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  renderTable,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
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
  parseManifest,
  parseManifestNode
} from "./chunk-L3YJLP3Q.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/operations/compute-store-stats.ts
var GITHUB_SIZE_GUIDANCE = { recommended: 1e9, strong: 5e9 };
function newTally() {
  return { blobs: /* @__PURE__ */ new Map(), snapshots: 0, referenced: 0, added: [] };
}
function figures(tally) {
  const blobBytes = [...tally.blobs.values()].reduce((sum, size) => sum + size, 0);
  const later = tally.added.slice(1);
  return {
    snapshots: tally.snapshots,
    uniqueBlobs: tally.blobs.size,
    blobBytes,
    referencedBytes: tally.referenced,
    dedupRatio: blobBytes > 0 ? tally.referenced / blobBytes : null,
    growthPerSnapshot: later.length > 0 ? later.reduce((sum, bytes) => sum + bytes, 0) / later.length : null
  };
}
var DAY_MS = 864e5;
async function computeStoreStats(options) {
  const { store } = options;
  await store.assertExists();
  const sizes = /* @__PURE__ */ new Map();
  const listed = await store.listBlobs();
  const read = await mapWithConcurrency(listed, 32, (blob) => store.readBlob(blob));
  listed.forEach((blob, index) => sizes.set(blobPath(blob), read[index]?.length ?? 0));
  const listedNodes = await store.listNodes();
  const nodeIds = listedNodes.map((node) => node.id);
  const nodeBytes = await mapWithConcurrency(
    listedNodes,
    32,
    async (node) => node.storedBytes ?? (await store.readNode(node.id))?.length ?? 0
  );
  const nodeSizes = new Map(nodeIds.map((id, index) => [id, nodeBytes[index] ?? 0]));
  const allStreams = await store.listStreams();
  const streams = options.stream ? [options.stream] : allStreams;
  let manifests = 0;
  let manifestBytes = 0;
  const environments = [];
  for (const stream of allStreams) {
    const seqs = await store.listManifestSeqs(stream);
    const texts = await mapWithConcurrency(seqs, 16, (seq) => store.readManifest(stream, seq));
    manifests += seqs.length;
    manifestBytes += texts.reduce((sum, bytes2) => sum + (bytes2?.length ?? 0), 0);
    if (!streams.includes(stream)) continue;
    const index = await store.readStreamIndex(stream);
    const forgotten = new Set(index.tombstoneSeqs);
    const environment = newTally();
    const tiers = /* @__PURE__ */ new Map();
    const seenNodes = /* @__PURE__ */ new Set();
    let rootsAndNodes = 0;
    const manifestAdded = [];
    let newest = null;
    let first = null;
    for (const [position, seq] of seqs.entries()) {
      const bytes2 = texts[position];
      if (!bytes2 || forgotten.has(seq)) continue;
      const where = `manifest ${stream}@${seq}`;
      const record = parseManifest(bytes2, where);
      let added = bytes2.length;
      const files = "files" in record ? record.files : (await Promise.all(
        (record.nodes ?? []).map(async (id) => {
          const node = await store.readNode(id);
          if (!seenNodes.has(id)) {
            seenNodes.add(id);
            added += nodeSizes.get(id) ?? node?.length ?? 0;
          }
          return node ? parseManifestNode(node, id, where).files : [];
        })
      )).flat();
      rootsAndNodes += added;
      manifestAdded.push(added);
      const touched = /* @__PURE__ */ new Map([[environment, added]]);
      let snapshotBytes = 0;
      for (const file of files) {
        if (file.type !== "file") continue;
        const key = blobPath(blobRefOf(file));
        const size = sizes.get(key) ?? 0;
        snapshotBytes += size;
        const tierName = file.tier ?? "untiered";
        const tier = tiers.get(tierName) ?? newTally();
        tiers.set(tierName, tier);
        for (const tally of [environment, tier]) {
          tally.referenced += size;
          if (!touched.has(tally)) touched.set(tally, 0);
          if (!tally.blobs.has(key)) {
            tally.blobs.set(key, size);
            touched.set(tally, (touched.get(tally) ?? 0) + size);
          }
        }
      }
      for (const [tally, bytesAdded] of touched) {
        tally.snapshots += 1;
        tally.added.push(bytesAdded);
      }
      const time = Date.parse(record.time);
      first ??= time;
      newest = { bytes: snapshotBytes, time };
    }
    const stats = {
      environment: stream,
      ...figures(environment),
      forgotten: seqs.filter((seq) => forgotten.has(seq)).length,
      manifestBytes: rootsAndNodes,
      tiers: [...tiers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tier, tally]) => ({ tier, ...figures(tally) }))
    };
    if (options.projection && newest) {
      const given = options.projection.snapshotsPerDay;
      const span = first !== null ? (newest.time - first) / DAY_MS : 0;
      const observed = environment.snapshots > 1 && span > 0 ? (environment.snapshots - 1) / span : null;
      const snapshotsPerDay = given ?? observed ?? 1;
      const N = options.projection.retentionDays * snapshotsPerDay;
      const c = options.projection.churnPercent / 100;
      const S = newest.bytes;
      const M = manifestAdded.length ? manifestAdded.reduce((sum, bytes2) => sum + bytes2, 0) / manifestAdded.length : 0;
      stats.projection = {
        retentionDays: options.projection.retentionDays,
        churnPercent: options.projection.churnPercent,
        snapshotsPerDay,
        rateFrom: given !== void 0 ? "given" : observed !== null ? "observed" : "assumed",
        snapshotsRetained: N,
        currentSnapshotBytes: S,
        manifestBytesPerSnapshot: M,
        retainedBytes: Math.round(S + N * (c * S + M)),
        bytesAfterWindow: Math.round(
          figures(environment).blobBytes + rootsAndNodes + N * (c * S + M)
        )
      };
    }
    environments.push(stats);
  }
  const blobBytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const totalNodeBytes = [...nodeSizes.values()].reduce((sum, size) => sum + size, 0);
  const bytes = blobBytes + manifestBytes + totalNodeBytes;
  const result = {
    location: store.location,
    environments,
    store: {
      blobs: sizes.size,
      blobBytes,
      manifests,
      manifestBytes,
      nodes: nodeSizes.size,
      nodeBytes: totalNodeBytes,
      bytes
    },
    warnings: []
  };
  if (options.projection) {
    const growth2 = environments.reduce(
      (sum, env) => sum + (env.projection ? env.projection.snapshotsRetained * (env.projection.churnPercent / 100 * env.projection.currentSnapshotBytes + env.projection.manifestBytesPerSnapshot) : 0),
      0
    );
    result.projection = { bytesAfterWindow: Math.round(bytes + growth2) };
  }
  if (options.github) result.warnings.push(...githubWarnings(result, options));
  return result;
}
function githubWarnings(stats, options) {
  const guidance = options.sizeGuidance ?? GITHUB_SIZE_GUIDANCE;
  const fix = "Move the store to object storage or a local directory (`snapgate replicate --from THIS --to NEW`), or start a new backup repository for new snapshots and keep this one read-only; a git history never shrinks, so forget/prune do not reduce it.";
  const over = (bytes) => bytes > guidance.strong ? `past GitHub's strongly recommended ${guidance.strong} bytes` : bytes > guidance.recommended ? `past GitHub's recommended ${guidance.recommended} bytes` : null;
  const warnings = [];
  const now = over(stats.store.bytes);
  if (now)
    warnings.push({
      kind: "github-size",
      message: `${stats.location} holds ${stats.store.bytes} bytes in its current tree (its git history holds at least that): ${now}.`,
      fix
    });
  const after = stats.projection?.bytesAfterWindow;
  const days = options.projection?.retentionDays;
  const later = after !== void 0 ? over(after) : null;
  if (later && later !== now)
    warnings.push({
      kind: "github-size-projected",
      message: `${stats.location} is projected to hold ${after} bytes in ${days} day(s): ${later}.`,
      fix
    });
  return warnings;
}

// cli/commands/stats.ts
function numberOption(args, name, min, max) {
  const text = stringValue(args, name);
  if (text === void 0) return void 0;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SnapgateError("USAGE", `--${name} '${text}' is not a number from ${min} to ${max}.`, {
      fix: `Give --${name} a number, e.g. --retention-days 90 --churn 5 (percent per snapshot).`
    });
  }
  return value;
}
function ratio(figures2) {
  return figures2.dedupRatio === null ? "-" : `${figures2.dedupRatio.toFixed(2)}x`;
}
function growth(figures2) {
  return figures2.growthPerSnapshot === null ? "-" : formatBytes(Math.round(figures2.growthPerSnapshot));
}
var statsCommand = {
  name: "stats",
  summary: "Sizing: snapshots, unique blobs, bytes, dedup and growth per environment and tier, and a projection",
  usage: "snapgate stats --store STORE [--env ENV] [--retention-days N --churn PCT [--snapshots-per-day R]] [--json]",
  help: [
    "--env ENV               one environment (default: every environment of the store)",
    "--retention-days N      project the storage a retention of N days needs...",
    "--churn PCT             ...when PCT percent of the newest snapshot's bytes change per snapshot",
    "--snapshots-per-day R   the snapshot rate (default: observed between the first and newest snapshot; 1 when unknown)",
    "projection: N = days x rate; retained = S + N x (churn x S + M); after the window, nothing pruned = today + N x (churn x S + M) (S: newest snapshot's blob bytes, M: manifest bytes per snapshot)",
    "a github:// store warns past GitHub's size guidance (1 GB recommended, 5 GB strongly recommended), now or after the window",
    ...GITHUB_STORE_HELP
  ],
  json: "`{location, environments: [{environment, snapshots, forgotten, uniqueBlobs, blobBytes, referencedBytes, dedupRatio, growthPerSnapshot, manifestBytes, tiers: [{tier, snapshots, uniqueBlobs, blobBytes, referencedBytes, dedupRatio, growthPerSnapshot}], projection?: {retentionDays, churnPercent, snapshotsPerDay, rateFrom, snapshotsRetained, currentSnapshotBytes, manifestBytesPerSnapshot, retainedBytes, bytesAfterWindow}}], store: {blobs, blobBytes, manifests, manifestBytes, nodes, nodeBytes, bytes}, projection?: {bytesAfterWindow}, warnings: [{kind, message, fix}]}`",
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    "retention-days": { type: "string" },
    churn: { type: "string" },
    "snapshots-per-day": { type: "string" }
  },
  async run(args, context) {
    const store = await openStore(args, context);
    const retentionDays = numberOption(args, "retention-days", 0, 36500);
    const churnPercent = numberOption(args, "churn", 0, 100);
    const snapshotsPerDay = numberOption(args, "snapshots-per-day", 0, 1e5);
    if (retentionDays === void 0 !== (churnPercent === void 0)) {
      throw new SnapgateError("USAGE", "A projection needs both --retention-days and --churn.", {
        fix: "Pass both, e.g. --retention-days 90 --churn 5, or neither."
      });
    }
    const stream = stringValue(args, "env");
    const stats = await computeStoreStats({
      store,
      github: storeSpec(args, context).startsWith("github://"),
      ...stream ? { stream } : {},
      ...retentionDays !== void 0 && churnPercent !== void 0 ? {
        projection: {
          retentionDays,
          churnPercent,
          ...snapshotsPerDay !== void 0 ? { snapshotsPerDay } : {}
        }
      } : {}
    });
    if (flag(args, "json")) {
      context.stdout(json(stats));
      return 0;
    }
    const rows = [];
    for (const env of stats.environments) {
      rows.push([
        env.environment,
        "(all)",
        String(env.snapshots),
        String(env.uniqueBlobs),
        formatBytes(env.blobBytes),
        formatBytes(env.manifestBytes),
        ratio(env),
        growth(env)
      ]);
      for (const tier of env.tiers)
        rows.push([
          "",
          tier.tier,
          String(tier.snapshots),
          String(tier.uniqueBlobs),
          formatBytes(tier.blobBytes),
          "",
          ratio(tier),
          growth(tier)
        ]);
    }
    context.stdout(
      renderTable(
        [
          "environment",
          "tier",
          "snapshots",
          "blobs",
          "blob bytes",
          "manifests",
          "dedup",
          "growth/snapshot"
        ],
        rows
      )
    );
    const total = stats.store;
    context.stdout(
      `Store ${stats.location}: ${total.blobs} blob(s) ${formatBytes(total.blobBytes)}, ${total.manifests} manifest(s) ${formatBytes(total.manifestBytes)}, ${total.nodes} node(s) ${formatBytes(total.nodeBytes)}; ${formatBytes(total.bytes)} in all.
`
    );
    for (const env of stats.environments) {
      const p = env.projection;
      if (!p) continue;
      context.stdout(
        `${env.environment}: ${p.retentionDays} day(s) at ${p.snapshotsPerDay.toFixed(2)} snapshot(s)/day (${p.rateFrom}), ${p.churnPercent}% churn: retained ${formatBytes(p.retainedBytes)}; ${formatBytes(p.bytesAfterWindow)} after the window if nothing is pruned.
`
      );
    }
    if (stats.projection)
      context.stdout(
        `Store after the window, nothing pruned: ${formatBytes(stats.projection.bytesAfterWindow)}.
`
      );
    for (const warning of stats.warnings)
      context.stdout(`warning: ${warning.message}
  fix: ${warning.fix}
`);
    return 0;
  }
};
export {
  statsCommand
};
