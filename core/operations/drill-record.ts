import type { ManifestSignature } from "../types.js";

export const DRILL_FORMAT = "snapgate.drill/v1";

/** A gap a drill found: what a real recovery would trip over. */
export interface DrillGap {
  kind:
    | "missing-dependency"
    | "outdated-secret"
    | "out-of-scope"
    | "missing-component"
    | "restore"
    | "other";
  message: string;
  path?: string;
}

export interface DrillValidation {
  command: string;
  /** null when it was killed (timeout) or could not start. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr interleaved, capped (outputTruncated says so). */
  output: string;
  /** sha256 of the captured output: what "validation output differs" compares. */
  outputSha256: string;
  outputTruncated: boolean;
}

/** How this drill deviates from the last known-good one. */
export interface DrillDeviation {
  /** The baseline drill record's path. */
  drill: string;
  missing: string[];
  extra: string[];
  changedComponents: string[];
  validationOutputDiffers: boolean;
}

/** Everything but the signature: the canonical JSON of this is what is signed. */
export interface DrillBody {
  format: typeof DRILL_FORMAT;
  stream: string;
  snapshot: string;
  seq: number;
  snapshotTime: string;
  tier: string | null;
  /** Only a configuration-only drill into a staging directory exists today. */
  scope: "config";
  time: string;
  finishedAt: string;
  /** Restored and (when a command was given) validated with exit code 0. */
  ok: boolean;
  /** RTO and RPO within the tier's SLA; null when the tier sets neither. */
  slaMet: boolean | null;
  /** What was restored, by keyed blob id (no content), for the next drill's comparison. */
  files: Array<{ path: string; blob: string | null; component: string | null }>;
  validation: DrillValidation | null;
  rto: { ms: number; slaMs: number | null; met: boolean | null };
  rpo: {
    /** The snapshot's age at the drill: the configuration changes a restore now would lose at most. */
    snapshotAgeMs: number;
    /** When the restored configuration last changed (the first snapshot with the same files). */
    lastChangeAt: string;
    sinceLastChangeMs: number;
    slaMs: number | null;
    met: boolean | null;
  };
  baseline: DrillDeviation | null;
  /** Who ran (or asked for) it, when known: they cannot sign it off. Absent from older records. */
  ranBy?: { login: string; id?: number };
  gaps: DrillGap[];
}

export interface DrillRecord extends DrillBody {
  signature: ManifestSignature;
}
