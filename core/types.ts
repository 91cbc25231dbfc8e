/** Shared data shapes of the snapshot format. Schemas in schemas/ describe the same shapes. */

export const PHASES = ["pre", "post", "scheduled", "manual"] as const;
export type Phase = (typeof PHASES)[number];

/** Environment (stream) names: safe as a path segment and in a check run name. */
export const STREAM_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export interface SnapshotMetadata {
  environment: string;
  application?: string;
  appVersion?: string;
  commit?: string;
  ref?: string;
  repository?: string;
  deployer?: string;
  changeId?: string;
  runUrl?: string;
  workflow?: string;
  tags: string[];
}

export interface Classification {
  component?: string;
  tier?: string;
  owner?: string;
}

export type BlobEncoding = "gzip" | "none";

export interface RegularFileEntry extends Classification {
  type: "file";
  path: string;
  mode: number;
  size: number;
  blob: string;
  encoding: BlobEncoding;
  ciphertextSha256: string;
  /**
   * The id of the recipient set (in the manifest's recipientSets) the blob is
   * sealed to; also part of the blob's file name. Absent in older manifests:
   * then the blob's recipients are unknown (the writer claimed `recipients`).
   */
  recipientSet?: string;
  /**
   * Where the file's encoded content lies when it was sealed in a pack with other
   * files (ADR 1114): then `ciphertextSha256` and `recipientSet` are the pack's.
   */
  pack?: PackSlice;
}

/** A file's place in a pack: the pack's content id and a byte range of its plaintext. */
export interface PackSlice {
  blob: string;
  offset: number;
  length: number;
}

export interface SymlinkEntry extends Classification {
  type: "symlink";
  path: string;
  target: string;
}

export type FileEntry = RegularFileEntry | SymlinkEntry;

export interface ConsistencyOutcome {
  name: string;
  ok: boolean;
  message: string;
}

/**
 * What the snapshot job found about coverage under the policy, recorded so the
 * gate can judge a snapshot without the working tree it was taken from.
 */
export interface ManifestCoverage {
  /** Tier-0 files (of the snapshot's paths) in no component and no active exception. */
  uncoveredTier0Paths: string[];
  /** Required (tier-0) components of the environment that hold no file of the snapshot. */
  missingComponents: string[];
  /** Files that look like secrets but belong to no component. */
  secretsOutsideComponents: string[];
}

/** Who can open a blob. Room for what key epochs (re-wrapping) will add. */
export interface RecipientSet {
  recipients: string[];
}

export const MANIFEST_FORMAT = "snapgate.manifest/v1";
/** A signed root that names content-addressed nodes instead of listing files (ADR 1101). */
export const MANIFEST_V2_FORMAT = "snapgate.manifest/v2";
export const MANIFEST_NODE_FORMAT = "snapgate.manifest-node/v1";
/** A node that holds a packed entry (ADR 1114): older readers refuse it by its format. */
export const MANIFEST_NODE_V2_FORMAT = "snapgate.manifest-node/v2";

/**
 * A manifest as readers see it, whatever its format: a v2 root is read with
 * its nodes' files in `files` (loadSnapshot checks each node's hash first).
 */
export interface ManifestBody {
  format: typeof MANIFEST_FORMAT | typeof MANIFEST_V2_FORMAT;
  /** v2 only: the ids (sha256 of the node files) whose files, in order, are the snapshot's. */
  nodes?: string[];
  stream: string;
  seq: number;
  /** sha256 of the previous manifest file of the stream; null for the first. */
  prev: string | null;
  phase: Phase;
  /** The snapshot's time (given with --time, or when it was taken). */
  time: string;
  /** When the manifest was written. */
  writtenAt: string;
  metadata: SnapshotMetadata;
  policyDigest: string | null;
  recipients: string[];
  /**
   * The recipient sets the manifest's blobs are sealed to, by id (see
   * recipientSetId). Absent in manifests written before blobs named them.
   */
  recipientSets?: Record<string, RecipientSet>;
  files: FileEntry[];
  /**
   * Directories that held nothing, relative like file paths, so a restore makes them too.
   * Absent in manifests of older versions and when there is none.
   */
  emptyDirectories?: string[];
  /** Outcomes of the policy's consistency rules at snapshot time (absent: taken without a policy). */
  consistency?: ConsistencyOutcome[];
  /** Absent in manifests taken without a policy (or by older versions). */
  coverage?: ManifestCoverage;
}

export interface ManifestSignature {
  alg: "ed25519";
  key: string;
  value: string;
}

export interface Manifest extends ManifestBody {
  signature: ManifestSignature;
}

/** What a v2 manifest file holds and its signature covers: no files, the ids of the nodes that hold them. */
export interface ManifestRootBody extends Omit<ManifestBody, "format" | "files" | "nodes"> {
  format: typeof MANIFEST_V2_FORMAT;
  nodes: string[];
}

export interface ManifestRoot extends ManifestRootBody {
  signature: ManifestSignature;
}

/** nodes/<id[0:2]>/<id>.json(.gz): a run of a snapshot's files (sorted by path), JSON (gzip'd on local and S3 stores, ADR 1106). */
export interface ManifestNode {
  format: typeof MANIFEST_NODE_FORMAT | typeof MANIFEST_NODE_V2_FORMAT;
  files: FileEntry[];
}

/** One line of catalog/<stream>.jsonl: what `list` searches without opening manifests. */
export interface CatalogEntry {
  id: string;
  stream: string;
  seq: number;
  /** The previous manifest's id (the manifest's `prev`): the chain, readable without manifests. */
  prev?: string | null;
  time: string;
  writtenAt: string;
  phase: Phase;
  metadata: SnapshotMetadata;
  files: number;
  bytes: number;
  components: string[];
}
