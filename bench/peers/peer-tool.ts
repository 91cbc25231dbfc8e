/**
 * One backup tool driven by the peer comparison: every method runs the tool
 * as a separate process on the round's tree and reports wall time.
 */
export interface PeerTool {
  readonly name: string;
  /** Creates the tool's empty repository (untimed). */
  init(): Promise<void>;
  /** Backs up the whole tree; `blobBytes` when the tool reports its content bytes apart. */
  snapshot(): Promise<{ wallMs: number; blobBytes?: number }>;
  /** The repository's directory, whose size is the store size. */
  readonly repository: string;
  /** Restores the latest snapshot into `target` (new, empty); returns the wall time. */
  restore(target: string): Promise<number>;
  /** Reads, decrypts and authenticates all data of the repository; returns the wall time. */
  verify(): Promise<number>;
}
