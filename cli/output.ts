/** Plain-text tables and sizes for human output; --json output bypasses all of this. */

export function renderTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return (
    [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n"
  );
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export function shortId(id: string): string {
  return id.slice(0, 12);
}
