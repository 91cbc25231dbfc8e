import { isSnapgateError } from "../errors.js";
import type { CatalogEntry, Manifest, RegularFileEntry } from "../types.js";
import { blobPath, type BlobRef, type Store } from "../store/store.js";
import { verifyManifestSignature } from "../crypto/manifest-signature.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { blobSha256 } from "../snapshot/blob-sha256.js";
import { loadSodium, type Sodium } from "../crypto/sodium.js";
import { checkStreamChain, type StreamChain } from "../snapshot/check-stream-chain.js";
import { forEachBlobWindow } from "../snapshot/for-each-blob-window.js";
import { openManifest } from "../snapshot/open-manifest.js";
import { readCatalog } from "../snapshot/read-catalog.js";
import { blobRefOf } from "../snapshot/blob-ref-of.js";
import { recipientGaps } from "../snapshot/recipient-gaps.js";
import { findLatestVerification } from "../snapshot/verification-record.js";
import type { Policy } from "../policy/policy.js";
import { readEnvironmentLock } from "../approvals/read-environment-lock.js";
import { rewrapResolver } from "../rekey/rewrap-resolver.js";
import { rewrapsInListing } from "../rekey/rewraps-in-listing.js";
import { verifiedRewraps } from "../rekey/verified-rewraps.js";
import { parseDrillPath, type DrillName } from "../operations/drill-path.js";
import { readDrillRecord, type DrillRead } from "../operations/read-drill-record.js";
import { gatherDrillFact, type DrillReader } from "./drill-fact.js";
import type { GateInput, LockFact, SignatureFact, SnapshotFacts } from "./gate-decision.js";

export interface GatherGateFactsOptions {
  /**
   * How blobs are checked: "read" reads each blob of the snapshot and hashes
   * it (the default); "list" compares names from one listing (id and
   * ciphertext sha256 are in each name), for stores where a read per blob costs
   * a request: presence, not content.
   */
  blobs?: "read" | "list";
  /**
   * How the hash chain is checked: "manifests" reads every manifest up to the
   * snapshot (the default; the CLI's check); "catalog" follows the catalog's
   * recorded links, checks every manifest is present, and checks the
   * snapshot's own manifest: two reads on GitHub (the app's check run), with
   * full walks left to `snapgate verify --all --record`.
   */
  chain?: "manifests" | "catalog";
}

/**
 * The facts the gate decides on, read from the store: the environment's
 * newest snapshot that was not forgotten, its signature against the policy's
 * writer keys, the hash chain up to it, its blobs, the coverage and
 * consistency it recorded, and the newest restore-level verification record
 * of the environment. The CLI's `check` and the app's check run call this.
 */
export async function gatherGateFacts(
  store: Store,
  policy: Policy,
  environment: string,
  now: Date,
  options: GatherGateFactsOptions = {},
): Promise<GateInput> {
  // No assertExists(): an empty or missing store simply has no snapshot, which fails the gate.
  const index = await store.readStreamIndex(environment);
  // A catalog line a crash left out is rebuilt from its manifest (extra reads only then).
  const complete = index.manifestSeqs.every((seq) =>
    index.catalog.some((entry) => entry.seq === seq),
  );
  const entries = complete ? index.catalog : await readCatalog(store, environment);
  const forgottenSeqs = new Set(index.tombstoneSeqs);
  const latest = entries.findLast((entry) => !forgottenSeqs.has(entry.seq)) ?? null;

  const verification = await findLatestVerification(
    store,
    index.verifications,
    new Set(entries.map((entry) => entry.id)),
    "restore",
  );
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName ? policy.tiers[tierName] : undefined;
  // Drill names come with the stream index; a store whose index lacks them is listed only when needed.
  const drillPaths =
    index.drills ??
    (tier?.drillIntervalMs !== undefined || tier?.restoreVerificationMs != null
      ? await store.listRecords(`drills/${environment}`)
      : []);
  const reads = new Map<string, Promise<DrillRead>>();
  const readDrill: DrillReader = (path) => {
    let read = reads.get(path);
    if (!read) {
      read = readDrillRecord(
        store,
        path,
        policy.keys.writers.map((writer) => writer.key),
      );
      reads.set(path, read);
    }
    return read;
  };
  // A passing, signed drill restored its snapshot and validated it: restore-level verification too.
  const drilled =
    tier?.restoreVerificationMs != null
      ? await drillVerification(
          drillPaths,
          environment,
          new Set(entries.map((entry) => entry.id)),
          verification?.time ?? null,
          readDrill,
        )
      : null;
  const restore = drilled
    ? { lastRestoreVerification: drilled, failedRestoreVerification: null }
    : {
        lastRestoreVerification: verification?.ok ? verification.time : null,
        failedRestoreVerification:
          verification && !verification.ok
            ? {
                time: verification.time,
                snapshot: verification.snapshot,
                detail:
                  verification.problems
                    .slice(0, 3)
                    .map((problem) => problem.message)
                    .join(" ") || "it reported problems.",
              }
            : null,
      };
  const lock = await lockFact(store, policy, environment, index.locks);
  const drill = await gatherDrillFact(store, policy, environment, drillPaths, readDrill);
  const records = { ...restore, lock, ...(drill !== undefined ? { drill } : {}) };
  if (latest === null) return { policy, environment, now, snapshot: null, ...records };

  const facts: SnapshotFacts = {
    id: latest.id,
    seq: latest.seq,
    time: latest.time,
    writtenAt: latest.writtenAt,
    signature: null,
    chain: null,
    missingBlobs: null,
    recipientGaps: null,
    components: [],
    uncoveredTier0Paths: null,
    consistency: null,
  };
  // The root and the nodes the head pointer names, issued together: one query on GitHub for up
  // to 99 nodes. The hint is unsigned: openManifest checks each node against the root.
  const hinted = index.headNodes?.seq === latest.seq ? index.headNodes.nodes : [];
  const [bytes, ...prefetched] = await Promise.all([
    store.readManifest(environment, latest.seq),
    ...hinted.map((id) => store.readNode(id)),
  ]);
  const nodes = new Map(hinted.map((id, i) => [id, prefetched[i] ?? null]));
  const reader = {
    location: store.location,
    readNode: (id: string) =>
      nodes.get(id) ? Promise.resolve(nodes.get(id) ?? null) : store.readNode(id),
  };
  let manifest: Manifest | null = null;
  if (!bytes) {
    facts.signature = { state: "bad", detail: "the manifest is missing from the store" };
  } else if (sha256Hex(bytes) !== latest.id) {
    facts.signature = { state: "bad", detail: "the manifest does not hash to its catalog id" };
  } else {
    try {
      manifest = await openManifest(reader, bytes, `manifest ${environment}@${latest.seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      facts.signature = { state: "bad", detail: error.summary };
    }
  }
  const chain =
    options.chain === "catalog"
      ? catalogChain(environment, entries, index.manifestSeqs, latest.seq, manifest)
      : await checkStreamChain(store, environment, latest.seq);
  facts.chain =
    chain.state === "ok" ? chain : { state: "broken", atSeq: chain.atSeq, detail: chain.detail };
  if (manifest) {
    facts.signature = signatureFact(
      manifest,
      policy.keys.writers.map((writer) => writer.key),
      await loadSodium(),
    );
    facts.missingBlobs = await missingBlobs(
      store,
      manifest,
      options.blobs ?? "read",
      index.blobs,
      policy.keys.writers.map((writer) => writer.key),
    );
    facts.recipientGaps = recipientGaps(manifest);
    facts.components = [
      ...new Set(manifest.files.flatMap((file) => (file.component ? [file.component] : []))),
    ].sort();
    facts.uncoveredTier0Paths = manifest.coverage?.uncoveredTier0Paths ?? null;
    facts.consistency = manifest.consistency ?? null;
  }
  return { policy, environment, now, snapshot: facts, ...records };
}

/**
 * The time of the newest passing drill of one of the stream's snapshots that
 * is newer than the newest restore-level verification record (`after`), when
 * its record verifies: one read, only when a drill could change the answer.
 * An untrusted one counts for nothing (the drill condition names it).
 */
async function drillVerification(
  paths: readonly string[],
  environment: string,
  snapshots: ReadonlySet<string>,
  after: string | null,
  readDrill: DrillReader,
): Promise<string | null> {
  const newest = paths
    .map((path) => parseDrillPath(path))
    .filter(
      (name): name is DrillName =>
        name !== undefined &&
        name.stream === environment &&
        name.ok &&
        snapshots.has(name.snapshot) &&
        (after === null || Date.parse(name.time) > Date.parse(after)),
    )
    .sort((a, b) => (a.time < b.time ? 1 : -1))[0];
  if (!newest) return null;
  return (await readDrill(newest.path)).ok ? newest.time : null;
}

/** The lock from the revisions the index listed: one read when the environment was ever locked, none otherwise. */
async function lockFact(
  store: Store,
  policy: Policy,
  environment: string,
  revisions: readonly string[],
): Promise<LockFact> {
  try {
    const lock = await readEnvironmentLock(store, environment, policy.keys.app ?? [], revisions);
    return lock === null ? { state: "unlocked" } : { state: "locked", lock };
  } catch (error) {
    if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
    return { state: "untrusted", detail: error.summary, fix: error.fix ?? null };
  }
}

function signatureFact(manifest: Manifest, keys: string[], sodium: Sodium): SignatureFact {
  const check = verifyManifestSignature(sodium, manifest, keys);
  if (check.ok) return { state: "ok", key: check.key };
  if (check.reason === "unknown-key") return { state: "unknown-key", key: check.key };
  return { state: "bad", key: check.key, detail: "the signature does not match the manifest" };
}

/**
 * Blob ids of the snapshot that are absent or whose ciphertext does not hash to
 * the signed sha256. A blob `snapgate rekey` re-wrapped counts as present when
 * re-wrap records signed by a policy writer key lead to it (ADR 1301, 1303).
 */
async function missingBlobs(
  store: Store,
  manifest: Manifest,
  mode: "read" | "list",
  listed: readonly BlobRef[],
  writerKeys: readonly string[],
): Promise<string[]> {
  // A blob's file name (blobPath) says all a listing can: id, hash, recipient set, encoding.
  const unique = new Map<string, RegularFileEntry>();
  for (const file of manifest.files) {
    if (file.type === "file") unique.set(blobPath(blobRefOf(file)), file);
  }
  const files = [...unique.values()];
  if (mode === "list") {
    const present = new Set(listed.map(blobPath));
    const absent = files.filter((file) => !present.has(blobPath(blobRefOf(file))));
    // Only when something is missing: its records, one query per 100 on GitHub.
    const rewrapped =
      absent.length === 0
        ? new Set<string>()
        : await rewrapsInListing(
            store,
            await loadSodium(),
            writerKeys,
            absent.map(blobRefOf),
            present,
          );
    return absent
      .filter((file) => !rewrapped.has(blobPath(blobRefOf(file))))
      .map((file) => file.blob);
  }
  // A window of reads at a time: a GitHub store answers each window with one request, and
  // the records of its missing blobs, then the blobs they lead to, with one more each.
  const bad = await forEachBlobWindow(
    store,
    files,
    async (file, ciphertext) =>
      ciphertext &&
      (blobSha256(ciphertext) === file.ciphertextSha256 ||
        verifiedRewraps.get(ciphertext)?.standsFor === file.ciphertextSha256)
        ? null
        : file.blob,
    4,
    undefined,
    rewrapResolver(store, await loadSodium(), writerKeys),
  );
  return bad.filter((id): id is string => id !== null);
}

/**
 * The chain as the catalog records it: every seq up to the snapshot has a
 * catalog line and a manifest, each line links to the id of the one before,
 * and the snapshot's own manifest (already hashed against its id) links to its
 * predecessor's id. Lines are not signed, so this is a cheap check of
 * presence and order; `verify --all` walks the manifests themselves.
 */
function catalogChain(
  stream: string,
  entries: readonly CatalogEntry[],
  manifestSeqs: readonly number[],
  upto: number,
  manifest: Manifest | null,
): StreamChain {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const present = new Set(manifestSeqs);
  for (let seq = 1; seq <= upto; seq++) {
    const entry = bySeq.get(seq);
    if (!entry || !present.has(seq)) {
      return { state: "broken", atSeq: seq, detail: `manifest ${stream}@${seq} is missing` };
    }
    const previous = seq === 1 ? null : (bySeq.get(seq - 1)?.id ?? null);
    if (entry.prev !== undefined && entry.prev !== previous) {
      return {
        state: "broken",
        atSeq: seq,
        detail: `${stream}@${seq} does not link to ${stream}@${seq - 1}`,
      };
    }
  }
  const expected = upto === 1 ? null : (bySeq.get(upto - 1)?.id ?? null);
  if (manifest && manifest.prev !== expected) {
    return {
      state: "broken",
      atSeq: upto,
      detail: `manifest ${stream}@${upto} does not link to ${stream}@${upto - 1}`,
    };
  }
  return { state: "ok" };
}
