import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bench } from "./bench.js";
import { describeMachine } from "./harness/describe-machine.js";
import { formatTable } from "./harness/format-table.js";

export interface RunBenchesOptions {
  markdown: boolean;
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
  { markdown, repoRoot, write = (text) => process.stdout.write(text) }: RunBenchesOptions,
): Promise<void> {
  write(
    markdown ? `Machine: ${describeMachine()}\n` : `Snapgate benchmarks on ${describeMachine()}\n`,
  );
  for (const bench of benches) {
    const workDir = await mkdtemp(join(tmpdir(), `snapgate-bench-${bench.name}-`));
    try {
      const rows = await bench.run({ workDir, repoRoot });
      const title = markdown
        ? `\n### ${bench.name}\n\n${bench.description}\n\n`
        : `\n${bench.name}: ${bench.description}\n\n`;
      write(title + formatTable(rows, bench.columns, { markdown }));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
