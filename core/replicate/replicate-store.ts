import { SnapgateError } from "../errors.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { Sodium } from "../crypto/sodium.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import type { WriterKeyRule } from "../policy/policy.js";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { blobRefOf } from "../snapshot/blob-ref-of.js";
import { checkStreamChain } from "../snapshot/check-stream-chain.js";
import { parseManifest } from "../snapshot/parse-manifest.js";
import { parseManifestNode } from "../snapshot/parse-manifest-node.js";
import { signatureProblem } from "../snapshot/signature-problem.js";
import { RECORD_ROOTS } from "../store/record-path.js";
import {
  blobPath,
  type BlobRef,
  type NodeFile,
  type StagedBlob,
  type Store,
  type StoreRecord,
} from "../store/store.js";
import type { CatalogEntry, Manifest } from "../types.js";

export interface ReplicateOptions {
  from: Store;
  to: Store;
  sodium: Sodium;
  /** Writer verify keys a copied manifest's signature must verify against (the policy's keys.writers). */
  trustedKeys: readonly string[];
  writerPeriods?: readonly WriterKeyRule[];
  /** One environment (its manifests, blobs and records); default: the whole store. */
  stream?: string;
  /** After copying, re-read the destination: every chain, the audit chain, every copied blob. */
  verify?: boolean;
  /** Blobs per putBlobs call: on GitHub, one commit each. */
  blobBatch?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ReplicateReport {
  from: string;
  to: string;
  streams: Array<{ stream: string; from: number; to: number; copied: number }>;
  copied: { blobs: number; nodes: number; manifests: number; records: number; auditEvents: number };
  bytes: number;
  verified: boolean;
}

interface PlannedSnapshot {
  stream: string;
  seq: number;
  manifest: Uint8Array;
  nodes: NodeFile[];
  blobs: BlobRef[];
  entry: CatalogEntry;
}

/** Snapshots of a stream per commit, on a store that batches them (GitHub). */
const SNAPSHOT_BATCH = 100;

const DIVERGED_FIX =
  "The destination was written by something other than this replication (a snapshot taken into it, or a different source). Replicate into a new, empty store or repository, or, if the destination is the store you trust, swap --from and --to after comparing them with `snapgate list`.";

/**
 * Copies what `to` lacks from `from`: blobs, then manifest nodes, then roots
 * with their catalog line and head (one snapshot commit each, oldest first),
 * then records (verifications, drills, re-wraps, tombstones, locks, requests),
 * then the audit lines. Each write is one the destination makes atomically, so
 * a crash leaves it a consistent, shorter replica and a re-run completes it; a
 * run with nothing to copy writes nothing. Everything is checked before it is
 * written: signatures and the hash chain of each new manifest, node ids, blob
 * hashes, the audit chain; a destination whose chain differs from the
 * source's is refused (ADR 1401).
 */
export async function replicateStore(options: ReplicateOptions): Promise<ReplicateReport> {
  const { from, to } = options;
  const progress = options.onProgress ?? (() => undefined);
  await from.assertExists();
  if (from.location === to.location) {
    throw new SnapgateError("USAGE", `--from and --to are the same store (${from.location}).`, {
      fix: "Name a second store with --to: another directory or github://OWNER/REPO.",
    });
  }
  await to.initialize();

  // The audit chain first: refusing a diverged destination must happen before any write.
  const sourceAudit = await from.readAuditLines();
  const auditCheck = verifyAuditChain(sourceAudit);
  if (auditCheck.problems[0]) {
    throw new SnapgateError(
      "INTEGRITY",
      `The audit log of ${from.location} is broken at line ${auditCheck.problems[0].line}: ${auditCheck.problems[0].message}. Nothing was copied.`,
      {
        fix: "Run `snapgate audit verify` on the source and restore it from a good copy before replicating it; a broken chain must not spread to the replica.",
      },
    );
  }
  const destAuditHead = await to.currentAuditHead();
  if (destAuditHead) {
    const line = sourceAudit[destAuditHead.seq - 1];
    const hash = line ? (JSON.parse(line) as { hash?: string }).hash : undefined;
    if (hash !== destAuditHead.hash) {
      throw new SnapgateError(
        "CONFLICT",
        `The audit log of ${to.location} has diverged from ${from.location}: its event ${destAuditHead.seq} is not the source's. Nothing was copied.`,
        { fix: DIVERGED_FIX, details: { kind: "diverged", what: "audit" } },
      );
    }
  }

  const streams = options.stream
    ? [options.stream]
    : [...new Set([...(await from.listStreams()), ...(await to.listStreams())])].sort();
  const report: ReplicateReport = {
    from: from.location,
    to: to.location,
    streams: [],
    copied: { blobs: 0, nodes: 0, manifests: 0, records: 0, auditEvents: 0 },
    bytes: 0,
    verified: false,
  };
  const planned: PlannedSnapshot[] = [];
  for (const stream of streams) {
    const snapshots = await planStream(options, stream);
    planned.push(...snapshots.planned);
    report.streams.push({
      stream,
      from: snapshots.sourceSeq,
      to: snapshots.destSeq,
      copied: snapshots.planned.length,
    });
  }

  // 1. Blobs: every one the new manifests name (all the source has, for a whole-store copy:
  //    re-wrapped blobs are named by records, not manifests), none the destination has.
  const have = new Set((await to.listBlobs()).map((blob) => blobPath(blob)));
  const wanted = new Map<string, BlobRef>();
  for (const snapshot of planned)
    for (const blob of snapshot.blobs)
      if (!have.has(blobPath(blob))) wanted.set(blobPath(blob), blob);
  if (!options.stream)
    for (const blob of await from.listBlobs()) {
      const { modifiedAt: _modifiedAt, ...ref } = blob;
      if (!have.has(blobPath(ref))) wanted.set(blobPath(ref), ref);
    }
  const blobs = [...wanted.values()];
  const batch = options.blobBatch ?? 256;
  if (blobs.length > 0 && !to.putBlobs) {
    throw new SnapgateError("USAGE", `${to.location} cannot take replicated blobs.`, {
      fix: "Replicate into a local directory or a GitHub backup repository.",
    });
  }
  for (let start = 0; start < blobs.length; start += batch) {
    const slice = blobs.slice(start, start + batch);
    const read = await Promise.all(slice.map((blob) => from.readBlob(blob)));
    const staged: StagedBlob[] = slice.map((blob, index) => {
      const ciphertext = read[index];
      if (!ciphertext || sha256Hex(ciphertext) !== blob.sha256) {
        throw new SnapgateError(
          "INTEGRITY",
          `The blob ${blobPath(blob)} in ${from.location} is ${ciphertext ? "damaged (its sha256 does not match its name)" : "missing"}. ${report.copied.blobs} blob(s) were copied before it; no snapshot that names it was.`,
          {
            fix: "Run `snapgate verify --all` on the source, repair it from another replica, and run replicate again (it resumes).",
          },
        );
      }
      report.bytes += ciphertext.length;
      return { ...blob, ciphertext };
    });
    await to.putBlobs?.(staged);
    report.copied.blobs += staged.length;
    progress("blobs", report.copied.blobs, blobs.length);
  }

  // 2 and 3. Nodes, then the root, catalog line and head, in seq order: one commit per snapshot,
  //    or per run of up to SNAPSHOT_BATCH snapshots of a stream where the store batches them.
  const runs: PlannedSnapshot[][] = [];
  for (const snapshot of planned) {
    const last = runs.at(-1);
    if (
      to.commitSnapshotBatch &&
      last &&
      last[0]?.stream === snapshot.stream &&
      last.length < SNAPSHOT_BATCH
    )
      last.push(snapshot);
    else runs.push([snapshot]);
  }
  for (const run of runs) {
    const first = run[0] as PlannedSnapshot;
    const view = await to.beginWrite(first.stream);
    if ((view.head?.seq ?? 0) !== first.seq - 1 || (view.head?.sha256 ?? null) !== prevOf(first)) {
      await view.discard?.();
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} changed while replicating: ${first.stream} is at seq ${view.head?.seq ?? 0}, not ${first.seq - 1}.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes).",
        },
      );
    }
    const time = new Date();
    const commits = run.map((snapshot) => ({
      view,
      seq: snapshot.seq,
      manifest: snapshot.manifest,
      blobs: snapshot.blobs,
      ...(snapshot.nodes.length > 0 ? { nodes: snapshot.nodes } : {}),
      catalogEntry: snapshot.entry,
      auditLines: [],
      time,
    }));
    const outcome =
      commits.length > 1 && to.commitSnapshotBatch
        ? await to.commitSnapshotBatch(commits)
        : await to.commitSnapshot(commits[0] as (typeof commits)[number]);
    if (outcome !== "committed") {
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} changed while replicating ${first.stream}@${first.seq}.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes).",
        },
      );
    }
    for (const snapshot of run) {
      report.copied.manifests += 1;
      report.copied.nodes += snapshot.nodes.length;
      report.bytes +=
        snapshot.manifest.length + snapshot.nodes.reduce((sum, node) => sum + node.bytes.length, 0);
    }
    progress("snapshots", report.copied.manifests, planned.length);
  }

  // 4. Records: after the snapshots they describe, in one write.
  const records = await missingRecords(options);
  if (records.length > 0) {
    await to.writeRecords(records);
    report.copied.records = records.length;
    report.bytes += records.reduce((sum, record) => sum + record.bytes.length, 0);
    progress("records", records.length, records.length);
  }

  // 5. The audit lines the destination lacks, one append per month file so each lands where
  //    the source keeps it.
  const missingAudit = sourceAudit.slice(destAuditHead?.seq ?? 0);
  let head = destAuditHead;
  for (const group of byMonth(missingAudit)) {
    const outcome = await to.appendAudit(head, group.lines, group.time);
    if (outcome !== "committed") {
      throw new SnapgateError(
        "CONFLICT",
        `The audit log of ${to.location} changed while replicating.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes).",
        },
      );
    }
    const last = JSON.parse(group.lines.at(-1) as string) as { seq: number; hash: string };
    head = { seq: last.seq, hash: last.hash };
    report.copied.auditEvents += group.lines.length;
    report.bytes += group.lines.reduce((sum, line) => sum + line.length + 1, 0);
    progress("audit", report.copied.auditEvents, missingAudit.length);
  }

  if (options.verify) {
    await verifyReplica(options, streams);
    report.verified = true;
  }
  return report;
}

function prevOf(snapshot: PlannedSnapshot): string | null {
  return (JSON.parse(Buffer.from(snapshot.manifest).toString("utf8")) as { prev: string | null })
    .prev;
}

/**
 * What one stream needs: the destination must hold a prefix of the source's
 * chain (its head manifest byte-identical to the source's at that seq); each
 * newer manifest is read, checked (schema, stream and seq, link, signature,
 * nodes) and planned with its nodes and blobs.
 */
async function planStream(
  options: ReplicateOptions,
  stream: string,
): Promise<{ planned: PlannedSnapshot[]; sourceSeq: number; destSeq: number }> {
  const { from, to } = options;
  const [sourceSeqs, destSeqs] = await Promise.all([
    from.listManifestSeqs(stream),
    to.listManifestSeqs(stream),
  ]);
  const sourceSeq = sourceSeqs.at(-1) ?? 0;
  const destSeq = destSeqs.at(-1) ?? 0;
  let prev: string | null = null;
  if (destSeq > 0) {
    const [mine, theirs] = await Promise.all([
      to.readManifest(stream, destSeq),
      from.readManifest(stream, destSeq),
    ]);
    if (!theirs || !mine || sha256Hex(mine) !== sha256Hex(theirs)) {
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} has diverged from ${from.location}: ${stream}@${destSeq} ${theirs ? "differs between them" : "exists only in the destination"}. Nothing was copied.`,
        { fix: DIVERGED_FIX, details: { kind: "diverged", what: `${stream}@${destSeq}` } },
      );
    }
    prev = sha256Hex(mine);
  }
  const catalog = new Map((await from.readCatalog(stream)).map((entry) => [entry.seq, entry]));
  const tombstoned = new Set((await from.readStreamIndex(stream)).tombstoneSeqs);
  const planned: PlannedSnapshot[] = [];
  for (let seq = destSeq + 1; seq <= sourceSeq; seq++) {
    const where = `${stream}@${seq} in ${from.location}`;
    const refuse = (message: string, fix: string): never => {
      throw new SnapgateError(
        "INTEGRITY",
        `${where} ${message}. Nothing from ${stream}@${seq} on was copied.`,
        { fix, details: { kind: "chain", stream, seq } },
      );
    };
    const bytes = await from.readManifest(stream, seq);
    if (!bytes)
      refuse(
        "is missing: the chain has a gap",
        "Repair the source (`snapgate verify --all` names what is wrong) and replicate again.",
      );
    const manifest = bytes as Uint8Array;
    const record = parseManifest(manifest, `manifest ${where}`);
    if (record.stream !== stream || record.seq !== seq)
      refuse(
        `says it is ${record.stream}@${record.seq}`,
        "The source's manifests were moved or altered: do not replicate it until `snapgate verify --all` passes.",
      );
    if (record.prev !== prev)
      refuse(
        `does not link to ${stream}@${seq - 1} (its prev is not that manifest's sha256)`,
        "The source's chain is broken: run `snapgate verify --all` on it and repair it from another replica.",
      );
    const forgotten = tombstoned.has(seq);
    const nodes: NodeFile[] = [];
    const files: Manifest["files"] = "files" in record ? record.files : [];
    if (!("files" in record) && record.nodes) {
      const ids = [...new Set(record.nodes)];
      const read = await Promise.all(ids.map((id) => from.readNode(id)));
      for (const [index, id] of ids.entries()) {
        const node = read[index];
        if (!node) {
          // A forgotten snapshot's nodes may be pruned: its root is copied, as verify checks it.
          if (forgotten) continue;
          refuse(
            `names node ${id.slice(0, 12)}, which is missing`,
            "Repair the source from another replica, or forget the snapshot, then replicate again.",
          );
        }
        files.push(...parseManifestNode(node as Uint8Array, id, `manifest ${where}`).files);
        nodes.push({ id, bytes: node as Uint8Array });
      }
    }
    const problem = signatureProblem(
      options.sodium,
      { ...record, files } as Manifest,
      options.trustedKeys,
      `manifest ${where}`,
      options.writerPeriods ?? [],
    );
    if (problem) refuse(`is not acceptable: ${problem.message}`, problem.fix);
    const entry = catalog.get(seq);
    if (!entry || entry.id !== sha256Hex(manifest))
      refuse(
        "has no catalog line naming it",
        "Run `snapgate doctor` on the source (it repairs the catalog), then replicate again.",
      );
    const blobs: BlobRef[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      if (file.type !== "file") continue;
      const ref = blobRefOf(file);
      if (!seen.has(blobPath(ref))) {
        seen.add(blobPath(ref));
        blobs.push(ref);
      }
    }
    planned.push({
      stream,
      seq,
      manifest,
      nodes,
      // A forgotten snapshot's blobs may be pruned: those the source still has are copied.
      blobs: forgotten ? await presentBlobs(from, blobs) : blobs,
      entry: entry as CatalogEntry,
    });
    prev = sha256Hex(manifest);
  }
  return { planned, sourceSeq, destSeq };
}

async function presentBlobs(store: Store, blobs: readonly BlobRef[]): Promise<BlobRef[]> {
  const present = new Set((await store.listBlobs()).map((blob) => blobPath(blob)));
  return blobs.filter((blob) => present.has(blobPath(blob)));
}

/** Records under every record folder (or only the environment's folders) the destination lacks. */
async function missingRecords(options: ReplicateOptions): Promise<StoreRecord[]> {
  const { from, to } = options;
  const prefixes = options.stream
    ? RECORD_ROOTS.map((root) => `${root}/${options.stream}`)
    : [...RECORD_ROOTS];
  const paths: string[] = [];
  for (const prefix of prefixes) {
    const [source, dest] = await Promise.all([from.listRecords(prefix), to.listRecords(prefix)]);
    const present = new Set(dest);
    // A local store's own lock files live under locks/ too: only records (*.json) travel.
    paths.push(...source.filter((path) => !present.has(path) && path.endsWith(".json")));
  }
  const bytes = await mapWithConcurrency(paths, 16, (path) => from.readRecord(path));
  return paths.flatMap((path, index) => {
    const record = bytes[index];
    return record ? [{ path, bytes: record }] : [];
  });
}

function byMonth(lines: readonly string[]): Array<{ time: Date; lines: string[] }> {
  const groups: Array<{ month: string; time: Date; lines: string[] }> = [];
  for (const line of lines) {
    const time = new Date((JSON.parse(line) as { time: string }).time);
    const month = time.toISOString().slice(0, 7);
    const last = groups.at(-1);
    // Never back to an older month: a line goes with the newest file, as a writer appends it.
    if (last && month <= last.month) last.lines.push(line);
    else groups.push({ month, time, lines: [line] });
  }
  return groups;
}

/** The destination, re-read: each stream's chain, the audit chain, every blob its snapshots name. */
async function verifyReplica(options: ReplicateOptions, streams: readonly string[]): Promise<void> {
  const { to } = options;
  const failed = (message: string): never => {
    throw new SnapgateError("INTEGRITY", `The replica ${to.location} ${message}.`, {
      fix: "Run `snapgate verify --all --store` on the replica to see every problem, then run replicate again.",
      details: { kind: "verify" },
    });
  };
  const present = new Set((await to.listBlobs()).map((blob) => blobPath(blob)));
  for (const stream of streams) {
    const seqs = await to.listManifestSeqs(stream);
    const chain = await checkStreamChain(to, stream, seqs.at(-1) ?? 0);
    if (chain.state === "broken") failed(`has a broken chain: ${chain.detail}`);
    const tombstoned = new Set((await to.readStreamIndex(stream)).tombstoneSeqs);
    for (const seq of seqs) {
      if (tombstoned.has(seq)) continue;
      const record = parseManifest(
        (await to.readManifest(stream, seq)) as Uint8Array,
        `${stream}@${seq}`,
      );
      const files =
        "files" in record
          ? record.files
          : (
              await Promise.all(
                (record.nodes ?? []).map(async (id) => {
                  const node = await to.readNode(id);
                  if (!node) failed(`lacks node ${id.slice(0, 12)} of ${stream}@${seq}`);
                  return parseManifestNode(node as Uint8Array, id, `${stream}@${seq}`).files;
                }),
              )
            ).flat();
      for (const file of files)
        if (file.type === "file" && !present.has(blobPath(blobRefOf(file))))
          failed(`lacks the blob of ${file.path} in ${stream}@${seq}`);
    }
  }
  const audit = verifyAuditChain(await to.readAuditLines());
  if (audit.problems[0]) failed(`has a broken audit chain: ${audit.problems[0].message}`);
}
