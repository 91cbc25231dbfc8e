/** What one tool measured in one round of the peer comparison, in base units (ms, bytes). */
export interface PeerFigures {
  /** The first snapshot of the generated tree. */
  firstMs: number;
  /** Median over the round's incremental snapshots (1% of files changed each). */
  incrementalMs: number;
  /** Mean growth of the store per incremental snapshot. */
  bytesAddedPerIncremental: number;
  /** Snapgate only: the part of that growth that is encrypted file content (blobs). */
  blobBytesPerIncremental?: number;
  /** The store's size (sum of file sizes) after 1 full and the incremental snapshots. */
  storeBytes: number;
  /** Restoring the latest snapshot into an empty directory. */
  restoreMs: number;
  /** Checking the latest snapshot by decrypting and authenticating all of its data. */
  verifyMs: number;
}

/** One round: the figures of every tool that ran, keyed by tool name; `restic` is the baseline. */
export type PeerRound = Record<string, PeerFigures>;

/** The baseline every ratio is taken against. */
export const BASELINE_TOOL = "restic";
