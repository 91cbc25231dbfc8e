import type { Column, Row } from "./harness/format-table.js";

export type { Column, Row } from "./harness/format-table.js";

/** What the runner gives every benchmark. */
export interface BenchContext {
  /** A fresh temporary directory for this benchmark, removed after it ran. */
  workDir: string;
  /** The repository root, e.g. to find `dist/cli/index.js`. */
  repoRoot: string;
}

/**
 * One benchmark. Add a file under bench/benches/ exporting one of these and
 * list it in bench/registry.ts; `npm run bench -- --only <name>` runs it alone.
 */
export interface Bench {
  /** Lowercase, kebab-case: the --only argument. */
  name: string;
  /** One sentence printed above the table. */
  description: string;
  columns: readonly Column[];
  run(context: BenchContext): Promise<Row[]>;
  /**
   * Recomputes a row's verdict from its figures. Benchmarks that have one are
   * run `--repeat N` times and report the median of each figure; the others
   * run once (their figures do not vary from run to run: API calls, bytes).
   */
  judge?(row: Row): Row;
}
