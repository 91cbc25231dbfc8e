import { SnapgateError } from "../../core/errors.js";
import { percentile } from "../harness/percentile.js";
import { BASELINE_TOOL, type PeerFigures, type PeerRound } from "./peer-figures.js";

export interface PeerMeasureRow {
  /** A tool, or a part of one tool's figure (e.g. "snapgate: blobs"). */
  tool: string;
  /** Median over the rounds, base units. */
  value: number;
  /** Median over the rounds of value / restic's value in the same round. */
  ratio: number;
}

export interface PeerMeasure {
  title: string;
  unit: "ms" | "KB" | "MB";
  /** The compared tool's ratio to restic should be at most this (issue 11's targets). */
  target: number;
  rows: PeerMeasureRow[];
  /** Whether the compared tool's median ratio meets the target. */
  verdict: "ok" | "OVER";
}

interface MeasureSpec {
  title: string;
  unit: PeerMeasure["unit"];
  target: number;
  figure: (figures: PeerFigures) => number;
}

/** The measures of issue 11, in its order, with its targets. */
export const PEER_MEASURES: readonly MeasureSpec[] = [
  {
    title: "incremental snapshot (1% of files changed)",
    unit: "ms",
    target: 0.5,
    figure: (f) => f.incrementalMs,
  },
  {
    title: "bytes added per incremental snapshot",
    unit: "KB",
    target: 2,
    figure: (f) => f.bytesAddedPerIncremental,
  },
  {
    title: "store after 1 full + 10 incremental",
    unit: "MB",
    target: 1.2,
    figure: (f) => f.storeBytes,
  },
  { title: "first snapshot", unit: "ms", target: 1.5, figure: (f) => f.firstMs },
  { title: "restore of the latest snapshot", unit: "ms", target: 1, figure: (f) => f.restoreMs },
  { title: "verify, restore level", unit: "ms", target: 1.5, figure: (f) => f.verifyMs },
];

/**
 * Turns rounds of the peer comparison into one table per measure: each tool's
 * median figure and its ratio to restic. Ratios are taken within a round (the
 * tools ran side by side on the same machine state) and then the median of
 * those is reported, so a slow minute of a shared machine does not favour the
 * tool that happened to run in a quiet one. A tool's figures whose growth is
 * split (blobs given) get two more rows in the bytes-added table: blobs, and
 * the rest (manifest and other records).
 */
export function comparePeers(rounds: readonly PeerRound[], subject = "snapgate"): PeerMeasure[] {
  if (rounds.length === 0) throw new RangeError("comparePeers needs at least one round");
  const missing = rounds.findIndex((round) => !round[BASELINE_TOOL] || !round[subject]);
  if (missing >= 0) {
    throw new SnapgateError(
      "USAGE",
      `Round ${missing + 1} of the peer comparison has no figures for ${BASELINE_TOOL} or ${subject}.`,
      { fix: `Every round must run ${BASELINE_TOOL} (the baseline) and ${subject}.` },
    );
  }
  // Tools that ran in every round, baseline first, then in the order they ran.
  const tools = Object.keys(rounds[0] as PeerRound).filter((tool) =>
    rounds.every((round) => round[tool]),
  );
  tools.sort((a, b) => Number(b === BASELINE_TOOL) - Number(a === BASELINE_TOOL));

  return PEER_MEASURES.map((spec, index) => {
    const row = (
      tool: string,
      figure: (f: PeerFigures) => number,
      label = tool,
    ): PeerMeasureRow => ({
      tool: label,
      value: percentile(
        rounds.map((round) => figure(round[tool] as PeerFigures)),
        50,
      ),
      ratio: percentile(
        rounds.map(
          (round) =>
            figure(round[tool] as PeerFigures) / spec.figure(round[BASELINE_TOOL] as PeerFigures),
        ),
        50,
      ),
    });
    const rows = tools.map((tool) => row(tool, spec.figure));
    if (index === 1) {
      for (const tool of tools) {
        if (rounds.some((round) => round[tool]?.blobBytesPerIncremental === undefined)) continue;
        const blobs = (f: PeerFigures) => f.blobBytesPerIncremental ?? 0;
        const rest = (f: PeerFigures) => f.bytesAddedPerIncremental - blobs(f);
        rows.push(row(tool, rest, `${tool}: manifest and other records`));
        rows.push(row(tool, blobs, `${tool}: blobs (file content)`));
      }
    }
    const subjectRatio = rows.find((r) => r.tool === subject)?.ratio ?? Number.NaN;
    return {
      title: spec.title,
      unit: spec.unit,
      target: spec.target,
      rows,
      verdict: subjectRatio <= spec.target ? "ok" : "OVER",
    };
  });
}
