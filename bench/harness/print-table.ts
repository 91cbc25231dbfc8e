import { formatTable, type Column, type Row, type TableOptions } from "./format-table.js";

/** Prints a table to stdout (see formatTable) and returns the text printed. */
export function printTable(
  rows: readonly Row[],
  columns: readonly Column[],
  options: TableOptions = {},
): string {
  const text = formatTable(rows, columns, options);
  process.stdout.write(text);
  return text;
}
