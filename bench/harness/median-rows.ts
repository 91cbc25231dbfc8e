import type { Row } from "./format-table.js";
import { percentile } from "./percentile.js";

/**
 * Merges the rows of repeated runs of one benchmark: row i of every run is
 * the same step (checked by its first column), each numeric cell becomes the
 * median of the runs, and any other cell is taken from the first run.
 */
export function medianRows(runs: readonly Row[][], keyColumn: string): Row[] {
  const [first, ...rest] = runs;
  if (!first) return [];
  return first.map((row, index) => {
    const same = rest.map((run) => run[index]);
    if (same.some((other) => other?.[keyColumn] !== row[keyColumn]))
      throw new Error(`Repeated runs disagree on row ${index + 1} ('${String(row[keyColumn])}').`);
    const merged: Row = { ...row };
    for (const [key, value] of Object.entries(row)) {
      if (typeof value !== "number") continue;
      const values = [value, ...same.map((other) => other?.[key])].filter(
        (cell): cell is number => typeof cell === "number",
      );
      merged[key] = percentile(values, 50);
    }
    return merged;
  });
}
