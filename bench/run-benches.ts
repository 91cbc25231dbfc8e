import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bench, Row } from "./bench.js";
import { medianRows } from "./harness/median-rows.js";
import { describeMachine } from "./harness/describe-machine.js";
import { formatTable } from "./harness/format-table.js";

export interface RunBenchesOptions {
  markdown: boolean;
  /** Runs of each benchmark that has a `judge`; its table shows the medians. */
  repeat?: number;
  repoRoot: string;
  /** Where the output goes; stdout by default. */
  write?: (text: string) => void;
}

/**
 * Runs benchmarks one after another, each in its own temporary directory
 * (removed afterwards, also on failure), and prints a table per benchmark
 * under one line describing the machine.
 */
export async function runBenches(
  benches: readonly Bench[],
  {
    markdown,
    repoRoot,
    repeat = 1,
    write = (text) => process.stdout.write(text),
  }: RunBenchesOptions,
): Promise<void> {
  write(
    markdown ? `Machine: ${describeMachine()}\n` : `Snapgate benchmarks on ${describeMachine()}\n`,
  );
  for (const bench of benches) {
    const runs = bench.judge ? repeat : 1;
    const results: Row[][] = [];
    for (let run = 0; run < runs; run++) results.push(await runOnce(bench, repoRoot));
    const key = bench.columns[0]?.key ?? "step";
    const rows =
      runs > 1
        ? medianRows(results, key).map((row) => bench.judge?.(row) ?? row)
        : (results[0] ?? []);
    const description =
      runs > 1 ? `${bench.description} Median of ${runs} runs.` : bench.description;
    const title = markdown
      ? `\n### ${bench.name}\n\n${description}\n\n`
      : `\n${bench.name}: ${description}\n\n`;
    write(title + formatTable(rows, bench.columns, { markdown }));
  }
}

/** One run of a benchmark in its own temporary directory, removed afterwards (also on failure). */
async function runOnce(bench: Bench, repoRoot: string): Promise<Row[]> {
  const workDir = await mkdtemp(join(tmpdir(), `snapgate-bench-${bench.name}-`));
  try {
    return await bench.run({ workDir, repoRoot });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
