import { join } from "node:path";
import { RACY_WINDOW_MS } from "../../core/snapshot/stat-cache.js";
import { DEFAULT_CORPUS, generateCorpus } from "../corpus/generate-corpus.js";
import { mutateCorpus } from "../corpus/mutate-corpus.js";
import { dirSize } from "../harness/dir-size.js";
import { hashTree } from "../harness/hash-tree.js";
import { percentile } from "../harness/percentile.js";
import { installedPeers } from "./installed-peers.js";
import type { PeerFigures, PeerRound } from "./peer-figures.js";

export interface PeerRoundOptions {
  /** Incremental snapshots after the full one, each after a 1% change. Default 10. */
  incrementals?: number;
  /** Progress lines (to stderr by default). */
  log?: (line: string) => void;
}

/**
 * One round of the peer comparison in `workDir`: generates the bench corpus,
 * then every tool in turn takes the first snapshot, and after each of the
 * 1% mutations an incremental one, so all tools see the same tree at the
 * same moment of the machine's load; then each restores the latest snapshot
 * (checked against the tree) and verifies its repository by reading all data.
 */
export async function runPeerRound(
  workDir: string,
  repoRoot: string,
  { incrementals = 10, log = (line) => process.stderr.write(`${line}\n`) }: PeerRoundOptions = {},
): Promise<PeerRound> {
  const tree = join(workDir, "tree");
  await generateCorpus(tree, DEFAULT_CORPUS);
  const generatedAt = Date.now();
  const tools = await installedPeers(workDir, tree, repoRoot);
  for (const tool of tools) await tool.init();
  // A tree at rest, as a deploy checkout is: Snapgate's stat cache never trusts files
  // changed within its racy window (borg's files cache has a similar rule).
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, generatedAt + RACY_WINDOW_MS + 100 - Date.now())),
  );

  const first = new Map<string, number>();
  for (const tool of tools) first.set(tool.name, (await tool.snapshot()).wallMs);
  log(
    `  first snapshot: ${tools.map((t) => `${t.name} ${Math.round(first.get(t.name) ?? 0)} ms`).join(", ")}`,
  );

  const times = new Map<string, number[]>(tools.map((tool) => [tool.name, []]));
  const added = new Map<string, number[]>(tools.map((tool) => [tool.name, []]));
  const blobs = new Map<string, number[]>();
  for (let seed = 1; seed <= incrementals; seed++) {
    await mutateCorpus(tree, { seed, fraction: 0.01 });
    for (const tool of tools) {
      const before = (await dirSize(tool.repository)).apparentBytes;
      const result = await tool.snapshot();
      times.get(tool.name)?.push(result.wallMs);
      added.get(tool.name)?.push((await dirSize(tool.repository)).apparentBytes - before);
      if (result.blobBytes !== undefined) {
        blobs.set(tool.name, [...(blobs.get(tool.name) ?? []), result.blobBytes]);
      }
    }
  }
  log(`  ${incrementals} incremental snapshots done`);

  const expected = await hashTree(tree);
  const round: PeerRound = {};
  for (const tool of tools) {
    const target = join(workDir, `restored-${tool.name}`);
    const restoreMs = await tool.restore(target);
    if ((await hashTree(target)) !== expected) {
      throw new Error(`${tool.name}'s restore differs from the tree it backed up`);
    }
    const mean = (values: readonly number[]) =>
      values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const toolBlobs = blobs.get(tool.name);
    const figures: PeerFigures = {
      firstMs: first.get(tool.name) ?? 0,
      incrementalMs: percentile(times.get(tool.name) ?? [0], 50),
      bytesAddedPerIncremental: mean(added.get(tool.name) ?? []),
      storeBytes: (await dirSize(tool.repository)).apparentBytes,
      restoreMs,
      verifyMs: await tool.verify(),
      ...(toolBlobs ? { blobBytesPerIncremental: mean(toolBlobs) } : {}),
    };
    round[tool.name] = figures;
  }
  log(`  restore and verify done`);
  return round;
}
