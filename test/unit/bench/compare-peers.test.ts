import { describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { comparePeers } from "../../../bench/peers/compare-peers.js";
import { formatPeerTables } from "../../../bench/peers/format-peer-tables.js";
import type { PeerFigures, PeerRound } from "../../../bench/peers/peer-figures.js";

const restic: PeerFigures = {
  firstMs: 1000,
  incrementalMs: 800,
  bytesAddedPerIncremental: 80_000,
  storeBytes: 6_000_000,
  restoreMs: 1200,
  verifyMs: 900,
};

/** A tool whose every figure is `factor` times restic's. */
function scaled(factor: number, extra: Partial<PeerFigures> = {}): PeerFigures {
  return {
    firstMs: restic.firstMs * factor,
    incrementalMs: restic.incrementalMs * factor,
    bytesAddedPerIncremental: restic.bytesAddedPerIncremental * factor,
    storeBytes: restic.storeBytes * factor,
    restoreMs: restic.restoreMs * factor,
    verifyMs: restic.verifyMs * factor,
    ...extra,
  };
}

describe("comparePeers", () => {
  it("gives every measure in issue 11's order with each tool's figure and its ratio to restic", () => {
    const round: PeerRound = {
      restic,
      borg: scaled(2),
      snapgate: scaled(0.5, { blobBytesPerIncremental: 10_000 }),
    };
    const measures = comparePeers([round]);
    expect(measures.map((m) => [m.title, m.unit, m.target])).toEqual([
      ["incremental snapshot (1% of files changed)", "ms", 0.5],
      ["bytes added per incremental snapshot", "KB", 2],
      ["store after 1 full + 10 incremental", "MB", 1.2],
      ["first snapshot", "ms", 1.5],
      ["restore of the latest snapshot", "ms", 1],
      ["verify, restore level", "ms", 1.5],
    ]);
    expect(measures[0]?.rows).toEqual([
      { tool: "restic", value: 800, ratio: 1 },
      { tool: "borg", value: 1600, ratio: 2 },
      { tool: "snapgate", value: 400, ratio: 0.5 },
    ]);
    expect(measures.every((m) => m.verdict === "ok")).toBe(true);
  });

  it("splits the bytes Snapgate adds into manifest and blobs, each as a ratio to restic's total", () => {
    const round: PeerRound = {
      restic,
      snapgate: scaled(3, { blobBytesPerIncremental: 40_000 }),
    };
    const bytes = comparePeers([round])[1];
    expect(bytes?.rows).toEqual([
      { tool: "restic", value: 80_000, ratio: 1 },
      { tool: "snapgate", value: 240_000, ratio: 3 },
      { tool: "snapgate: manifest and other records", value: 200_000, ratio: 2.5 },
      { tool: "snapgate: blobs (file content)", value: 40_000, ratio: 0.5 },
    ]);
    expect(bytes?.verdict).toBe("OVER");
  });

  it("takes the median of the ratios within each round, not the ratio of the medians", () => {
    // Round 2 ran on a slow machine: every tool took 10x as long.
    const rounds: PeerRound[] = [
      { restic, snapgate: scaled(1.4) },
      { restic: scaled(10), snapgate: scaled(14) },
      { restic, snapgate: scaled(1.6) },
    ];
    const first = comparePeers(rounds)[3];
    expect(first?.rows.map((row) => row.tool)).toEqual(["restic", "snapgate"]);
    expect(first?.rows[1]?.value).toBeCloseTo(1600);
    expect(first?.rows[1]?.ratio).toBeCloseTo(1.4);
    expect(first?.verdict).toBe("ok");
    // A ratio just over a target is a miss.
    expect(comparePeers([{ restic, snapgate: scaled(1.21) }])[2]?.verdict).toBe("OVER");
  });

  it("leaves out a tool that did not run in every round, and refuses a round without restic", () => {
    const rounds: PeerRound[] = [
      { restic, borg: scaled(2), snapgate: scaled(1) },
      { restic, snapgate: scaled(1) },
    ];
    expect(comparePeers(rounds)[0]?.rows.map((row) => row.tool)).toEqual(["restic", "snapgate"]);
    let error: unknown;
    try {
      comparePeers([{ snapgate: scaled(1) }]);
    } catch (caught) {
      error = caught;
    }
    expect(isSnapgateError(error) && error.message).toMatch(/Round 1 .* no figures for restic/);
    expect(isSnapgateError(error) && error.fix).toMatch(/must run restic/);
  });
});

describe("formatPeerTables", () => {
  it("prints one table per measure, figures in the measure's unit and the ratio to restic", () => {
    const text = formatPeerTables(
      comparePeers([{ restic, snapgate: scaled(0.5, { blobBytesPerIncremental: 30_000 }) }]),
    );
    expect(text).toContain(
      [
        "incremental snapshot (1% of files changed): snapgate target <= 0.5x restic, ok",
        "tool      incremental snapshot (1% of files changed) (ms)  ratio to restic (x)",
        "--------  -----------------------------------------------  -------------------",
        "restic                                                800                 1.00",
        "snapgate                                              400                 0.50",
      ].join("\n"),
    );
    expect(text).toContain("snapgate: manifest and other records");
    expect(text).toMatch(
      /store after 1 full \+ 10 incremental \(MB\)[^\n]*\n[-\s]+\nrestic\s+6\.00\s+1\.00/,
    );
    expect(text.match(/ratio to restic/g)).toHaveLength(6);
  });

  it("writes Markdown tables under a heading each", () => {
    const text = formatPeerTables(comparePeers([{ restic, snapgate: scaled(2) }]), {
      markdown: true,
    });
    expect(text).toContain(
      "#### restore of the latest snapshot: snapgate target <= 1x restic, OVER",
    );
    expect(text).toContain("| snapgate | 2400 | 2.00 |");
  });
});
