import { mapWithConcurrency } from "../map-with-concurrency.js";
import { blobRefOf } from "../snapshot/blob-ref-of.js";
import { parseManifest } from "../snapshot/parse-manifest.js";
import { parseManifestNode } from "../snapshot/parse-manifest-node.js";
import { blobPath, type Store } from "../store/store.js";

/** GitHub's repository size guidance: about 1 GB recommended, 5 GB strongly recommended. */
export const GITHUB_SIZE_GUIDANCE = { recommended: 1_000_000_000, strong: 5_000_000_000 };

export interface StatsOptions {
  store: Store;
  /** One environment; default: every environment of the store. */
  stream?: string;
  /** Whether the store is a GitHub repository: its size guidance applies, and git keeps history. */
  github?: boolean;
  /** Overrides GITHUB_SIZE_GUIDANCE (tests; GitHub Enterprise limits). */
  sizeGuidance?: { recommended: number; strong: number };
  projection?: {
    retentionDays: number;
    /** Percent of the newest snapshot's blob bytes that change per snapshot. */
    churnPercent: number;
    /** Default: observed between the first and newest snapshot of the environment (1 when unknown). */
    snapshotsPerDay?: number;
  };
}

/** Blob figures of a set of snapshots: shared (deduplicated) and as referenced. */
export interface BlobFigures {
  snapshots: number;
  uniqueBlobs: number;
  /** Ciphertext bytes of the distinct blobs the snapshots reference. */
  blobBytes: number;
  /** Ciphertext bytes as if every snapshot stored its own copy of every file. */
  referencedBytes: number;
  /** referencedBytes / blobBytes (null with no blob). */
  dedupRatio: number | null;
  /** Average bytes each snapshot after the first added (new blobs, plus its root and new nodes for an environment); null with fewer than 2. */
  growthPerSnapshot: number | null;
}

export interface Projection {
  retentionDays: number;
  churnPercent: number;
  snapshotsPerDay: number;
  rateFrom: "given" | "observed" | "assumed";
  /** N = retentionDays x snapshotsPerDay. */
  snapshotsRetained: number;
  /** S: blob bytes of the newest snapshot. */
  currentSnapshotBytes: number;
  /** M: average manifest bytes (root and new nodes) per snapshot. */
  manifestBytesPerSnapshot: number;
  /** S + N x (c x S + M): what the retained snapshots hold. */
  retainedBytes: number;
  /** Today's bytes + N x (c x S + M): the store after retentionDays with nothing pruned (a git history never shrinks). */
  bytesAfterWindow: number;
}

export interface EnvironmentStats extends BlobFigures {
  environment: string;
  forgotten: number;
  /** Bytes of the roots of the live snapshots and of the distinct nodes they name. */
  manifestBytes: number;
  tiers: Array<BlobFigures & { tier: string }>;
  projection?: Projection;
}

export interface StatsWarning {
  kind: "github-size" | "github-size-projected";
  message: string;
  fix: string;
}

export interface StoreStats {
  location: string;
  environments: EnvironmentStats[];
  /** Everything in the store's blobs/, manifests/ and nodes/ now (all environments, forgotten and orphaned included). */
  store: {
    blobs: number;
    blobBytes: number;
    manifests: number;
    manifestBytes: number;
    nodes: number;
    nodeBytes: number;
    bytes: number;
  };
  projection?: { bytesAfterWindow: number };
  warnings: StatsWarning[];
}

interface Tally {
  blobs: Map<string, number>;
  snapshots: number;
  referenced: number;
  /** Bytes each snapshot added, in seq order. */
  added: number[];
}

function newTally(): Tally {
  return { blobs: new Map(), snapshots: 0, referenced: 0, added: [] };
}

function figures(tally: Tally): BlobFigures {
  const blobBytes = [...tally.blobs.values()].reduce((sum, size) => sum + size, 0);
  const later = tally.added.slice(1);
  return {
    snapshots: tally.snapshots,
    uniqueBlobs: tally.blobs.size,
    blobBytes,
    referencedBytes: tally.referenced,
    dedupRatio: blobBytes > 0 ? tally.referenced / blobBytes : null,
    growthPerSnapshot:
      later.length > 0 ? later.reduce((sum, bytes) => sum + bytes, 0) / later.length : null,
  };
}

const DAY_MS = 86_400_000;

/**
 * Sizing figures per environment and per file tier, from the manifests and
 * the stored blob sizes (every blob is read once to size it: the port lists
 * names, not sizes), and a projection for a retention window and churn rate
 * (ADR 1402): N = days x snapshots per day; retained = S + N(cS + M); after the
 * window with nothing pruned = today + N(cS + M).
 */
export async function computeStoreStats(options: StatsOptions): Promise<StoreStats> {
  const { store } = options;
  await store.assertExists();
  const sizes = new Map<string, number>();
  const listed = await store.listBlobs();
  const read = await mapWithConcurrency(listed, 32, (blob) => store.readBlob(blob));
  listed.forEach((blob, index) => sizes.set(blobPath(blob), read[index]?.length ?? 0));
  // What a node takes in the store (gzip'd on local and S3, ADR 1106) where the listing
  // tells; otherwise (GitHub, plain JSON) its bytes are read.
  const listedNodes = await store.listNodes();
  const nodeIds = listedNodes.map((node) => node.id);
  const nodeBytes = await mapWithConcurrency(
    listedNodes,
    32,
    async (node) => node.storedBytes ?? (await store.readNode(node.id))?.length ?? 0,
  );
  const nodeSizes = new Map(nodeIds.map((id, index) => [id, nodeBytes[index] ?? 0]));

  const allStreams = await store.listStreams();
  const streams = options.stream ? [options.stream] : allStreams;
  let manifests = 0;
  let manifestBytes = 0;
  const environments: EnvironmentStats[] = [];
  for (const stream of allStreams) {
    const seqs = await store.listManifestSeqs(stream);
    const texts = await mapWithConcurrency(seqs, 16, (seq) => store.readManifest(stream, seq));
    manifests += seqs.length;
    manifestBytes += texts.reduce((sum, bytes) => sum + (bytes?.length ?? 0), 0);
    if (!streams.includes(stream)) continue;
    const index = await store.readStreamIndex(stream);
    const forgotten = new Set(index.tombstoneSeqs);
    const environment = newTally();
    const tiers = new Map<string, Tally>();
    const seenNodes = new Set<string>();
    let rootsAndNodes = 0;
    const manifestAdded: number[] = [];
    let newest: { bytes: number; time: number } | null = null;
    let first: number | null = null;
    for (const [position, seq] of seqs.entries()) {
      const bytes = texts[position];
      if (!bytes || forgotten.has(seq)) continue;
      const where = `manifest ${stream}@${seq}`;
      const record = parseManifest(bytes, where);
      let added = bytes.length;
      const files =
        "files" in record
          ? record.files
          : (
              await Promise.all(
                (record.nodes ?? []).map(async (id) => {
                  const node = await store.readNode(id);
                  if (!seenNodes.has(id)) {
                    seenNodes.add(id);
                    added += nodeSizes.get(id) ?? node?.length ?? 0;
                  }
                  return node ? parseManifestNode(node, id, where).files : [];
                }),
              )
            ).flat();
      rootsAndNodes += added;
      manifestAdded.push(added);
      const touched = new Map<Tally, number>([[environment, added]]);
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
    const stats: EnvironmentStats = {
      environment: stream,
      ...figures(environment),
      forgotten: seqs.filter((seq) => forgotten.has(seq)).length,
      manifestBytes: rootsAndNodes,
      tiers: [...tiers.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([tier, tally]) => ({ tier, ...figures(tally) })),
    };
    if (options.projection && newest) {
      const given = options.projection.snapshotsPerDay;
      const span = first !== null ? (newest.time - first) / DAY_MS : 0;
      const observed =
        environment.snapshots > 1 && span > 0 ? (environment.snapshots - 1) / span : null;
      const snapshotsPerDay = given ?? observed ?? 1;
      const N = options.projection.retentionDays * snapshotsPerDay;
      const c = options.projection.churnPercent / 100;
      const S = newest.bytes;
      const M = manifestAdded.length
        ? manifestAdded.reduce((sum, bytes) => sum + bytes, 0) / manifestAdded.length
        : 0;
      stats.projection = {
        retentionDays: options.projection.retentionDays,
        churnPercent: options.projection.churnPercent,
        snapshotsPerDay,
        rateFrom: given !== undefined ? "given" : observed !== null ? "observed" : "assumed",
        snapshotsRetained: N,
        currentSnapshotBytes: S,
        manifestBytesPerSnapshot: M,
        retainedBytes: Math.round(S + N * (c * S + M)),
        bytesAfterWindow: Math.round(
          figures(environment).blobBytes + rootsAndNodes + N * (c * S + M),
        ),
      };
    }
    environments.push(stats);
  }
  const blobBytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const totalNodeBytes = [...nodeSizes.values()].reduce((sum, size) => sum + size, 0);
  const bytes = blobBytes + manifestBytes + totalNodeBytes;
  const result: StoreStats = {
    location: store.location,
    environments,
    store: {
      blobs: sizes.size,
      blobBytes,
      manifests,
      manifestBytes,
      nodes: nodeSizes.size,
      nodeBytes: totalNodeBytes,
      bytes,
    },
    warnings: [],
  };
  if (options.projection) {
    const growth = environments.reduce(
      (sum, env) =>
        sum +
        (env.projection
          ? env.projection.snapshotsRetained *
            ((env.projection.churnPercent / 100) * env.projection.currentSnapshotBytes +
              env.projection.manifestBytesPerSnapshot)
          : 0),
      0,
    );
    result.projection = { bytesAfterWindow: Math.round(bytes + growth) };
  }
  if (options.github) result.warnings.push(...githubWarnings(result, options));
  return result;
}

function githubWarnings(stats: StoreStats, options: StatsOptions): StatsWarning[] {
  const guidance = options.sizeGuidance ?? GITHUB_SIZE_GUIDANCE;
  const fix =
    "Move the store to object storage or a local directory (`snapgate replicate --from THIS --to NEW`), or start a new backup repository for new snapshots and keep this one read-only; a git history never shrinks, so forget/prune do not reduce it.";
  const over = (bytes: number) =>
    bytes > guidance.strong
      ? `past GitHub's strongly recommended ${guidance.strong} bytes`
      : bytes > guidance.recommended
        ? `past GitHub's recommended ${guidance.recommended} bytes`
        : null;
  const warnings: StatsWarning[] = [];
  const now = over(stats.store.bytes);
  if (now)
    warnings.push({
      kind: "github-size",
      message: `${stats.location} holds ${stats.store.bytes} bytes in its current tree (its git history holds at least that): ${now}.`,
      fix,
    });
  const after = stats.projection?.bytesAfterWindow;
  const days = options.projection?.retentionDays;
  const later = after !== undefined ? over(after) : null;
  if (later && later !== now)
    warnings.push({
      kind: "github-size-projected",
      message: `${stats.location} is projected to hold ${after} bytes in ${days} day(s): ${later}.`,
      fix,
    });
  return warnings;
}
