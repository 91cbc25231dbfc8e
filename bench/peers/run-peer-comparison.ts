import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { comparePeers } from "./compare-peers.js";
import { formatPeerTables } from "./format-peer-tables.js";
import type { PeerRound } from "./peer-figures.js";
import { runPeerRound } from "./run-peer-round.js";

export interface PeerComparisonOptions {
  repoRoot: string;
  /** Rounds; the tables show medians. */
  repeat: number;
  markdown: boolean;
  write: (text: string) => void;
}

/**
 * `npm run bench -- --peers`: `repeat` rounds of restic, borg and Snapgate
 * side by side, each round in a fresh temporary directory (repositories,
 * caches and password-protected stores removed afterwards, also on failure),
 * then one table per measure.
 */
export async function runPeerComparison({
  repoRoot,
  repeat,
  markdown,
  write,
}: PeerComparisonOptions): Promise<void> {
  const rounds: PeerRound[] = [];
  for (let index = 0; index < repeat; index++) {
    process.stderr.write(`peers: round ${index + 1} of ${repeat}\n`);
    const workDir = await mkdtemp(join(tmpdir(), "snapgate-bench-peers-"));
    try {
      rounds.push(await runPeerRound(workDir, repoRoot));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  const tools = Object.keys(rounds[0] ?? {}).join(", ");
  const description =
    `Peers (${tools}) on the 2,000-file, 25 MB corpus, 1 full + 10 incremental snapshots (1% changed each), ` +
    `each step of every tool a separate process in the same round; ` +
    (repeat > 1 ? `medians of ${repeat} rounds (ratios taken within each round).` : `one round.`);
  write(
    (markdown ? `\n### peers\n\n${description}\n` : `\npeers: ${description}\n`) +
      formatPeerTables(comparePeers(rounds), { markdown }),
  );
}
