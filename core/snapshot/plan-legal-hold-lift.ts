import { SnapgateError } from "../errors.js";
import type { Policy } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import { blobPath, gzipNodePath, manifestPath, nodePath, type Store } from "../store/store.js";
import type { FileEntry } from "../types.js";
import { blobRefOf } from "./blob-ref-of.js";
import { parseManifest } from "./parse-manifest.js";
import { parseManifestNode } from "./parse-manifest-node.js";
import { readCatalog } from "./read-catalog.js";

/** Per-environment record folders whose records are written with the store's lock. */
const RECORD_FOLDERS = ["tombstones", "verifications", "drills", "locks"] as const;

export interface LegalHoldLiftPlan {
  environment: string;
  tier: string;
  /** Snapshots of the environment whose objects lose their S3 legal hold. */
  released: number[];
  /** Snapshots of the environment still held: a file's component has a tier with a legal hold. */
  held: Array<{ seq: number; tier: string; reason: string }>;
  /**
   * Store paths whose S3 legal holds go: the released snapshots' manifests, nodes and blobs, less
   * every node and blob a held snapshot of any environment names (content is shared), and the
   * environment's records when none of its snapshots is held.
   */
  paths: string[];
}

/**
 * Which objects lose their S3 legal hold now that the policy no longer holds `environment`
 * (ADR 1408). Refuses while the environment's tier still has `retention.floor.legal_hold`. A
 * stream the policy does not name counts as held: nothing says its hold may go.
 */
export async function planLegalHoldLift(
  store: Store,
  policy: Policy,
  environment: string,
): Promise<LegalHoldLiftPlan> {
  const tier = snapshotTier(policy, environment);
  const hold = tier.retention.floor.legalHold;
  if (hold) {
    throw new SnapgateError(
      "POLICY",
      `${environment}'s tier ${tier.name} still has a legal hold (${hold.reason}); its S3 legal holds stay.`,
      {
        fix: `Lifting follows the policy: remove tiers.${tier.name}.retention.floor.legal_hold on the default branch (a reviewed change), then run this again.`,
      },
    );
  }
  const nodes = new Map<string, Promise<FileEntry[] | null>>();
  const nodeFiles = (id: string, where: string) => {
    let read = nodes.get(id);
    if (!read) {
      read = store
        .readNode(id)
        .then((bytes) => (bytes ? parseManifestNode(bytes, id, where).files : null));
      nodes.set(id, read);
    }
    return read;
  };
  /** A snapshot's objects: its manifest, its nodes and its blobs (a pruned node names none). */
  const objectsOf = async (stream: string, seq: number): Promise<string[]> => {
    const where = `${stream}@${seq}`;
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) return [];
    const record = parseManifest(bytes, where);
    const paths = [manifestPath(stream, seq)];
    const files: FileEntry[] = [];
    if ("files" in record && Array.isArray(record.files)) files.push(...record.files);
    for (const id of record.nodes ?? []) {
      // A node is stored gzip'd, or plain when written before ADR 1106.
      paths.push(nodePath(id), gzipNodePath(id));
      files.push(...((await nodeFiles(id, where)) ?? []));
    }
    for (const file of files) if (file.type === "file") paths.push(blobPath(blobRefOf(file)));
    return paths;
  };

  const released: number[] = [];
  const held: LegalHoldLiftPlan["held"] = [];
  const lift = new Set<string>();
  const keep = new Set<string>();
  for (const stream of await store.listStreams()) {
    const known = policy.environments[stream] !== undefined;
    for (const entry of await readCatalog(store, stream)) {
      const own = known ? snapshotTier(policy, stream, entry) : null;
      const reason = own
        ? own.retention.floor.legalHold?.reason
        : "not an environment of the policy";
      const objects = await objectsOf(stream, entry.seq);
      if (reason !== undefined) {
        for (const path of objects) keep.add(path);
        if (stream === environment) held.push({ seq: entry.seq, tier: own?.name ?? "", reason });
      } else if (stream === environment) {
        for (const path of objects) lift.add(path);
        released.push(entry.seq);
      }
    }
  }
  if (held.length === 0) {
    for (const folder of RECORD_FOLDERS)
      for (const path of await store.listRecords(`${folder}/${environment}`)) lift.add(path);
  }
  return {
    environment,
    tier: tier.name,
    released,
    held,
    paths: [...lift].filter((path) => !keep.has(path)).sort(),
  };
}
